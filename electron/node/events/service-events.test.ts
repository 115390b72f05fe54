import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import { tempDir } from '../export/readers.testkit';
import { writeRichConference } from '../export/rich-conference.testkit';
import { AppServices } from '../services/app-services';
import { attachServiceEvents } from './attach';
import { EventHub } from './service-events';

type Heard = { name: EventName; payload: unknown };
const listen = (hub: EventHub) => {
  const heard: Heard[] = [];
  const off = hub.subscribe((name, payload) => {
    heard.push({ name, payload });
  });
  return { heard, off };
};

describe('the services’ event hub', () => {
  it('delivers a valid event to every listener, and no longer after unsubscribing', () => {
    const hub = new EventHub(() => undefined);
    const a = listen(hub);
    const b = listen(hub);
    hub.emit('partChanged', { handle: 'h', path: '/a.rapporteur', partId: 'p', revision: 2 });
    expect(a.heard).toEqual([
      { name: 'partChanged', payload: { handle: 'h', path: '/a.rapporteur', partId: 'p', revision: 2 } },
    ]);
    expect(b.heard).toHaveLength(1);
    a.off();
    hub.emit('menuCommand', { command: 'export' });
    expect(a.heard).toHaveLength(1);
    expect(b.heard).toHaveLength(2);
    expect(hub.size).toBe(1);
  });

  it('sends no payload the contract refuses, and says so', () => {
    const reports: string[] = [];
    const hub = new EventHub((m) => reports.push(m));
    const a = listen(hub);
    hub.emit('partChanged', {
      handle: 'h',
      path: '/a',
      partId: 'p',
      revision: 'two',
    } as unknown as EventPayload<'partChanged'>);
    expect(a.heard).toEqual([]);
    expect(reports[0]).toMatch(/partChanged not sent/);
  });

  it('a failing listener keeps the event from no other', () => {
    const reports: string[] = [];
    const hub = new EventHub((m) => reports.push(m));
    hub.subscribe(() => {
      throw new Error('window closed');
    });
    const b = listen(hub);
    hub.emit('menuCommand', { command: 'close' });
    expect(b.heard).toHaveLength(1);
    expect(reports[0]).toMatch(/window closed/);
  });
});

describe('services wired to the hub', () => {
  let dir: string;
  let services: AppServices;
  let handle: string;
  let file: string;
  const hub = new EventHub();

  beforeAll(async () => {
    dir = tempDir('events');
    file = path.join(dir, 'rich.rapporteur');
    writeRichConference(file);
    services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
    attachServiceEvents(services, hub);
    handle = (await services.api.openConference({ path: file })).handle;
  });
  afterAll(() => {
    services.closeAll();
    services.exports.dispose();
  });

  it('a saved part is announced with its new revision', async () => {
    const { heard, off } = listen(hub);
    const partId = (await services.api.getConference({ handle })).parts[0]!.id;
    const part = await services.api.getPart({ handle, partId });
    const saved = await services.api.savePart({ handle, partId, doc: part.doc, baseRevision: part.revision });
    off();
    expect(heard).toEqual([
      { name: 'partChanged', payload: { handle, path: path.resolve(file), partId, revision: saved.revision } },
    ]);
    expect(saved.revision).toBeGreaterThan(part.revision);
  });

  it('restoring a snapshot announces every part whose revision moved, with its new revision', async () => {
    const parts = (await services.api.getConference({ handle })).parts;
    const first = parts[0]!.id;
    const snapshot = await services.api.createSnapshot({ handle, name: 'before the edit' });
    const part = await services.api.getPart({ handle, partId: first });
    await services.api.savePart({
      handle,
      partId: first,
      doc: { ...part.doc, root: { ...part.doc.root, children: [] } },
      baseRevision: part.revision,
    });
    const before = new Map((await services.api.getConference({ handle })).parts.map((p) => [p.id, p.revision]));
    const { heard, off } = listen(hub);
    await services.api.restoreSnapshot({ handle, snapshotId: snapshot.id });
    off();
    const after = (await services.api.getConference({ handle })).parts;
    const moved = after
      .filter((p) => before.get(p.id) !== p.revision)
      .map((p) => ({ handle, path: path.resolve(file), partId: p.id, revision: p.revision }));
    expect(moved.map((m) => m.partId)).toContain(first);
    expect(heard.filter((h) => h.name === 'partChanged').map((h) => h.payload)).toEqual(moved);
  });

  it('an export job reports each stage, in order, up to its end, the last status equal to exportStatus', async () => {
    const { heard, off } = listen(hub);
    const started = await services.api.startExport({
      handle,
      format: 'docx',
      options: { partIds: null, annexes: true, watermark: false },
    });
    const done = await services.exports.wait(started.jobId);
    off();
    const mine = heard
      .filter((h) => h.name === 'exportProgress')
      .map((h) => h.payload as EventPayload<'exportProgress'>)
      .filter((s) => s.jobId === started.jobId);
    expect(mine[0]).toMatchObject({ state: 'running', message: 'Queued', fraction: 0 });
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine.slice(0, -1).every((s) => s.state === 'running')).toBe(true);
    const fractions = mine.map((s) => s.fraction);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(mine.at(-1)).toEqual(done);
    expect(done.state).toBe('done');
  });

  it('a cancelled job ends with a cancelled event', async () => {
    const { heard, off } = listen(hub);
    const started = await services.api.startExport({
      handle,
      format: 'pdf',
      options: { partIds: null, annexes: true, watermark: false },
    });
    services.exports.cancel(started.jobId);
    await services.exports.wait(started.jobId);
    off();
    const last = heard.filter((h) => h.name === 'exportProgress').at(-1)?.payload as EventPayload<'exportProgress'>;
    expect(last).toMatchObject({ jobId: started.jobId, state: 'cancelled' });
  });
});
