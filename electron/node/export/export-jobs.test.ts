import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
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
