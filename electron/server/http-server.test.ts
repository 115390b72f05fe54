import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from './http-server';

let server: RunningServer;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-http-'));
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'index-AbC123.js'), 'export {};');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  server = await startServer({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws'), staticDir });
  base = new URL(server.url).origin;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rapporteur-token': server.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** fetch() will not send a forged Host header; a raw request can. */
function rawGet(pathname: string, host: string): Promise<number> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('browser mode’s HTTP adapter', () => {
  test('listens on 127.0.0.1 only, with a token in the printed URL', () => {
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('token')).toBe(server.token);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  test('serves the renderer with a Content-Security-Policy', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  test('the page is asked for again each time; its hashed assets are kept, so reloads reuse their compiled code', async () => {
    expect((await fetch(`${base}/`)).headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${base}/assets/index-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('max-age=31536000, immutable');
  });

  test('no file outside the renderer is served', async () => {
    expect(await rawGet('/../secret.txt', `127.0.0.1:${new URL(base).port}`)).toBe(404);
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
  });

  test('a request for another host name is refused (DNS rebinding)', async () => {
    expect(await rawGet('/', `evil.example:${new URL(base).port}`)).toBe(421);
  });

  test('the API refuses a missing or wrong token', async () => {
    expect((await call('listTemplates', {}, { 'x-rapporteur-token': '' })).status).toBe(401);
    const wrong = await call('listTemplates', {}, { 'x-rapporteur-token': 'f'.repeat(48) });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/token/);
  });

  test('malformed calls get clear errors and the server keeps running', async () => {
    const notJson = await call('listTemplates', '{"oops');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({
      ok: false,
      error: { message: 'Malformed request to listTemplates: the body is not valid JSON.' },
    });

    const bad = await call('openConference', { path: 7 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const unknown = await call('rm -rf', {});
    expect(unknown.status).toBe(404);

    const missing = await call('openConference', { path: path.join(dir, 'ws', 'nope.rapporteur') });
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const get = await fetch(`${base}/api/listTemplates`, { headers: { 'x-rapporteur-token': server.token } });
    expect(get.status).toBe(405);

    const ok = await call('listTemplates', {});
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { value: { id: string }[] }).value.length).toBeGreaterThan(0);
  });

  test('the whole flow works over HTTP: create, save, read back', async () => {
    const created = (await (
      await call('createConference', { templateId: 'workshop-report', title: 'Over HTTP' })
    ).json()) as { value: { handle: string; path: string; parts: { id: string; revision: number }[] } };
    const { handle, parts } = created.value;
    expect(created.value.path.startsWith(path.join(dir, 'ws'))).toBe(true);
    const part = parts[0]!;
    const doc = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            children: [
              { type: 'text', version: 1, text: 'Hello delegates', format: 0, style: '', mode: 'normal', detail: 0 },
            ],
          },
        ],
      },
    };
    const saved = await (await call('savePart', { handle, partId: part.id, doc, baseRevision: part.revision })).json();
    expect(saved).toMatchObject({ ok: true, value: { wordCount: 2 } });
    const stale = await call('savePart', { handle, partId: part.id, doc, baseRevision: part.revision });
    expect(stale.status).toBe(409);
    const back = (await (await call('getPart', { handle, partId: part.id })).json()) as { value: { doc: unknown } };
    expect(back.value.doc).toEqual(doc);
  });
});

describe('a restarted server keeps its origin', () => {
  test('it takes the port of its last run when free (unsaved text in localStorage is per origin), another one when not', async () => {
    const staticDir = path.join(dir, 'static');
    const dataDir = path.join(dir, 'restart-data');
    const first = await startServer({ dataDir, workspaceDir: path.join(dir, 'ws'), staticDir });
    const firstPort = new URL(first.url).port;
    await first.close();
    const second = await startServer({ dataDir, workspaceDir: path.join(dir, 'ws'), staticDir });
    expect(new URL(second.url).port).toBe(firstPort);
    expect(second.token).not.toBe(first.token);
    // The port is now taken by the second run: a third one falls back to another and answers.
    const third = await startServer({ dataDir, workspaceDir: path.join(dir, 'ws'), staticDir });
    expect(new URL(third.url).port).not.toBe(firstPort);
    expect((await fetch(`${new URL(third.url).origin}/`)).status).toBe(200);
    await third.close();
    await second.close();
  });
});
