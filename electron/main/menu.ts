import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuMessage } from '../../shared/contract/menu';
import { type Shortcut, shortcutKeys, shortcuts } from '../../shared/contract/shortcuts';
import type { AppServices } from '../node/services/app-services';
import { chooseFile } from './dialogs';
import { sendEvent } from './events';
import type { PathGrants } from './path-grants';

const send = (message: MenuMessage) => {
  const win = BrowserWindow.getFocusedWindow();
  if (win) sendEvent(win.webContents, 'menuCommand', message);
};

async function chooseAndOpen(grants: PathGrants, defaultDir: string): Promise<void> {
  const chosen = await chooseFile(BrowserWindow.getFocusedWindow(), 'open', grants, defaultDir).catch((err: unknown) => {
    dialog.showErrorBox('Open conference', err instanceof Error ? err.message : String(err));
    return null;
  });
  if (chosen) send({ command: 'open', path: chosen.path });
}

/** The application menu, rebuilt when the list of recent conferences changes. */
export async function buildMenu(services: AppServices, grants: PathGrants, defaultDir: () => string): Promise<void> {
  const isMac = process.platform === 'darwin';
  const recent = await services.api.listRecent({});
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New from Template…', accelerator: 'CmdOrCtrl+N', click: () => send({ command: 'new-from-template' }) },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => void chooseAndOpen(grants, defaultDir()) },
      {
        label: 'Open Recent', role: isMac ? 'recentDocuments' : undefined,
        submenu: isMac ? [{ role: 'clearRecentDocuments' }] : recent.filter((r) => r.exists).map((r) => ({
          label: r.title || r.path, click: () => send({ command: 'open', path: r.path }),
        })),
      },
      { type: 'separator' },
      // The renderer asks for the file through the dialog contract, as its own button does.
      { label: 'Save a Copy…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send({ command: 'save-copy' }) },
      { label: 'Take Snapshot…', click: () => send({ command: 'snapshot' }) },
      { type: 'separator' },
      // No accelerator: Ctrl+I is italic.
      { label: 'Import Report…', click: () => send({ command: 'import' }) },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send({ command: 'export' }) },
      { type: 'separator' },
      { label: 'Close Conference', accelerator: 'CmdOrCtrl+W', click: () => send({ command: 'close' }) },
      ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' }, { role: 'redo' }, { type: 'separator' },
      { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'pasteAndMatchStyle' }, { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find and Replace…', accelerator: shortcutKeys('find'), click: () => send({ command: 'find' }) },
      { label: 'Find in Conference…', accelerator: shortcutKeys('find-in-conference'), click: () => send({ command: 'find-in-conference' }) },
    ],
  };
  // The editor binds these keys itself; the menu shows them (registerAccelerator: false)
  // and runs the same action on a click.
  const editorItems = (group: Shortcut['group']): MenuItemConstructorOptions[] => shortcuts.filter((s) => s.group === group).map((s) => ({
    label: s.label.replace(/^Insert /, '').replace(/^./, (c) => c.toUpperCase()),
    accelerator: s.keys,
    registerAccelerator: false,
    click: () => send({ command: 'editor-action', action: s.id }),
  }));
  const format: MenuItemConstructorOptions = { label: 'F&ormat', submenu: editorItems('Format') };
  const insert: MenuItemConstructorOptions = { label: '&Insert', submenu: editorItems('Insert') };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'About Rapporteur', click: () => app.showAboutPanel() }],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    file, edit, insert, format, view, ...(isMac ? [{ role: 'windowMenu' as const }] : []), help,
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
