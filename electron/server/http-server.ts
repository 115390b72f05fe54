import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../../shared/contract/dispatch';
import { type PathAllowed, pathRefusalError } from '../../shared/contract/file-policy';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { type ErrorCode, type MessageValues, serializeError } from '../../shared/errors';
import { appError, localizeError } from '../../shared/i18n/app-error';
import type { SourceCatalogue } from '../../shared/i18n/catalogues';
import { translator } from '../../shared/i18n/translate';
import type { UiLanguage } from '../../shared/i18n/ui-language';
import { AppServices, type ServiceOptions } from '../node/services/app-services';
import { projectRoot } from '../node/paths';
import { attachServiceEvents } from '../node/events/attach';
import { EventHub } from '../node/events/service-events';
import { streamEvents } from './event-stream';
import { requestLanguage } from './request-language';

export interface ServerOptions extends ServiceOptions {
  /**
   * 0 or absent: the port this data folder was served on last time when it is free, else any.
   * Keeping the port keeps the page's origin, and with it the unsaved text a tab kept in
   * localStorage when the server went away (renderer/src/unsaved-text.ts).
   */
  port?: number;
  /** A conference to open at once; its handle goes into the printed URL. */
  openFile?: string;
  /** The built renderer (vite build output). */
  staticDir?: string;
}

export interface RunningServer {
  url: string;
  token: string;
  services: AppServices;
  events: EventHub;
  /** Ends every open event stream (each tab's EventSource reconnects by itself). */
  endEventStreams(): void;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;
const TOKEN_HEADER = 'x-rapporteur-token';

/**
 * Every refusal this adapter answers with, as a key of errors.json's `http`: worded in the language
 * the request asks for (Accept-Language), or English, with the key and values in a JSON body so a
 * client can word it itself.
 */
export type HttpRefusal = keyof SourceCatalogue['errors']['http'];

/** A refusal in words; English unless a language is given. */
export function httpMessage(refusal: HttpRefusal, values: MessageValues = {}, language: UiLanguage = 'en'): string {
  return String(translator(language)(`errors:http.${refusal}` as never, values));
}

/** HTTP status per error code: every code has one, so a new code cannot slip through as a vague 500. */
const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  NOT_A_CONFERENCE: 422,
  CORRUPT: 422,
  TRUNCATED: 422,
  NEWER_SCHEMA: 422,
  IMPORT_FAILED: 422,
  CONFLICT: 409,
  EXISTS: 409,
  IN_USE: 409,
  CANCELLED: 409,
  READ_ONLY: 403,
  DISK_FULL: 507,
  IO: 500,
  EXPORT_FAILED: 500,
  INTERNAL: 500,
};
export const statusFor = (code: string): number => (STATUS as Record<string, number | undefined>)[code] ?? 500;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** A refusal decided while handling a request: its status, and what to tell the caller (in English in `message`). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly refusal: HttpRefusal,
    readonly values: MessageValues = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(httpMessage(refusal, values));
  }
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'badEncoding');
  }
}

/** Stringifies before any header goes out, so a body that cannot be written still gets a proper error status. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(text.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

function sendText(
  res: http.ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  const text = Buffer.from(message);
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(text.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * The one error boundary every request runs in: whatever the handler throws or rejects with
 * becomes a status and a message, or a cut connection once headers are out; never a crash.
 */
export function withErrorBoundary(
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>,
): http.RequestListener {
  return (req, res) => {
    let running: Promise<void>;
    try {
      running = handle(req, res);
    } catch (err) {
      running = Promise.reject(err);
    }
    running.catch((err: unknown) => answerError(req, res, err));
  };
}

