import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import http from 'node:http';
import {
  HttpError,
  httpMessage,
  sendJson,
  startServer,
  statusFor,
  withErrorBoundary,
  type RunningServer,
} from './http-server';

/**
 * Browser mode against what an attacker's page or an unlucky client sends: malformed
 * addresses, forged hosts, other origins, huge headers, bad bodies, deep documents.
 * Each request gets a status (or, for a client that went away, nothing), and the
 * server keeps answering good requests afterwards.
 */

let server: RunningServer;
let dir: string;
let port: number;
let hostHeader: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-robust-'));
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startServer({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws'), staticDir });
  port = Number(new URL(server.url).port);
  hostHeader = `127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface RawAnswer {
  status: number | null;
  head: string;
  body: string;
}

/** Sends bytes as they are (no client library tidies them up) and reads the answer until the server closes or a timeout. */
function raw(request: string | Buffer, opts: { hangUp?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = (split < 0 ? all : all.subarray(0, split)).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({
        status: match ? Number(match[1]) : null,
        head,
        body: split < 0 ? '' : all.subarray(split + 4).toString('utf8'),
      });
    };
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' || err.code === 'EPIPE' ? finish() : reject(err),
    );
    // A hung answer fails the test (status null) after this; long enough for a loaded machine.
    socket.setTimeout(20_000, () => {
      socket.destroy();
    });
    socket.write(request, () => {
      if (opts.hangUp) socket.destroy();
    });
  });
}

const req = (line: string, headers: Record<string, string | undefined> = {}, body = ''): string => {
  const all: Record<string, string | undefined> = { host: hostHeader, connection: 'close', ...headers };
  if (body && all['content-length'] === undefined) all['content-length'] = String(Buffer.byteLength(body));
  const lines = Object.entries(all)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `${line}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
};
const api = (method: string, body: string, headers: Record<string, string | undefined> = {}) =>
  req(
    `POST /api/${method} HTTP/1.1`,
    { 'content-type': 'application/json', 'x-rapporteur-token': server.token, ...headers },
    body,
  );

async function stillAnswers(): Promise<void> {
  const page = await raw(req('GET / HTTP/1.1'));
  expect(page.status).toBe(200);
  const good = await raw(api('listTemplates', '{}'));
  expect(good.status).toBe(200);
  expect(JSON.parse(good.body)).toMatchObject({ ok: true });
}

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('browser mode survives malformed requests', () => {
  const corpus: [name: string, request: () => string, status: number, message?: string][] = [
    ['a truncated percent-encoding', () => req('GET /%E0%A4%A HTTP/1.1'), 400, httpMessage('badEncoding')],
    ['a lone percent sign', () => req('GET /% HTTP/1.1'), 400, httpMessage('badEncoding')],
    [
      'a bad percent-encoding in an asset path',
      () => req('GET /assets/%ZZ.js HTTP/1.1'),
      400,
      httpMessage('badEncoding'),
    ],
    ['an encoded NUL byte', () => req('GET /index.html%00.png HTTP/1.1'), 400, httpMessage('badEncoding')],
    [
      'a bad percent-encoding in an export link',
      () => req(`GET /files/%E0?token=${server.token} HTTP/1.1`),
      400,
      httpMessage('badEncoding'),
    ],
    [
      'an export that does not exist',
      () => req(`GET /files/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}?token=${server.token} HTTP/1.1`),
      404,
      httpMessage('noExport'),
    ],
    ['an export link without a token', () => req('GET /files/x HTTP/1.1'), 401],
    ['an asterisk target', () => req('OPTIONS * HTTP/1.1'), 400, httpMessage('badTarget')],
    [
      'an absolute-form target for another site',
      () => req('GET http://evil.example/ HTTP/1.1'),
      400,
      httpMessage('badTarget'),
    ],
    ['a path that looks like another host', () => req('GET //evil.example/index.html HTTP/1.1'), 404],
    ['a path climbing out of the renderer', () => req('GET /../../../../etc/passwd HTTP/1.1'), 404],
    ['an encoded climb', () => req('GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1'), 404],
    [
      'another host name (DNS rebinding)',
      () => req('GET / HTTP/1.1', { host: `evil.example:${port}` }),
      421,
      httpMessage('misdirected'),
    ],
    ['the right name on another port', () => req('GET / HTTP/1.1', { host: '127.0.0.1:1' }), 421],
    ['no Host header (HTTP/1.0)', () => req('GET / HTTP/1.0', { host: undefined }), 421],
    ['a Host header with a path in it', () => req('GET / HTTP/1.1', { host: `127.0.0.1:${port}/x` }), 421],
    ['a request line that is not HTTP', () => 'HELLO THERE\r\n\r\n', 400],
    ['a 100 KB header', () => req('GET / HTTP/1.1', { 'x-junk': 'a'.repeat(100_000) }), 431],
    [
      'ten thousand headers',
      () => req('GET / HTTP/1.1', Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`x-h${i}`, '1']))),
      431,
    ],
    [
      'a broken chunked body',
      () =>
        `POST /api/listTemplates HTTP/1.1\r\nhost: ${hostHeader}\r\ntransfer-encoding: chunked\r\ncontent-type: application/json\r\nx-rapporteur-token: ${server.token}\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`,
      400,
    ],
    ['a static page by POST', () => req('POST / HTTP/1.1', {}, 'x=1'), 405],
    ['DELETE on a file', () => req('DELETE /index.html HTTP/1.1'), 405],
    [
      'an API call without a token',
      () => api('listTemplates', '{}', { 'x-rapporteur-token': undefined }),
      401,
      httpMessage('badToken'),
    ],
    ['an API call with a wrong token', () => api('listTemplates', '{}', { 'x-rapporteur-token': 'f'.repeat(48) }), 401],
    [
      'an API call with a token of another length',
      () => api('listTemplates', '{}', { 'x-rapporteur-token': 'é'.repeat(3) }),
      401,
    ],
    [
      'an API call from another origin',
      () => api('listTemplates', '{}', { origin: 'http://evil.example' }),
      403,
      httpMessage('foreignOrigin'),
    ],
    ['an API call from the null origin', () => api('listTemplates', '{}', { origin: 'null' }), 403],
    [
      'an API call from our host on another port',
      () => api('listTemplates', '{}', { origin: 'http://127.0.0.1:1' }),
      403,
    ],
    [
      'a preflight from another origin',
      () =>
        req('OPTIONS /api/savePart HTTP/1.1', {
          origin: 'http://evil.example',
          'access-control-request-method': 'POST',
        }),
      403,
    ],
    [
      'an export link from another origin',
      () => req(`GET /files/x?token=${server.token} HTTP/1.1`, { origin: 'http://evil.example' }),
      403,
    ],
    [
      'an API call by GET',
      () => req('GET /api/listTemplates HTTP/1.1', { 'x-rapporteur-token': server.token }),
      405,
      httpMessage('notPost'),
    ],
    ['an API call by PUT', () => api('listTemplates', '{}').replace(/^POST/, 'PUT'), 405],
    [
      'an API call as a form',
      () => api('listTemplates', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      httpMessage('notJson'),
    ],
    ['an API call without a content type', () => api('listTemplates', '{}', { 'content-type': undefined }), 415],
    [
      'a body that is not JSON',
      () => api('listTemplates', '{"oops'),
      400,
      httpMessage('badJson', { method: 'listTemplates' }),
    ],
    ['a body of invalid UTF-8', () => api('listTemplates', '{"a":"\u00ff\u00fe"}'), 400],
    ['a JSON null', () => api('openConference', 'null'), 400],
    ['a JSON array 200,000 levels deep', () => api('listTemplates', deepArray(200_000)), 400],
    [
      'a JSON object 100,000 levels deep',
      () => api('listTemplates', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)),
      400,
    ],
    [
      'a body declared larger than the limit',
      () => api('listTemplates', '{}', { 'content-length': String(65 * 1024 * 1024) }),
      413,
      httpMessage('tooLarge', { size: 64 }),
    ],
    ['an unknown method', () => api('rm%20-rf', '{}'), 404],
    ['a method named with a bad percent-encoding', () => api('%E0%A4%A', '{}'), 404],
    ['a prototype name as method', () => api('__proto__', '{}'), 404],
  ];

  test.each(corpus)('%s is answered with a status', async (_name, request, status, message) => {
    const answer = await raw(request());
    expect(answer.status).toBe(status);
    if (message) expect(answer.body).toContain(message);
    await stillAnswers();
  });

  test('a body larger than the limit, sent without declaring it, is refused', async () => {
    const big = Buffer.alloc(65 * 1024 * 1024, 0x20);
    const head = `POST /api/listTemplates HTTP/1.1\r\nhost: ${hostHeader}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nx-rapporteur-token: ${server.token}\r\n\r\n`;
    const answer = await raw(
      Buffer.concat([
        Buffer.from(head),
        Buffer.from(`${big.length.toString(16)}\r\n`),
        big,
        Buffer.from('\r\n0\r\n\r\n'),
      ]),
    );
    // The server may cut the upload once it has answered; what matters is the answer and that it lives.
    if (answer.status !== null) expect(answer.status).toBe(413);
    await stillAnswers();
  });

  test('a client that goes away in the middle of a body gets nothing and harms nothing', async () => {
    const answer = await raw(api('listTemplates', '{"a":', { 'content-length': '1000' }), { hangUp: true });
    expect(answer.status).toBeNull();
    await stillAnswers();
  });

  test('two hundred bad requests at once leave the server answering', async () => {
    const bad = [req('GET /% HTTP/1.1'), req('GET / HTTP/1.1', { host: 'evil' }), api('x', '{"'), 'NOPE\r\n\r\n'];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => raw(bad[i % bad.length]!)));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 200 }, (_, i) => [400, 421, 400, 400][i % 4]));
    await stillAnswers();
  });

  test('a part nested 5,000 levels deep is saved or refused with a status, then read back or refused the same way', async () => {
    const created = JSON.parse(
      (await raw(api('createConference', JSON.stringify({ templateId: 'workshop-report', title: 'Deep' })))).body,
    ) as { value: { handle: string; parts: { id: string; revision: number }[] } };
    const { handle, parts } = created.value;
    const part = parts[0]!;
    // Built as text: JSON.stringify itself overflows the stack on 10,000 levels of objects and arrays.
    const text = '{"type":"text","version":1,"text":"bottom","format":0,"style":"","mode":"normal","detail":0}';
    const quote = '{"type":"quote","version":1,"direction":null,"format":"","indent":0,"children":[';
    const deep = quote.repeat(5_000) + text + ']}'.repeat(5_000);
    const doc = `{"root":{"type":"root","version":1,"direction":null,"format":"","indent":0,"children":[${deep}]}}`;
    const saved = await raw(
      api(
        'savePart',
        `{"handle":${JSON.stringify(handle)},"partId":${JSON.stringify(part.id)},"baseRevision":${part.revision},"doc":${doc}}`,
      ),
    );
    expect(saved.status).not.toBeNull();
    expect(saved.body).toMatch(
      saved.status === 200 ? /^\{"ok":true/ : /^\{"ok":false,"error":\{"code":"[A-Z_]+","message":".+"/,
    );
    const back = await raw(api('getPart', JSON.stringify({ handle, partId: part.id })));
    expect(back.status).not.toBeNull();
    expect(back.body).toMatch(
      back.status === 200 ? /^\{"ok":true/ : /^\{"ok":false,"error":\{"code":"[A-Z_]+","message":".+"/,
    );
    await stillAnswers();
  });
});

describe('error codes map to HTTP statuses', () => {
  test.each([
    ['INVALID_INPUT', 400],
    ['NOT_FOUND', 404],
    ['UNKNOWN_METHOD', 404],
    ['CONFLICT', 409],
    ['EXISTS', 409],
    ['IN_USE', 409],
    ['READ_ONLY', 403],
    ['DISK_FULL', 507],
    ['INTERNAL', 500],
    ['CORRUPT', 422],
    ['NOT_A_CONFERENCE', 422],
    ['a code from elsewhere', 500],
  ])('%s → %i', (code, status) => {
    expect(statusFor(code)).toBe(status);
  });
});

describe('the error boundary itself', () => {
  /** A server whose handler fails in each way a handler can; the boundary must answer or cut, and the process live on. */
  let bare: http.Server;
  let barePort: number;
  beforeAll(async () => {
    bare = http.createServer(
      withErrorBoundary(async (req, res) => {
        switch (req.url) {
          case '/throws-sync':
            throw new Error('thrown before any await');
          case '/rejects':
            await Promise.resolve();
            throw new Error('rejected later');
          case '/refuses':
            throw new HttpError(418, 'notFound', {}, { 'x-why': 'test' });
          case '/unserializable':
            sendJson(res, 200, { big: 10n });
            return;
          case '/after-headers':
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.write('partial answer');
            await new Promise((r) => setTimeout(r, 20));
            throw new Error('failed after the headers were sent');
          default:
            res.end('fine');
        }
      }),
    );
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    barePort = (bare.address() as { port: number }).port;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        bare.closeAllConnections();
        bare.close(() => resolve());
      }),
  );

  const get = (pathname: string) =>
    new Promise<{ status: number; body: string; complete: boolean; headers: http.IncomingHttpHeaders }>(
      (resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: barePort, path: pathname }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => {
              body += c;
            });
            res.on('end', () =>
              resolve({ status: res.statusCode!, body, complete: res.complete, headers: res.headers }),
            );
            res.on('error', () => resolve({ status: res.statusCode!, body, complete: false, headers: res.headers }));
            res.on('aborted', () => resolve({ status: res.statusCode!, body, complete: false, headers: res.headers }));
          })
          .on('error', reject);
      },
    );

  test.each(['/throws-sync', '/rejects', '/unserializable'])(
    '%s: 500 with a message, and the server answers the next request',
    async (pathname) => {
      const answer = await get(pathname);
      expect(answer.status).toBe(500);
      expect(answer.body).toBe(httpMessage('internal'));
      expect((await get('/')).body).toBe('fine');
    },
  );

  test('a refusal keeps its status, message and headers', async () => {
    const answer = await get('/refuses');
    expect(answer.status).toBe(418);
    expect(answer.body).toBe(httpMessage('notFound'));
    expect(answer.headers['x-why']).toBe('test');
  });

  test('a failure after the headers were sent cuts the connection (the client sees an incomplete answer), nothing more', async () => {
    const answer = await get('/after-headers');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('partial answer');
    expect(answer.complete).toBe(false);
    expect((await get('/')).body).toBe('fine');
  });
});
