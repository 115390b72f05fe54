import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../electron/server/http-server';

/**
 * The tests drive Chromium's headless shell when it is installed (Debian's
 * chromium-headless-shell): the same Blink and V8 without the full browser's compositor and
 * services, it ran the browser-mode files on about 30% less CPU than `chromium --headless`.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const CHROMIUM_CANDIDATES = [HEADLESS_SHELL, '/usr/bin/chromium'];

export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? HEADLESS_SHELL;

/** Fails loudly, with the fix, when Chromium is missing: an end-to-end test never skips. */
export function requireChromium(): string {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with “apt-get install chromium-headless-shell” (Debian) or set CHROMIUM_PATH.`,
    );
  }
  return CHROMIUM;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where the run's shared Chromium listens (chromium-server.global-setup.ts), when there is one. */
export const SHARED_CHROMIUM_ENV = 'RAPPORTEUR_E2E_CHROMIUM_WS';

/**
 * A browser of one's own: a connection to the run's shared Chromium under vitest, else a new
 * Chromium. Either way `close()` ends everything this browser opened (a connection closes its
 * own contexts and leaves the shared Chromium to the others).
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = requireChromium();
  const shared = process.env[SHARED_CHROMIUM_ENV];
  if (shared) return chromium.connect(shared, { timeout: 60_000 });
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * The renderer build the servers serve: dist/renderer, or the folder named by RAPPORTEUR_E2E_RENDERER
 * (a copy kept steady while dist/renderer is being rebuilt, e.g. to measure the tests).
 */
export function rendererBuild(): { staticDir?: string } {
  const dir = process.env.RAPPORTEUR_E2E_RENDERER;
  return dir ? { staticDir: dir } : {};
}

/**
 * A screenshot for a person to look at, taken only when RAPPORTEUR_SHOTS names a folder (it goes
 * there as `name`). No test reads them, and in a plain test run no one looked at the seventy-odd
 * each run wrote (about 0.1 CPU-s each, Chromium's encoding and the transfer).
 */
export async function shot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.RAPPORTEUR_SHOTS;
  if (!dir) return;
  const file = path.join(dir, name);
  if ('goto' in target) await target.screenshot({ path: file, ...options });
  else await target.screenshot({ path: file });
}

export interface BrowserMode {
  server: RunningServer;
  browser: Browser;
  dir: string;
  /** A new page at the app, token included; page errors fail the test. */
  openApp(extraHash?: string): Promise<Page>;
  /** Where a finished download is, saved into `dir` (the shared Chromium is reached remotely, so `download.path()` is refused). */
  downloaded(download: Download): Promise<string>;
  close(): Promise<void>;
}

/**
 * Where openApp's pages come from: one browser context per worker and browser language, and in it
 * a page kept open on 127.0.0.1 that opens each app as a new window of its own (window.open with
 * noopener: no opener, no shared session storage, nothing in its history). Chromium gives such a
 * window the renderer process of its opener's site, already started and warm; a new tab or a new
 * context costs a new renderer, which made a page about 1 CPU-second dearer (1.7 instead of 0.75
 * CPU-s, measured with the built renderer's first screen). An app's pages are closed and its origin's
 * storage cleared when it closes, so the next server, even on a reused port, starts from nothing.
 */
interface PagePool {
  context: BrowserContext;
  opener: Page;
  /** Uncaught errors per page, heard from the context from the page's first script on. */
  errors: Map<Page, string[]>;
  open(url: string): Promise<Page>;
  clearOrigin(origin: string): Promise<void>;
}

const pools = new Map<string, Promise<PagePool>>();
let poolBrowser: Promise<Browser> | null = null;
let openerUrl: Promise<string> | null = null;

/** A blank page on 127.0.0.1 (the apps' site) for the openers, served for as long as the worker lives. */
function openerPageUrl(): Promise<string> {
  openerUrl ??= new Promise((resolve) => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Opener of the end-to-end pages</title>');
    });
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
    server.unref();
  });
  return openerUrl;
}

async function createPool(locale: string | undefined): Promise<PagePool> {
  poolBrowser ??= launchChromium();
  const context = await (await poolBrowser).newContext({
    viewport: { width: 1280, height: 860 },
    ...(locale ? { locale } : {}),
  });
  const errors = new Map<Page, string[]>();
  context.on('weberror', (e) => {
    const page = e.page();
    if (page) errors.set(page, [...(errors.get(page) ?? []), e.error().message]);
  });
  const opener = await context.newPage();
  await opener.goto(await openerPageUrl());
  const cdp = await context.newCDPSession(opener);
  return {
    context,
    opener,
    errors,
    async open(url) {
      const [page] = await Promise.all([
        context.waitForEvent('page'),
        opener.evaluate((u) => {
          window.open(u, '_blank', 'noopener,noreferrer');
        }, url),
      ]);
      await page.waitForLoadState('load');
      return page;
    },
    async clearOrigin(origin) {
      await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    },
  };
}

function pagePool(locale: string | undefined): Promise<PagePool> {
  const key = locale ?? '';
  let pool = pools.get(key);
  if (!pool) {
    pool = createPool(locale);
    pools.set(key, pool);
    // A failed start is not kept: the next app tries again (and fails loudly the same way if Chromium is missing).
    pool.catch(() => pools.delete(key));
  }
  return pool;
}

/** Browser mode against temporary folders: the real renderer (dist/renderer), the real services. */
/** `locale`: the browser's language (navigator.languages, Accept-Language), e.g. 'es-ES'. */
export async function startBrowserMode(options: { openFile?: string; locale?: string } = {}): Promise<BrowserMode> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-'));
  const server = await startServer({
    dataDir: path.join(dir, 'data'),
    workspaceDir: path.join(dir, 'workspace'),
    openFile: options.openFile,
    port: 0,
    ...rendererBuild(),
  });
  const browser = await launchChromium();
  const pool = await pagePool(options.locale);
  const pages: Page[] = [];
  return {
    server,
    browser,
    dir,
    async openApp(extraHash = '') {
      const page = await pool.open(server.url + extraHash);
      pages.push(page);
      return page;
    },
    async downloaded(download) {
      const file = path.join(fs.mkdtempSync(path.join(dir, 'download-')), download.suggestedFilename());
      await download.saveAs(file);
      return file;
    },
    async close() {
      for (const page of pages) await page.close();
      await pool.clearOrigin(new URL(server.url).origin);
      await browser.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
      const errors = pages.flatMap((page) => pool.errors.get(page) ?? []);
      for (const page of pages) pool.errors.delete(page);
      if (errors.length) throw new Error(`Errors in the page: ${errors.join(' | ')}`);
    },
  };
}
