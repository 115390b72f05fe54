/** Issue 13.6: the conference details checked where they are written, on a real file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import { AppServices } from './app-services';

let dir: string;
let services: AppServices;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-details-'));
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
});
afterEach(() => {
  services.closeAll();
  services.exports.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const refusal = async (handle: string, patch: object, baseRevision: number) => {
  const r = await dispatch(services.api, 'updateMeta', { handle, patch, baseRevision });
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('accepted');
  expect(r.error.code).toBe('INVALID_INPUT');
  expect(r.error.message).not.toMatch(/patch\.|Malformed request/);
  return r.error.message;
};

describe('conference details', () => {
  it('refuses an end before the start, in one patch or against the stored start, and a blank title; nothing changes', async () => {
    const file = path.join(dir, 'c.rapporteur');
    const view = await services.api.createConference({ templateId: 'summary-report', path: file, title: 'Seminar' });
    const ok = await dispatch(services.api, 'updateMeta', {
      handle: view.handle,
      patch: { startDate: '2025-03-10', endDate: '2025-03-12' },
      baseRevision: view.metaRevision,
    });
    expect(ok.ok).toBe(true);
    const saved = await services.api.getConference({ handle: view.handle });

    expect(await refusal(view.handle, { startDate: '2025-03-12', endDate: '2025-03-10' }, saved.metaRevision)).toBe(
      'The end date is before the start date.',
    );
    expect(await refusal(view.handle, { endDate: '2025-03-09' }, saved.metaRevision)).toBe(
      'The end date is before the start date.',
    );
    expect(await refusal(view.handle, { startDate: '2025-03-13' }, saved.metaRevision)).toBe(
      'The end date is before the start date.',
    );
    expect(await refusal(view.handle, { title: '   ' }, saved.metaRevision)).toBe('The conference needs a title.');
    expect(await refusal(view.handle, { endDate: '2025-02-30' }, saved.metaRevision)).toMatch(
      /^The end date is not a date/,
    );

    const after = await services.api.getConference({ handle: view.handle });
    expect(after.metaRevision).toBe(saved.metaRevision);
    expect(after.meta).toMatchObject({ title: 'Seminar', startDate: '2025-03-10', endDate: '2025-03-12' });
    // A one-day conference and clearing a date are fine.
    const same = await dispatch(services.api, 'updateMeta', {
      handle: view.handle,
      patch: { endDate: '2025-03-10' },
      baseRevision: after.metaRevision,
    });
    expect(same.ok).toBe(true);
  });

  it('a file written with its dates out of order still opens, and its other details still save', async () => {
    const file = path.join(dir, 'old.rapporteur');
    const view = await services.api.createConference({
      templateId: 'summary-report',
      path: file,
      title: 'Old seminar',
    });
    await services.api.closeConference({ handle: view.handle });
    const db = new Database(file);
    db.prepare(
      "UPDATE meta SET value = json_set(value, '$.startDate', '2025-03-12', '$.endDate', '2025-03-10') WHERE key = 'conference'",
    ).run();
    db.close();

    const opened = await services.api.openConference({ path: file });
    expect(opened.meta).toMatchObject({ startDate: '2025-03-12', endDate: '2025-03-10' });
    expect(opened.problems ?? []).toEqual([]);
    const retitled = await dispatch(services.api, 'updateMeta', {
      handle: opened.handle,
      patch: { title: 'Old seminar, retitled' },
      baseRevision: opened.metaRevision,
    });
    expect(retitled.ok).toBe(true);
    // Putting the dates in order is accepted.
    const fixed = await dispatch(services.api, 'updateMeta', {
      handle: opened.handle,
      patch: { endDate: '2025-03-14' },
      baseRevision: (await services.api.getConference({ handle: opened.handle })).metaRevision,
    });
    expect(fixed.ok).toBe(true);
  });
});
