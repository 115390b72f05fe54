import type { FilePurpose, ManyFilesPurpose } from '../../../shared/contract/api';
import { isDesktop, unwrap } from '../api';
import { type ChosenFile, chooseInWorkspace, chooseManyInWorkspace } from './dialog-store';

/**
 * Asks the user for a file: the native dialog of the desktop app (through the dialog
 * contract; the main process grants the path it returns), or the in-app chooser over the
 * workspace in browser mode. Null when the user cancels. `replace` is true only when the
 * user confirmed replacing an existing file.
 */
export async function chooseFile(purpose: FilePurpose, suggestedName?: string): Promise<ChosenFile> {
  if (isDesktop)
    return unwrap<ChosenFile>(
      await window.rapporteur!.dialogs.chooseFile({ purpose, ...(suggestedName ? { suggestedName } : {}) }),
    );
  return chooseInWorkspace(purpose, suggestedName);
}

/** One file or several for `purpose` (a multi-select dialog, or the chooser with several ticked); null when the user cancels. */
export async function chooseFiles(purpose: ManyFilesPurpose): Promise<string[] | null> {
  if (isDesktop)
    return unwrap<{ paths: string[] } | null>(await window.rapporteur!.dialogs.chooseFiles({ purpose }))?.paths ?? null;
  return chooseManyInWorkspace(purpose);
}