/** The boundary's last word: a status and a message when nothing was sent yet, otherwise a cut connection. */
function answerError(req: http.IncomingMessage, res: http.ServerResponse, err: unknown): void {
  try {
    if (res.headersSent || res.writableEnded) {
      res.destroy();
      return;
    }
    const refusal = err instanceof HttpError ? err : new HttpError(500, 'internal');
    if (!(err instanceof HttpError))
      console.error(`rapporteur serve: ${req.method} ${String(req.url).slice(0, 200)} failed:`, err);
    const message = httpMessage(refusal.refusal, refusal.values, requestLanguage(req));
    if (String(req.url).startsWith('/api/')) {
      const code = refusal.status === 500 ? 'INTERNAL' : 'INVALID_INPUT';
      const error = { code, message, key: `http.${refusal.refusal}`, values: refusal.values };
      sendJson(res, refusal.status, { ok: false, error }, refusal.headers);
    } else {
      sendText(res, refusal.status, message, refusal.headers);
    }
  } catch {
    res.destroy();
  }
}

/** Reads a request body up to MAX_BODY; beyond it, answers 413 and closes the connection once that is sent. */
function readBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return Promise.reject(tooLarge(req, res));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge(req, res));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', () => reject(new HttpError(400, 'aborted')));
    // A client that goes away mid-body: nothing to answer, but the promise must settle.
    req.once('close', () => reject(new HttpError(400, 'aborted')));
  });
}

function tooLarge(req: http.IncomingMessage, res: http.ServerResponse): HttpError {
  res.once('finish', () => req.socket.destroy());
  return new HttpError(413, 'tooLarge', { size: MAX_BODY / 1024 / 1024 }, { connection: 'close' });
}

