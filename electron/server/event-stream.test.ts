import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Output } from '../../shared/contract/api';
import { writeRichConference } from '../node/export/rich-conference.testkit';
import { startServer, type RunningServer } from './http-server';

let server: RunningServer;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-sse-'));
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const ws = path.join(dir, 'ws');
  fs.mkdirSync(ws);
  writeRichConference(path.join(ws, 'rich.rapporteur'));
  server = await startServer({ dataDir: path.join(dir, 'data'), workspaceDir: ws, staticDir });
  base = new URL(server.url).origin;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = async <T>(method: string, body: unknown): Promise<T> => {
  const res = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rapporteur-token': server.token },
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { value: T }).value;
};

/** Opens GET /events as the browser would and collects its messages (name and parsed data). */
function openStream(query: string, headers: Record<string, string> = {}) {
  const messages: { event: string; data: unknown }[] = [];
  let buffer = '';
  const { port } = new URL(base);
  return new Promise<{
    status: number;
    messages: typeof messages;
    close(): void;
    waitFor(n: (m: typeof messages) => boolean): Promise<void>;
  }>((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: `/events${query}`, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const waiters: (() => void)[] = [];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) messages.push({ event, data: JSON.parse(data) });
          }
          for (const w of waiters.splice(0)) w();
        });
        resolve({
          status: res.statusCode ?? 0,
          messages,
          close: () => req.destroy(),
          waitFor: (done) =>
            new Promise<void>((ok) => {
              const check = () => {
                if (done(messages)) ok();
                else waiters.push(check);
              };
              check();
            }),
        });
      },
    );
    req.on('error', reject);
  });
}

describe('browser mode’s event stream (GET /events)', () => {
  test('is refused without the token, with a wrong one, to another Host and from another site', async () => {
    const { port } = new URL(base);
    const none = await openStream('');
    none.close();
    expect(none.status).toBe(401);
    const wrong = await openStream(`?token=${'0'.repeat(server.token.length)}`);
    wrong.close();
    expect(wrong.status).toBe(401);
    const rebinding = await openStream(`?token=${server.token}`, { host: `evil.example:${port}` });
    rebinding.close();
    expect(rebinding.status).toBe(421);
    const foreign = await openStream(`?token=${server.token}`, { origin: 'http://evil.example' });
    foreign.close();
    expect(foreign.status).toBe(403);
    expect(server.events.size).toBe(0);
  });

  test('streams a saved part and an export’s progress to every open stream, then lets go of a closed one', async () => {
    const a = await openStream(`?token=${server.token}`);
    const b = await openStream(`?token=${server.token}`);
    expect(a.status).toBe(200);
    expect(server.events.size).toBe(2);
    const view = await call<Output<'openConference'>>('openConference', {
      path: path.join(dir, 'ws', 'rich.rapporteur'),
    });
    const partId = view.parts[0]!.id;
    const part = await call<Output<'getPart'>>('getPart', { handle: view.handle, partId });
    const saved = await call<Output<'savePart'>>('savePart', {
      handle: view.handle,
      partId,
      doc: part.doc,
      baseRevision: part.revision,
    });
    const changed = (m: { event: string }[]) => m.some((x) => x.event === 'partChanged');
    await Promise.all([a.waitFor(changed), b.waitFor(changed)]);
    expect(a.messages.find((m) => m.event === 'partChanged')?.data).toMatchObject({
      handle: view.handle,
      partId,
      revision: saved.revision,
    });

    const started = await call<Output<'startExport'>>('startExport', {
      handle: view.handle,
      format: 'docx',
      options: { partIds: null, annexes: false, watermark: false },
    });
    await a.waitFor((m) =>
      m.some((x) => x.event === 'exportProgress' && (x.data as { state: string }).state !== 'running'),
    );
    const progress = a.messages
      .filter((m) => m.event === 'exportProgress')
      .map((m) => m.data as { jobId: string; state: string });
    expect(progress.every((p) => p.jobId === started.jobId)).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)?.state).toBe('done');

    a.close();
    b.close();
    for (let i = 0; i < 100 && server.events.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(server.events.size).toBe(0);
  });
});
