import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../../shared/contract/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { ErrorCode } from '../../shared/errors';
import { AppServices, type ServiceOptions } from '../node/services/app-services';
import { projectRoot } from '../node/paths';

export interface ServerOptions extends ServiceOptions {
  port?: number;
  /** A conference to open at once; its handle goes into the printed URL. */
  openFile?: string;
  /** The built renderer (vite build output). */
  staticDir?: string;
}

export interface RunningServer { url: string; token: string; services: AppServices; close(): Promise<void> }

const MAX_BODY = 64 * 1024 * 1024;
const TOKEN_HEADER = 'x-rapporteur-token';

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400, UNKNOWN_METHOD: 404, NOT_FOUND: 404, CONFLICT: 409, INTERNAL: 500,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon',
};

/**
 * Browser mode: the real renderer and the contract over HTTP, bound to 127.0.0.1 only.
 * Every API call must carry the per-run token, and the Host header must be ours
 * (a page on another site cannot reach the API through DNS rebinding).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const staticDir = options.staticDir ?? path.join(projectRoot, 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (no ${path.join(staticDir, 'index.html')}). Run “npm run build:renderer” first.`);
  }
  fs.mkdirSync(options.workspaceDir, { recursive: true });
  const services = new AppServices(options);
  const token = randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  let port = 0;

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/files/')) {
      serveExport(req, res, url);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice(5)).catch(() => res.writeHead(500).end());
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(url.pathname, res);
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    if (given.length !== tokenBuf.length || !timingSafeEqual(given, tokenBuf)) {
      send(401, { ok: false, error: { code: 'INVALID_INPUT', message: 'Missing or wrong access token: open the address printed by “rapporteur serve”.' } });
      return;
    }
    if (req.method !== 'POST') { send(405, { ok: false, error: { code: 'INVALID_INPUT', message: 'API calls are POST requests.' } }); return; }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      send(415, { ok: false, error: { code: 'INVALID_INPUT', message: 'API calls carry JSON (content-type: application/json).' } });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) { send(413, { ok: false, error: { code: 'INVALID_INPUT', message: `Request larger than ${MAX_BODY / 1024 / 1024} MB.` } }); req.destroy(); return; }
      chunks.push(chunk as Buffer);
    }
    let payload: unknown;
    try {
      payload = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    } catch {
      send(400, { ok: false, error: { code: 'INVALID_INPUT', message: `Malformed request to ${method}: the body is not valid JSON.` } });
      return;
    }
    const result = await dispatch(services.api, method, payload);
    send(result.ok ? 200 : STATUS[result.error.code] ?? 422, result);
  }

  /** A finished export, downloaded by the browser: GET /files/<jobId>?token=… (a link cannot send headers). */
  function serveExport(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? url.searchParams.get('token') ?? ''));
    if (given.length !== tokenBuf.length || !timingSafeEqual(given, tokenBuf)) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('Missing or wrong access token.');
      return;
    }
    let file: { path: string; fileName: string; format: string };
    try {
      file = services.exports.file(decodeURIComponent(url.pathname.slice('/files/'.length)));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('No such export (it may have expired); export again.');
      return;
    }
    const type = file.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const disposition = url.searchParams.get('inline') === '1' && file.format === 'pdf' ? 'inline' : 'attachment';
    res.writeHead(200, {
      'content-type': type, 'content-length': String(fs.statSync(file.path).size), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
      'content-disposition': `${disposition}; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
    if (req.method === 'HEAD') { res.end(); return; }
    fs.createReadStream(file.path).pipe(res);
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(staticDir, `.${rel}`);
    if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      headers['x-frame-options'] = 'DENY';
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const params = new URLSearchParams({ token });
  if (options.openFile) params.set('conference', services.openFile(options.openFile));

  return {
    url: `http://127.0.0.1:${port}/?${params.toString()}`,
    token,
    services,
    close: () => new Promise<void>((resolve) => {
      services.closeAll();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
