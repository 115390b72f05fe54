// The Electron edge: the only code that imports 'electron'. It wires the Node services
// (electron/node) to a locked-down window through the one contract; nothing else lives here.
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import type { MenuMessage } from '../../shared/contract/menu';
import { AppServices, CONFERENCE_EXT } from '../node/services/app-services';
import { attachServiceEvents } from '../node/events/attach';
import { EventHub } from '../node/events/service-events';
import { setupDialogs } from './dialogs';
import { sendEvent, sendToAllWindows } from './events';
import { guardPermissions, guardWebContents } from './guard';
import { setupIpc } from './ipc';
import { conferenceLanguageOf, spellCheckLanguageFor } from './spell-check';
import { buildMenu } from './menu';
import { PathGrants } from './path-grants';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, preloadFile } from './windows';

// Built by build/scripts/build.mjs: dist/electron (main, preload) and dist/renderer.
const distDir = path.join(app.getAppPath(), 'dist', 'electron');
const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
const workspaceDir = () => path.join(app.getPath('documents'), 'Rapporteur');

/** Files the user handed to the app (dialogs, the OS): the only paths the renderer may use. */
const grants = new PathGrants();

/** A conference named on the command line (Windows, Linux) or by the OS (macOS open-file). */
const pendingFiles: string[] = process.argv.filter((a) => a.endsWith(CONFERENCE_EXT));

function openInWindow(file: string): void {
  grants.grant(file);
  const win = BrowserWindow.getAllWindows()[0];
  if (!win) {
    pendingFiles.push(file);
    return;
  }
  if (win.isMinimized()) win.restore();
  win.focus();
  const message: MenuMessage = { command: 'open', path: file };
  if (win.webContents.isLoading())
    win.webContents.once('did-finish-load', () => sendEvent(win.webContents, 'menuCommand', message));
  else sendEvent(win.webContents, 'menuCommand', message);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  guardWebContents();
  app.on('second-instance', (_event, argv) => {
    const file = argv.find((a) => a.endsWith(CONFERENCE_EXT));
    if (file) openInWindow(file);
    else BrowserWindow.getAllWindows()[0]?.focus();
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openInWindow(file);
  });

  void app.whenReady().then(async () => {
    const services = new AppServices({
      dataDir: app.getPath('userData'),
      workspaceDir: workspaceDir(),
      samplesDir: app.isPackaged
        ? path.join(process.resourcesPath, 'samples')
        : path.join(app.getAppPath(), 'seeds', 'samples'),
    });
    // Export progress and saved parts reach every window as events (no polling).
    const hub = new EventHub();
    attachServiceEvents(services, hub);
    hub.subscribe(sendToAllWindows);
    guardPermissions();
    serveRenderer(rendererDir);
    setupDialogs(grants, workspaceDir);
    setupIpc(services.api, grants, (method, value, event, payload) => {
      // The interface language changed in the app: the menus follow at once.
      if (method === 'setUiLanguage') void buildMenu(services, grants, workspaceDir);
      // Spell-check follows the language of the conference opened, and changes with it.
      const language = conferenceLanguageOf(method, payload, value);
      if (!language) return;
      const session = event.sender.session;
      const match = spellCheckLanguageFor(language, session.availableSpellCheckerLanguages);
      if (match) session.setSpellCheckerLanguages([match]);
    });
    await buildMenu(services, grants, workspaceDir);
    createMainWindow(preloadFile(distDir));
    for (const file of pendingFiles.splice(0)) openInWindow(file);

    // Open Recent follows the files opened in any window.
    app.on('browser-window-focus', () => void buildMenu(services, grants, workspaceDir));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preloadFile(distDir));
    });
    app.on('before-quit', () => services.closeAll());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
