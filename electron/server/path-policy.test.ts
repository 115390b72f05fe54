// Browser mode takes paths only inside its workspace (where its in-app chooser looks), plus
// recent conferences and samples to open; imports and exports keep to their extensions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from './http-server';

let server: RunningServer;
let dir: string;
let ws: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-paths-'));
  ws = path.join(dir, 'ws');
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startServer({ dataDir: path.join(dir, 'data'), workspaceDir: ws, staticDir });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = async (method: string, body: unknown) => {
  const res = await fetch(`${new URL(server.url).origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rapporteur-token': server.token },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } },
  };
};

test('inside the workspace: create, save a copy, open; outside it: refused with a reason, nothing written', async () => {
  const created = await call('createConference', {
    templateId: 'workshop-report',
    path: path.join(ws, 'Mine.rapporteur'),
  });
  expect(created.body.ok).toBe(true);
  const { handle } = created.body.value as { handle: string };
  expect((await call('saveCopy', { handle, path: path.join(ws, 'Copy.rapporteur') })).body.ok).toBe(true);
  expect((await call('openConference', { path: path.join(ws, 'Copy.rapporteur') })).body.ok).toBe(true);

  const outside = path.join(dir, 'Elsewhere.rapporteur');
  const copyOut = await call('saveCopy', { handle, path: outside });
  expect(copyOut.status).toBe(400);
  expect(copyOut.body.error!.message).toMatch(/only on files you chose in the app/);
  expect(fs.existsSync(outside)).toBe(false);
  expect((await call('saveCopy', { handle, path: `${ws}/../Up.rapporteur` })).body.error!.message).toMatch(/“\.\.”/);
  expect((await call('importReport', { path: '/etc/passwd', fileName: 'passwd' })).body.error!.message).toMatch(
    /operating system/,
  );
  const opts = { partIds: null, annexes: true, watermark: false };
  expect(
    (await call('exportConference', { handle, format: 'docx', options: opts, outPath: path.join(ws, '.bashrc') })).body
      .error!.message,
  ).toMatch(/hidden file/);
  expect(
    (await call('exportConference', { handle, format: 'docx', options: opts, outPath: path.join(ws, 'notes.txt') }))
      .body.error!.message,
  ).toMatch(/not a \.docx file/);
});

test('a recent conference outside the workspace may be opened again; other files there may not', async () => {
  fs.writeFileSync(path.join(dir, 'stranger.rapporteur'), 'x');
  expect((await call('openConference', { path: path.join(dir, 'stranger.rapporteur') })).body.error!.message).toMatch(
    /only on files you chose in the app/,
  );
  // Recent: opened by the user once (here: through the services, as `rapporteur serve <file>` does).
  const file = path.join(dir, 'Served.rapporteur');
  const created = await server.services.api.createConference({ templateId: 'workshop-report', path: file });
  await server.services.api.closeConference({ handle: created.handle });
  expect((await call('openConference', { path: file })).body.ok).toBe(true);
});
