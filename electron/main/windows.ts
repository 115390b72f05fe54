import path from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './protocol';

/**
 * A window with the renderer locked down: isolated, sandboxed, no Node. Navigation, new
 * windows and permissions are guarded for every web contents in guard.ts.
 */
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
      // A middle click would open a link in a new window; the window-open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      // Chromium's built-in PDF viewer, for the export preview.
      plugins: true,
    },
  });
  win.once('ready-to-show', () => win.show());

  win.webContents.session.webRequest.onBeforeRequest((details, callback) => {
    // Nothing remote: the renderer may load only the app's own files and data URLs.
    const ok = ['data:', 'blob:', 'devtools:', `${APP_ORIGIN}/`].some((p) => details.url.startsWith(p));
    callback({ cancel: !ok });
  });

  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

export const preloadFile = (distDir: string): string => path.join(distDir, 'preload.cjs');
