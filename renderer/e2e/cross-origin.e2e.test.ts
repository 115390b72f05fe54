import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../electron/server/http-server';
import { launchChromium, rendererBuild } from './harness';

/**
 * A page on another origin, in a real Chromium, throws what it can at browser mode: images
 * with malformed addresses (which once killed the process), form posts and no-cors fetches to
 * the API, a fetch with a forged token header. Browser mode keeps running and nothing is created.
 */

let dir: string;
let server: RunningServer;
let evil: http.Server;
let evilOrigin: string;
let browser: Browser;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-cross-origin-'));
  server = await startServer({
    dataDir: path.join(dir, 'data'),
    workspaceDir: path.join(dir, 'workspace'),
    port: 0,
    ...rendererBuild(),
  });
  const target = new URL(server.url).origin;
  const attack = `<!doctype html><meta charset="utf-8"><title>elsewhere</title>
<img src="${target}/%E0%A4%A"><img src="${target}/%"><img src="${target}/files/%E0?token=x"><img src="${target}/api/%E0%A4%A">
<form id="f" method="POST" action="${target}/api/createConference" enctype="text/plain" target="sink">
  <input name='{"templateId":"workshop-report","title":"Planted","x":"' value='"}'>
</form>
<iframe name="sink"></iframe>
<script>
  const target = ${JSON.stringify(target)};
  const body = JSON.stringify({ templateId: 'workshop-report', title: 'Planted' });
  const results = [];
  const tries = [
    fetch(target + '/api/createConference', { method: 'POST', mode: 'no-cors', body, headers: { 'content-type': 'text/plain' } }),
    fetch(target + '/api/createConference', { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-rapporteur-token': 'guess' } }),
    fetch(target + '/%E0%A4%A', { mode: 'no-cors' }),
  ];
  document.getElementById('f').submit();
  Promise.allSettled(tries).then((r) => { window.done = r.map((x) => x.status); });
</script>`;
  evil = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(attack);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilOrigin = `http://localhost:${(evil.address() as { port: number }).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await new Promise<void>((resolve) => evil.close(() => resolve()));
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a page on another origin cannot stop browser mode or create anything through it', async () => {
  const page = await browser.newPage();
  await page.goto(evilOrigin);
  await page.waitForFunction(() => (window as unknown as { done?: string[] }).done !== undefined, null, {
    timeout: 20_000,
  });
  // Give the form post and the images time to land.
  await page.waitForLoadState('networkidle');

  // Still serving the renderer and the API.
  expect((await fetch(`${new URL(server.url).origin}/`)).status).toBe(200);
  const recent = await fetch(`${new URL(server.url).origin}/api/listWorkspace`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rapporteur-token': server.token },
    body: '{}',
  });
  expect(recent.status).toBe(200);
  // Nothing was planted.
  const workspace = path.join(dir, 'workspace');
  expect(fs.readdirSync(workspace).filter((f) => f.endsWith('.rapporteur'))).toEqual([]);
  expect(await server.services.api.listRecent({})).toEqual([]);
  await page.close();
});
