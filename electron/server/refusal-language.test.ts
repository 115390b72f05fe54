import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AppError } from '../../shared/errors';
import { localizeError } from '../../shared/i18n/app-error';
import { startServer, type RunningServer } from './http-server';
import { acceptedLanguages } from './request-language';

/**
 * Issue 14: browser mode's refusals (a malformed body, a missing token, an address with nothing at it)
 * and the services' errors are worded in the language the request asks for (Accept-Language), or in
 * English; an API refusal carries its catalogue key and values, so a client can word it itself.
 */
let server: RunningServer;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-http-lang-'));
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startServer({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws'), staticDir });
  base = new URL(server.url).origin;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rapporteur-token': server.token, ...headers },
    body,
  });

describe('an API refusal', () => {
  test('a malformed JSON body, asked in Spanish: the message in Spanish, with its key and values', async () => {
    const res = await call('listTemplates', '{"oops', { 'accept-language': 'es-CL,es;q=0.9,en;q=0.5' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Solicitud mal formada a listTemplates: el cuerpo no es JSON válido.',
        key: 'http.badJson',
        values: { method: 'listTemplates' },
      },
    });
  });

  test('the same body with no language asked for (fetch sends “*”): English', async () => {
    const res = await call('listTemplates', '{"oops');
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Malformed request to listTemplates: the body is not valid JSON.',
    );
  });

  test('a missing token, asked in French: the French message, no-break spaces and all', async () => {
    const res = await call('listTemplates', '{}', { 'x-rapporteur-token': '', 'accept-language': 'fr-FR' });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: string; key: string } };
    expect(body.error.key).toBe('http.badToken');
    expect(body.error.message).toBe(
      'Jeton d’accès manquant ou erroné\u00a0: ouvrez l’adresse affichée par «\u00a0rapporteur serve\u00a0».',
    );
  });

  test('a service’s own error is worded in the request’s language too, its key kept', async () => {
    const res = await call('getConference', JSON.stringify({ handle: 'no-such-handle' }), { 'accept-language': 'es' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'Esta conferencia ya no está abierta. Vuelva a abrirla desde la pantalla inicial.',
        key: 'conferenceNotOpen',
        values: {},
      },
    });
  });
});

test('a refusal outside the API is plain text in the request’s language', async () => {
  const res = await fetch(`${base}/no-such-page.html`, { headers: { 'accept-language': 'de-DE, fr;q=0.8' } });
  expect(res.status).toBe(404);
  expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(await res.text()).toBe('Introuvable\u00a0: il n’y a rien à cette adresse.');
});

test('serving without a built interface is refused by name, worded in the user’s language by the command line', async () => {
  const empty = path.join(dir, 'empty-static');
  fs.mkdirSync(empty, { recursive: true });
  const refused = await startServer({
    dataDir: path.join(dir, 'data2'),
    workspaceDir: path.join(dir, 'ws2'),
    staticDir: empty,
  }).catch((err: unknown) => err);
  expect(refused).toBeInstanceOf(AppError);
  const err = refused as AppError;
  expect(err).toMatchObject({ code: 'NOT_FOUND', key: 'http.rendererNotBuilt' });
  const index = path.join(empty, 'index.html');
  expect(err.message).toBe(`The interface is not built (there is no ${index}). Run “npm run build:renderer” first.`);
  expect(localizeError(err, 'es')).toBe(
    `La interfaz no está compilada (no existe ${index}). Ejecute primero «npm run build:renderer».`,
  );
  expect(fs.existsSync(path.join(dir, 'ws2'))).toBe(false);
});

describe('Accept-Language', () => {
  test.each([
    ['es-CL,es;q=0.9,en;q=0.5', ['es-CL', 'es', 'en']],
    ['en;q=0.5, fr;q=0.8, es', ['es', 'fr', 'en']],
    ['fr;q=0, es;q=0.1, *', ['es']],
    ['*', []],
    ['', []],
    ['en-US;q=abc, <script>, fr', ['fr']],
  ])('%j asks for %j', (header, expected) => {
    expect(acceptedLanguages(header)).toEqual(expected);
  });
});
