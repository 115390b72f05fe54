import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { menuViews, type MenuMessage } from '../../shared/contract/menu';
import { type Shortcut, shortcutKeys, shortcuts } from '../../shared/contract/shortcuts';
import type { AppServices } from '../node/services/app-services';
import { chooseFile } from './dialogs';
import { sendEvent } from './events';
import type { PathGrants } from './path-grants';
import { mainErrorMessage, mainT, refreshMainUiLanguage } from './ui-language';

const send = (message: MenuMessage) => {
  const win = BrowserWindow.getFocusedWindow();
  if (win) sendEvent(win.webContents, 'menuCommand', message);
};

async function chooseAndOpen(grants: PathGrants, defaultDir: string): Promise<void> {
  const chosen = await chooseFile(BrowserWindow.getFocusedWindow(), 'open', grants, defaultDir).catch(
    (err: unknown) => {
      dialog.showErrorBox(mainT()('menu:openError'), mainErrorMessage(err));
      return null;
    },
  );
  if (chosen) send({ command: 'open', path: chosen.path });
}

/** The application menu in the interface language, rebuilt when the recent conferences or the language change. */
export async function buildMenu(services: AppServices, grants: PathGrants, defaultDir: () => string): Promise<void> {
  const isMac = process.platform === 'darwin';
  const recent = await services.api.listRecent({});
  await refreshMainUiLanguage(services);
  const t = mainT();
  const file: MenuItemConstructorOptions = {
    label: t('menu:file'),
    submenu: [
      {
        label: t('menu:newFromTemplate'),
        accelerator: 'CmdOrCtrl+N',
        click: () => send({ command: 'new-from-template' }),
      },
      { label: t('menu:open'), accelerator: 'CmdOrCtrl+O', click: () => void chooseAndOpen(grants, defaultDir()) },
      {
        label: t('menu:openRecent'),
        role: isMac ? 'recentDocuments' : undefined,
        submenu: isMac
          ? [{ role: 'clearRecentDocuments' }]
          : recent
              .filter((r) => r.exists)
              .map((r) => ({
                label: r.title || r.path,
                click: () => send({ command: 'open', path: r.path }),
              })),
      },
      { type: 'separator' },
      // The renderer asks for the file through the dialog contract, as its own button does.
      { label: t('menu:saveCopy'), accelerator: 'CmdOrCtrl+Shift+S', click: () => send({ command: 'save-copy' }) },
      { label: t('menu:takeSnapshot'), click: () => send({ command: 'snapshot' }) },
      { type: 'separator' },
      // No accelerator: Ctrl+I is italic.
      { label: t('menu:importReport'), click: () => send({ command: 'import' }) },
      { label: t('menu:export'), accelerator: 'CmdOrCtrl+E', click: () => send({ command: 'export' }) },
      { type: 'separator' },
      { label: t('menu:closeConference'), accelerator: 'CmdOrCtrl+W', click: () => send({ command: 'close' }) },
      ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t('menu:edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: t('menu:findReplace'), accelerator: shortcutKeys('find'), click: () => send({ command: 'find' }) },
      {
        label: t('menu:findInConference'),
        accelerator: shortcutKeys('find-in-conference'),
        click: () => send({ command: 'find-in-conference' }),
      },
    ],
  };
  // The editor binds these keys itself; the menu shows them (registerAccelerator: false)
  // and runs the same action on a click.
  const editorItems = (group: Shortcut['group']): MenuItemConstructorOptions[] =>
    shortcuts
      .filter((s) => s.group === group)
      .map((s) => ({
        // A shortcut added without a menu translation yet shows its English label.
        label: t(`menu:item.${s.id}` as never, {
          defaultValue: s.label.replace(/^Insert /, '').replace(/^./, (c) => c.toUpperCase()),
        }),
        accelerator: s.keys,
        registerAccelerator: false,
        click: () => send({ command: 'editor-action', action: s.id }),
      }));
  const format: MenuItemConstructorOptions = { label: t('menu:format'), submenu: editorItems('Format') };
  const insert: MenuItemConstructorOptions = { label: t('menu:insert'), submenu: editorItems('Insert') };
  const view: MenuItemConstructorOptions = {
    label: t('menu:view'),
    submenu: [
      // The conference screen's views, as its header's buttons open them.
      ...menuViews.map((panel) => ({ label: t(`menu:views.${panel}`), click: () => send({ command: 'view', panel }) })),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: t('menu:about'), click: () => app.showAboutPanel() }],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    file,
    edit,
    insert,
    format,
    view,
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    help,
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
