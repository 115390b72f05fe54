/**
 * Print HTML → PDF in Debian's Chromium, driven by playwright-core (the command line,
 * browser mode and tests; the desktop app uses Electron's printToPDF instead).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { AppError } from '../../../shared/errors';

export const CHROMIUM_PATH = process.env.RAPPORTEUR_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** paged.js 0.4.3's polyfill, read once from node_modules. */
let pagedCache: string | null = null;
export function pagedScript(): string {
  if (pagedCache === null) {
    // The package does not export its dist files: find its folder from its main entry.
    const require = createRequire(import.meta.url);
    let dir = path.dirname(require.resolve('pagedjs'));
    while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    pagedCache = fs.readFileSync(path.join(dir, 'dist', 'paged.polyfill.js'), 'utf8');
  }
  return pagedCache;
}

export function requireChromium(): string {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new AppError('EXPORT_FAILED', `PDF export needs Chromium, which is not installed at ${CHROMIUM_PATH}. Install it with: apt-get install chromium`);
  }
  return CHROMIUM_PATH;
}

export interface PrintOptions {
  /** Called with the number of pages laid out so far. */
  onPage?: (pages: number) => void;
  signal?: AbortSignal;
  /** How long paged.js may take (ms). */
  timeout?: number;
}

export interface PrintedPdf { bytes: Uint8Array; pages: number }

/** One Chromium, reused for several documents (the benchmark, the test loop). */
export class ChromiumPrinter {
  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<ChromiumPrinter> {
    const executablePath = requireChromium();
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    return new ChromiumPrinter(browser);
  }

  async print(html: string, opts: PrintOptions = {}): Promise<PrintedPdf> {
    if (opts.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
    const context = await this.browser.newContext({ javaScriptEnabled: true, offline: true });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-print-'));
    const file = path.join(tmp, 'print.html');
    const page = await context.newPage();
    const abort = () => { void context.close().catch(() => undefined); };
    opts.signal?.addEventListener('abort', abort, { once: true });
    try {
      page.on('console', (msg) => {
        const m = /^rapporteur:page (\d+)$/.exec(msg.text());
        if (m) opts.onPage?.(Number(m[1]));
      });
      // Loading from a file is about a second faster than setContent for a 1.5 MB page.
      fs.writeFileSync(file, html);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-rendered') || document.documentElement.hasAttribute('data-render-error'),
        undefined, { timeout: opts.timeout ?? 600_000, polling: 100 });
      const error = await page.getAttribute('html', 'data-render-error');
      if (error) throw new AppError('EXPORT_FAILED', `Laying out the pages failed: ${error.slice(0, 500)}`);
      const pages = Number(await page.getAttribute('html', 'data-pages')) || 0;
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, displayHeaderFooter: false });
      return { bytes: new Uint8Array(pdf), pages };
    } catch (err) {
      if (opts.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
      throw err;
    } finally {
      opts.signal?.removeEventListener('abort', abort);
      await context.close().catch(() => undefined);
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}

/** Launches Chromium, prints one document, closes it. */
export async function htmlToPdf(html: string, opts: PrintOptions = {}): Promise<PrintedPdf> {
  const printer = await ChromiumPrinter.launch();
  try {
    return await printer.print(html, opts);
  } finally {
    await printer.close();
  }
}