function listenOn(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => reject(err);
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function listen(server: http.Server, options: ServerOptions): Promise<number> {
  if (options.port) return listenOn(server, options.port);
  const memory = path.join(options.dataDir, 'serve-port');
  const last = Number(fs.existsSync(memory) ? fs.readFileSync(memory, 'utf8').trim() : NaN);
  let port: number | null = null;
  if (Number.isInteger(last) && last > 1024 && last < 65536) port = await listenOn(server, last).catch(() => null);
  port ??= await listenOn(server, 0);
  try {
    fs.mkdirSync(options.dataDir, { recursive: true });
    fs.writeFileSync(memory, String(port));
  } catch {
    // Only a convenience: the next run picks another port.
  }
  return port;
}

/**
 * Browser mode: the real renderer and the contract over HTTP, bound to 127.0.0.1 only.
 * Every API call must carry the per-run token, and the Host header must be ours
 * (a page on another site cannot reach the API through DNS rebinding).
 * Every request runs inside one error boundary: nothing a client sends can stop the process.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const staticDir = options.staticDir ?? path.join(projectRoot, 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw appError('NOT_FOUND', 'http.rendererNotBuilt', { file: path.join(staticDir, 'index.html') });
  }
  fs.mkdirSync(options.workspaceDir, { recursive: true });
  const services = new AppServices(options);
  // Export progress and saved parts, streamed to every tab at GET /events.
  const events = new EventHub();
  attachServiceEvents(services, events);
  const openStreams = new Set<() => void>();
  const workspace = path.resolve(options.workspaceDir);
  const workspaceAllows: PathAllowed = async (file, forOpening) => {
    const abs = path.resolve(file);
    if (abs.startsWith(workspace + path.sep)) return true;
    if (!forOpening) return false;
    const listed = [
      ...(await services.api.listRecent({})).map((r) => r.path),
      ...(await services.api.listSamples({})).map((x) => x.path),
    ];
    return listed.some((f) => path.resolve(f) === abs);
  };
  const token = randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  let port = 0;
  const ownHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  const server = http.createServer(withErrorBoundary(handleRequest));

  function checkToken(given: string, refusal: 'badToken' | 'badTokenFile'): void {
    const buf = Buffer.from(given);
    if (buf.length !== tokenBuf.length || !timingSafeEqual(buf, tokenBuf)) throw new HttpError(401, refusal);
  }

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!ownHosts().includes(host)) throw new HttpError(421, 'misdirected');
    const target = req.url ?? '';
    if (!target.startsWith('/')) throw new HttpError(400, 'badTarget');
    // Appended, not resolved against a base: "//evil.example/x" stays a path on this host.
    const url = new URL(`http://${host}${target}`);
    const origin = req.headers.origin;
    const fromElsewhere = origin !== undefined && !ownHosts().some((h) => origin === `http://${h}`);

    if (url.pathname.startsWith('/api/')) {
      if (fromElsewhere) throw new HttpError(403, 'foreignOrigin');
      await handleApi(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new HttpError(405, 'staticMethod', {}, { allow: 'GET, HEAD' });
    if (url.pathname === '/events') {
      if (fromElsewhere) throw new HttpError(403, 'foreignOrigin');
      // EventSource cannot send headers: the token comes in the query, as for downloads.
      checkToken(String(req.headers[TOKEN_HEADER] ?? url.searchParams.get('token') ?? ''), 'badTokenFile');
      const end = streamEvents(req, res, events);
      openStreams.add(end);
      res.once('close', () => openStreams.delete(end));
      return;
    }
    if (url.pathname.startsWith('/files/')) {
      if (fromElsewhere) throw new HttpError(403, 'foreignOrigin');
      serveExport(req, res, url);
      return;
    }
    serveStatic(req, res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    checkToken(String(req.headers[TOKEN_HEADER] ?? ''), 'badToken');
    if (req.method !== 'POST') throw new HttpError(405, 'notPost', {}, { allow: 'POST' });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'notJson');
    const body = await readBody(req, res);
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      throw new HttpError(400, 'badJson', { method: method.slice(0, 100) });
    }
    // Paths only from the user: inside the workspace (the in-app chooser), or recent files and samples to open.
    const refusal = await pathRefusalError(method, payload, workspaceAllows);
    const language = requestLanguage(req);
    if (refusal) {
      const error = serializeError(refusal);
      sendJson(res, statusFor('INVALID_INPUT'), {
        ok: false,
        error: { ...error, message: localizeError(error, language) },
      });
      return;
    }
    const result = await dispatch(services.api, method, payload);
    if (result.ok) sendJson(res, 200, result);
    else
      sendJson(res, statusFor(result.error.code), {
        ...result,
        error: { ...result.error, message: localizeError(result.error, language) },
      });
  }

  /** A finished export, downloaded by the browser: GET /files/<jobId>?token=… (a link cannot send headers). */
  function serveExport(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    checkToken(String(req.headers[TOKEN_HEADER] ?? url.searchParams.get('token') ?? ''), 'badTokenFile');
    const jobId = decodePath(url.pathname.slice('/files/'.length));
    let file: { path: string; fileName: string; format: string; mime: string };
    try {
      file = services.exports.file(jobId);
    } catch {
      throw new HttpError(404, 'noExport');
    }
    const disposition = url.searchParams.get('inline') === '1' && file.format === 'pdf' ? 'inline' : 'attachment';
    sendFile(req, res, file.path, {
      'content-type': file.mime,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': `${disposition}; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    const rel = decodePath(pathname === '/' ? '/index.html' : pathname);
    if (rel.includes('\0')) throw new HttpError(400, 'badEncoding');
    const file = path.resolve(staticDir, `.${rel}`);
    if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      throw new HttpError(404, 'notFound');
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      // Vite names each asset by its content's hash: a new build is a new name. Kept, a script is
      // also compiled once (V8's code cache lives beside the HTTP cache); the page itself is asked again.
      'cache-control': rel.startsWith('/assets/') ? 'max-age=31536000, immutable' : 'no-cache',
    };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      headers['x-frame-options'] = 'DENY';
    }
    sendFile(req, res, file, headers);
  }

  /** Streams a file; a read error before the first byte becomes a 500, after it a cut connection (never a crash). */
  function sendFile(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    file: string,
    headers: Record<string, string>,
  ): void {
    const size = fs.statSync(file).size;
    res.writeHead(200, { ...headers, 'content-length': String(size) });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    pipeline(fs.createReadStream(file), res, (err) => {
      if (err) res.destroy();
    });
  }

  port = await listen(server, options);
  const params = new URLSearchParams({ token });
  if (options.openFile) params.set('conference', services.openFile(options.openFile));

  return {
    url: `http://127.0.0.1:${port}/?${params.toString()}`,
    token,
    services,
    events,
    endEventStreams: () => {
      for (const end of [...openStreams]) end();
    },
    close: () =>
      new Promise<void>((resolve) => {
        services.closeAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
