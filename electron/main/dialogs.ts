// Native file dialogs, kept in one place as Electron Fiddle keeps its own (src/main/dialogs.ts):
// the renderer asks through the dialog contract (shared/contract/api.ts), the main process
// shows the dialog, checks the chosen path and grants it to the app.
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import type { z } from 'zod';
import { issuesError } from '../../shared/contract/dispatch';
import {
  dialogChannelOf,
  dialogContract,
  type DialogMethodName,
  type FilePurpose,
  type ManyFilesPurpose,
} from '../../shared/contract/api';
import {
  baseName,
  isSavePurpose,
  pathError,
  purposeExtensions,
  withExtension,
} from '../../shared/contract/file-policy';
import { serializeError } from '../../shared/errors';
import { isTrustedSender, refusedSender } from './ipc';
import type { PathGrants } from './path-grants';
import { mainT } from './ui-language';

/** The native dialogs' words, in the interface language (read when a dialog opens). */
export const dialogText = {
  get replaceButton() {
    return mainT()('dialogs:replace');
  },
  get cancelButton() {
    return mainT()('common:cancel');
  },
  replaceQuestion: (name: string) => mainT()('dialogs:native.replaceQuestion', { name }),
  get replaceDetail() {
    return mainT()('dialogs:native.replaceDetail');
  },
};

export type ChosenFile = { path: string; replace: boolean } | null;

/** Shows the dialog for `purpose`; a chosen path that breaks the file rules is refused with the reason. */
export async function chooseFile(
  win: BrowserWindow | null,
  purpose: FilePurpose,
  grants: PathGrants,
  defaultDir: string,
  suggestedName?: string,
): Promise<ChosenFile> {
  const title = mainT()(`dialogs:purpose.${purpose}`);
  const filter = mainT()(`dialogs:filter.${purpose}`);
  const filters = [{ name: filter, extensions: purposeExtensions[purpose].map((e) => e.slice(1)) }];
  const show = <O, T>(fn: (w: BrowserWindow, o: O) => Promise<T>, fnNoWin: (o: O) => Promise<T>, o: O) =>
    win ? fn(win, o) : fnNoWin(o);
  let file: string;
  let replace = false;
  if (!isSavePurpose(purpose)) {
    const r = await show(dialog.showOpenDialog, dialog.showOpenDialog, {
      title,
      filters,
      defaultPath: defaultDir,
      properties: ['openFile'],
    });
    if (r.canceled || !r.filePaths[0]) return null;
    file = r.filePaths[0];
  } else {
    const name = suggestedName ? baseName(suggestedName) : '';
    const r = await show(dialog.showSaveDialog, dialog.showSaveDialog, {
      title,
      filters,
      defaultPath: path.join(defaultDir, name),
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (r.canceled || !r.filePath) return null;
    file = withExtension(purpose, r.filePath);
    replace = fs.existsSync(file);
    // The dialog asked about the name as typed; with the extension added, ask about the real one.
    if (replace && file !== r.filePath) {
      const answer = await show(dialog.showMessageBox, dialog.showMessageBox, {
        type: 'warning',
        title,
        message: dialogText.replaceQuestion(baseName(file)),
        detail: dialogText.replaceDetail,
        buttons: [dialogText.replaceButton, dialogText.cancelButton],
        defaultId: 1,
        cancelId: 1,
      });
      if (answer.response !== 0) return null;
    }
  }
  const problem = pathError(purpose, file);
  if (problem) throw problem;
  grants.grant(file);
  return { path: file, replace };
}

/**
 * A multi-select open dialog (returned kits): every chosen path must keep the file rules, or
 * none is granted and the first problem is named; each is granted otherwise.
 */
export async function chooseFiles(
  win: BrowserWindow | null,
  purpose: ManyFilesPurpose,
  grants: PathGrants,
  defaultDir: string,
): Promise<{ paths: string[] } | null> {
  const title = mainT()(`dialogs:purpose.${purpose}`);
  const filters = [
    { name: mainT()(`dialogs:filter.${purpose}`), extensions: purposeExtensions[purpose].map((e) => e.slice(1)) },
  ];
  const options: OpenDialogOptions = {
    title,
    filters,
    defaultPath: defaultDir,
    properties: ['openFile', 'multiSelections'],
  };
  const r = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
  const paths = [...new Set(r.filePaths)];
  if (r.canceled || paths.length === 0) return null;
  for (const file of paths) {
    const problem = pathError(purpose, file);
    if (problem) throw problem;
  }
  for (const file of paths) grants.grant(file);
  return { paths };
}

/** One IPC handler per dialog method, with the same sender check and validation as the contract's. */
export function setupDialogs(grants: PathGrants, defaultDir: () => string): void {
  const handle = <M extends DialogMethodName>(
    m: M,
    answer: (
      win: BrowserWindow | null,
      input: z.infer<(typeof dialogContract)[M]['input']>,
      dir: string,
    ) => Promise<unknown>,
  ) => {
    ipcMain.handle(dialogChannelOf(m), async (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event)) return refusedSender;
      const parsed = dialogContract[m].input.safeParse(payload);
      if (!parsed.success) return { ok: false, error: serializeError(issuesError(m, parsed.error)) };
      try {
        const dir = defaultDir();
        fs.mkdirSync(dir, { recursive: true });
        return {
          ok: true,
          value: await answer(
            BrowserWindow.fromWebContents(event.sender),
            parsed.data as z.infer<(typeof dialogContract)[M]['input']>,
            dir,
          ),
        };
      } catch (err) {
        return { ok: false, error: serializeError(err) };
      }
    });
  };
  handle('chooseFile', (win, input, dir) => chooseFile(win, input.purpose, grants, dir, input.suggestedName));
  handle('chooseFiles', (win, input, dir) => chooseFiles(win, input.purpose, grants, dir));
}
