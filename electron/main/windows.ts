import path from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { APP_ORIGIN } from './protocol';

/** A window with the renderer locked down: isolated, sandboxed, no Node, no navigation away. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Rapporteur',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: true,
      // Chromium's built-in PDF viewer, for the export preview.
      plugins: true,
    },
  });
  win.once('ready-to-show', () => win.show());

  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  // Links in a report open in the user's browser, never inside the app.
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
  contents.session.webRequest.onBeforeRequest((details, callback) => {
    // Nothing remote: the renderer may load only the app's own files and data URLs.
    const ok = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('data:') || details.url.startsWith('blob:') || details.url.startsWith('devtools:');
    callback({ cancel: !ok });
  });

  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

export const preloadFile = (distDir: string): string => path.join(distDir, 'preload.cjs');
