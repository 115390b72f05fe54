import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../electron/server/http-server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails loudly, with the fix, when Chromium is missing: an end-to-end test never skips. */
export function requireChromium(): string {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with “apt-get install chromium” (Debian) or set CHROMIUM_PATH.`,
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

/** Browser mode against temporary folders: the real renderer (dist/renderer), the real services. */
/** `locale`: the browser's language (navigator.languages, Accept-Language), e.g. 'es-ES'. */
export async function startBrowserMode(options: { openFile?: string; locale?: string } = {}): Promise<BrowserMode> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-'));
  const server = await startServer({
    dataDir: path.join(dir, 'data'),
    workspaceDir: path.join(dir, 'workspace'),
    openFile: options.openFile,
    port: 0,
  });
  const browser = await launchChromium();
  const errors: string[] = [];
  return {
    server,
    browser,
    dir,
    async openApp(extraHash = '') {
      const page = await browser.newPage({
        viewport: { width: 1280, height: 860 },
        ...(options.locale ? { locale: options.locale } : {}),
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url + extraHash);
      return page;
    },
    async downloaded(download) {
      const file = path.join(fs.mkdtempSync(path.join(dir, 'download-')), download.suggestedFilename());
      await download.saveAs(file);
      return file;
    },
    async close() {
      await browser.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
      if (errors.length) throw new Error(`Errors in the page: ${errors.join(' | ')}`);
    },
  };
}
