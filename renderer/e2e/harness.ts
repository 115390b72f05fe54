import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
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

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: requireChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface BrowserMode {
  server: RunningServer;
  browser: Browser;
  dir: string;
  /** A new page at the app, token included; page errors fail the test. */
  openApp(extraHash?: string): Promise<Page>;
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
    async close() {
      await browser.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
      if (errors.length) throw new Error(`Errors in the page: ${errors.join(' | ')}`);
    },
  };
}
