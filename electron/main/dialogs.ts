// Native file dialogs, kept in one place as Electron Fiddle keeps its own (src/main/dialogs.ts):
// the renderer asks through the dialog contract (shared/contract/api.ts), the main process
// shows the dialog, checks the chosen path and grants it to the app.
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { describeIssues } from '../../shared/contract/dispatch';
import { dialogChannelOf, dialogContract, type FilePurpose } from '../../shared/contract/api';
import { baseName, isSavePurpose, pathProblem, purposeExtensions, withExtension } from '../../shared/contract/file-policy';
import { AppError, serializeError } from '../../shared/errors';
import { isTrustedSender, refusedSender } from './ipc';
import type { PathGrants } from './path-grants';
import { mainT } from './ui-language';

/** The native dialogs' words, in the interface language (read when a dialog opens). */
export const dialogText = {
  get replaceButton() { return mainT()('dialogs:replace'); },
  get cancelButton() { return mainT()('common:cancel'); },
  replaceQuestion: (name: string) => mainT()('dialogs:native.replaceQuestion', { name }),
  get replaceDetail() { return mainT()('dialogs:native.replaceDetail'); },
};

export type ChosenFile = { path: string; replace: boolean } | null;

/** Shows the dialog for `purpose`; a chosen path that breaks the file rules is refused with the reason. */
export async function chooseFile(
  win: BrowserWindow | null, purpose: FilePurpose, grants: PathGrants, defaultDir: string, suggestedName?: string,
): Promise<ChosenFile> {
  const title = mainT()(`dialogs:purpose.${purpose}`);
  const filter = mainT()(`dialogs:filter.${purpose}`);
  const filters = [{ name: filter, extensions: purposeExtensions[purpose].map((e) => e.slice(1)) }];
  const show = <O, T>(fn: (w: BrowserWindow, o: O) => Promise<T>, fnNoWin: (o: O) => Promise<T>, o: O) => (win ? fn(win, o) : fnNoWin(o));
  let file: string;
  let replace = false;
  if (!isSavePurpose(purpose)) {
    const r = await show(dialog.showOpenDialog, dialog.showOpenDialog, { title, filters, defaultPath: defaultDir, properties: ['openFile'] });
    if (r.canceled || !r.filePaths[0]) return null;
    file = r.filePaths[0];
  } else {
    const name = suggestedName ? baseName(suggestedName) : '';
    const r = await show(dialog.showSaveDialog, dialog.showSaveDialog, {
      title, filters, defaultPath: path.join(defaultDir, name), properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (r.canceled || !r.filePath) return null;
    file = withExtension(purpose, r.filePath);
    replace = fs.existsSync(file);
    // The dialog asked about the name as typed; with the extension added, ask about the real one.
    if (replace && file !== r.filePath) {
      const answer = await show(dialog.showMessageBox, dialog.showMessageBox, {
        type: 'warning', title, message: dialogText.replaceQuestion(baseName(file)), detail: dialogText.replaceDetail,
        buttons: [dialogText.replaceButton, dialogText.cancelButton], defaultId: 1, cancelId: 1,
      });
      if (answer.response !== 0) return null;
    }
  }
  const problem = pathProblem(purpose, file);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  grants.grant(file);
  return { path: file, replace };
}

/** One IPC handler per dialog method, with the same sender check and validation as the contract's. */
export function setupDialogs(grants: PathGrants, defaultDir: () => string): void {
  ipcMain.handle(dialogChannelOf('chooseFile'), async (event: IpcMainInvokeEvent, payload: unknown) => {
    if (!isTrustedSender(event)) return refusedSender;
    const parsed = dialogContract.chooseFile.input.safeParse(payload);
    if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: describeIssues('chooseFile', parsed.error) } };
    try {
      const dir = defaultDir();
      fs.mkdirSync(dir, { recursive: true });
      const value = await chooseFile(BrowserWindow.fromWebContents(event.sender), parsed.data.purpose, grants, dir, parsed.data.suggestedName);
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: serializeError(err) };
    }
  });
}
