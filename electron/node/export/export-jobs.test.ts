import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import { startServer, type RunningServer } from '../../server/http-server';
import { AppServices } from '../services/app-services';
import { tempDir } from './readers.testkit';
import { writeRichConference } from './rich-conference.testkit';

const options = { partIds: null, annexes: true, watermark: false };
let dir: string;
let services: AppServices;
let handle: string;

const until = async (jobId: string) => {
  for (;;) {
    const s = await services.api.exportStatus({ jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 50));
  }
};

beforeAll(async () => {
  dir = tempDir('jobs');
  const file = path.join(dir, 'rich.rapporteur');
  writeRichConference(file);
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
  handle = (await services.api.openConference({ path: file })).handle;
});

afterAll(() => {
  services.closeAll();
  services.exports.dispose();
});

describe('export jobs through the contract', () => {
  it('runs a DOCX export in the background with progress, then saves it where asked', async () => {
    const started = await dispatch(services.api, 'startExport', { handle, format: 'docx', options });
    expect(started.ok).toBe(true);
    const job = (started as { value: { jobId: string; state: string } }).value;
    expect(job.state).toBe('running');
    const done = await until(job.jobId);
    expect(done.state).toBe('done');
    expect(done.fraction).toBe(1);
    expect(done.bytes).toBeGreaterThan(10_000);
    expect(done.fileName).toBe('LC-L.1234-P.docx');
    fs.mkdirSync(path.join(dir, 'out')); // a missing folder is refused (files/safe-write.test.ts)
    const saved = await services.api.saveExport({ jobId: job.jobId, path: path.join(dir, 'out', 'report') });
    expect(saved.path).toBe(path.join(dir, 'out', 'report.docx'));
    expect(fs.readFileSync(saved.path).subarray(0, 2).toString()).toBe('PK');
    const data = await services.api.exportData({ jobId: job.jobId });
    expect(Buffer.from(data.base64, 'base64').length).toBe(done.bytes);
  });

  it('previews a PDF, and a cancelled export ends cancelled and leaves no file', async () => {
    const preview = await services.api.previewPdf({ handle, options });
    const done = await until(preview.jobId);
    expect(done.state).toBe('done');
    expect(done.pages).toBeGreaterThan(3);
    expect((await services.api.exportData({ jobId: preview.jobId })).mime).toBe('application/pdf');

    const job = await services.api.startExport({
      handle,
      format: 'pdf',
      options,
      outPath: path.join(dir, 'cancelled.pdf'),
    });
    expect((await services.api.cancelExport({ jobId: job.jobId })).cancelled).toBe(true);
    const end = await until(job.jobId);
    expect(end.state).toBe('cancelled');
    expect(fs.existsSync(path.join(dir, 'cancelled.pdf'))).toBe(false);
    expect(await dispatch(services.api, 'exportData', { jobId: job.jobId })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not finished/) },
    });
  });

  it('exports in one call, and refuses unknown jobs and malformed requests', async () => {
    const r = await services.api.exportConference({
      handle,
      format: 'docx',
      options: { ...options, annexes: false },
      outPath: path.join(dir, 'one.docx'),
    });
    expect(r.path).toBe(path.join(dir, 'one.docx'));
    expect(fs.statSync(r.path).size).toBe(r.bytes);
    const unknown = await dispatch(services.api, 'exportStatus', { jobId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await dispatch(services.api, 'startExport', { handle, format: 'odt', options });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('browser mode download route', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const staticDir = path.join(dir, 'static');
    fs.mkdirSync(staticDir, { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    server = await startServer({ dataDir: path.join(dir, 'data2'), workspaceDir: path.join(dir, 'ws2'), staticDir });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves a finished export with the token, and nothing without it', async () => {
    const base = new URL(server.url).origin;
    const call = async (method: string, body: unknown) =>
      (await (
        await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-rapporteur-token': server.token },
          body: JSON.stringify(body),
        })
      ).json()) as { ok: boolean; value: { handle: string; jobId: string; state: string } };
    // Browser mode opens conferences only inside its workspace.
    fs.mkdirSync(path.join(dir, 'ws2'), { recursive: true });
    fs.copyFileSync(path.join(dir, 'rich.rapporteur'), path.join(dir, 'ws2', 'rich.rapporteur'));
    const h = (await call('openConference', { path: path.join(dir, 'ws2', 'rich.rapporteur') })).value.handle;
    const job = (await call('startExport', { handle: h, format: 'docx', options })).value;
    let state = job.state;
    while (state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      state = (await call('exportStatus', { jobId: job.jobId })).value.state;
    }
    expect(state).toBe('done');

    const denied = await fetch(`${base}/files/${job.jobId}`);
    expect(denied.status).toBe(401);
    const res = await fetch(`${base}/files/${job.jobId}?token=${server.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="LC-L.1234-P.docx"/);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect((await fetch(`${base}/files/nope?token=${server.token}`)).status).toBe(404);
  });
});
