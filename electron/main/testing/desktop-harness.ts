// Loads the BUILT desktop app (dist/electron/main.cjs and, per window, preload.cjs) in this
// Node process with the Chromium-backed stand-in for 'electron' (chromium-electron.ts).
// The bundle may require only what the packed app has: Node's built-ins, 'electron' and
// package.json "dependencies"; anything else fails the load, as it would in the installed app.
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../renderer/e2e/harness';
import { createChromiumElectron, type ChromiumElectron } from './chromium-electron';

const here = fileURLToPath(import.meta.url);
export const projectRoot = path.resolve(path.dirname(here), '..', '..', '..');
export const distElectron = path.join(projectRoot, 'dist', 'electron');

/** The bare modules a bundle requires (require("x") with a string literal), without Node's built-ins. */
export function bundleRequires(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const m of source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    const id = m[1]!;
    if (
      id.startsWith('.') ||
      id.startsWith('/') ||
      id.startsWith('node:') ||
      builtinModules.includes(id.split('/')[0]!)
    )
      continue;
    found.add(id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]!);
  }
  return [...found].sort();
}

/** What the packed app can require at run time: 'electron' and the runtime dependencies. */
export function runtimeModules(root = projectRoot): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return ['electron', ...Object.keys(pkg.dependencies ?? {})];
}

export interface DesktopApp {
  browser: Browser;
  dir: string;
  userDir: string;
  /** Where the app's Documents/Rapporteur workspace is. */
  workspaceDir: string;
  electron: ChromiumElectron;
  /** The main window's page, once its preload ran and app:// loaded. */
  mainPage(): Promise<Page>;
  close(): Promise<void>;
}

let loaded = false;

/**
 * Starts the built app: requires dist/electron/main.cjs with 'electron' resolved to the
 * stand-in. One app per process (the bundle keeps module state, as Electron's main does).
 */
export async function startDesktopApp(
  options: {
    mainFile?: string;
    /** The app's folder (app.getAppPath()): the project, or a packed app extracted from its asar. */
    appPath?: string;
    /** Set for a packed app: app.isPackaged is true and process.resourcesPath is this folder. */
    resourcesPath?: string;
  } = {},
): Promise<DesktopApp> {
  if (loaded) throw new Error('The desktop bundle is already loaded in this process.');
  loaded = true;
  const mainFile = options.mainFile ?? path.join(distElectron, 'main.cjs');
  if (!fs.existsSync(mainFile)) throw new Error(`${mainFile} is missing: run “npm run build” first (npm test does).`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-desktop-'));
  const userDir = path.join(dir, 'user');
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const appPath = options.appPath ?? projectRoot;
  const electron = createChromiumElectron({
    context,
    appPath,
    userDir,
    isPackaged: options.resourcesPath !== undefined,
  });
  if (options.resourcesPath) (process as { resourcesPath?: string }).resourcesPath = options.resourcesPath;

  // 'electron' resolves to the stand-in; any other bare module a bundle asks for must be a runtime dependency.
  const standInId = path.join(dir, 'electron-stand-in.js');
  const allowed = new Set(runtimeModules(appPath));
  const bundleDir = path.dirname(mainFile);
  const M = Module as unknown as {
    _resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;
    _cache: Record<string, unknown>;
  };
  const originalResolve = M._resolveFilename;
  M._resolveFilename = function (request, parent, ...rest) {
    if (request === 'electron') return standInId;
    const fromBundle = parent?.filename && path.dirname(parent.filename) === bundleDir;
    const bare =
      !request.startsWith('.') &&
      !path.isAbsolute(request) &&
      !request.startsWith('node:') &&
      !builtinModules.includes(request.split('/')[0]!);
    if (fromBundle && bare) {
      const name = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0]!;
      if (!allowed.has(name))
        throw new Error(
          `${path.basename(parent!.filename!)} requires “${request}”, which is not in package.json "dependencies": the packed app would not have it.`,
        );
    }
    return originalResolve.call(this, request, parent, ...rest);
  };
  const stub = new Module(standInId);
  stub.filename = standInId;
  stub.loaded = true;
  stub.exports = electron.electron;
  M._cache[standInId] = stub;

  const restore = () => {
    M._resolveFilename = originalResolve;
    delete M._cache[standInId];
    delete M._cache[mainFile];
    loaded = false;
  };
  try {
    createRequire(here)(mainFile);
  } catch (err) {
    restore();
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  await new Promise((r) => setTimeout(r, 0));
  const waitFor = async <T>(get: () => T | null | undefined, what: string, ms = 30_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = get();
      if (v) return v;
      if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  return {
    browser,
    dir,
    userDir,
    electron,
    workspaceDir: path.join(userDir, 'documents', 'Rapporteur'),
    async mainPage() {
      const win = await waitFor(
        () => electron.windows.find((w) => w.options.webPreferences?.preload),
        'the main window',
      );
      const page = await win.page;
      await waitFor(() => (win.webContents.url ? page : null), 'the main window to load');
      // The interface hears menu commands once React has mounted its first screen: a menu click
      // sent before would be lost. A call over the bridge behind that mount means it is in place.
      await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, undefined, {
        timeout: 60_000,
      });
      await page.evaluate(async () => {
        await (
          window as unknown as { rapporteur: { api: { listTemplates(input: object): Promise<unknown> } } }
        ).rapporteur.api.listTemplates({});
      });
      return page;
    },
    async close() {
      electron.appEvents.emit('before-quit', { preventDefault() {} });
      await browser.close();
      restore();
      fs.rmSync(dir, { recursive: true, force: true });
      if (electron.pageErrors.length) throw new Error(`Errors in the page: ${electron.pageErrors.join(' | ')}`);
    },
  };
}
