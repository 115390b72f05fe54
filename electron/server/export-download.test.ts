/** Browser mode's download route: a finished export is served with the session token, and nothing without it. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../node/export/readers.testkit';
import { writeRichConference } from '../node/export/rich-conference.testkit';
import { startServer, type RunningServer } from './http-server';

const options = { partIds: null, annexes: true, watermark: false };
let dir: string;

describe('browser mode download route', () => {
  let server: RunningServer;
  beforeAll(async () => {
    dir = tempDir('download');
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
    writeRichConference(path.join(dir, 'ws2', 'rich.rapporteur'));
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
