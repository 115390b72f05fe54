import { useEffect, useRef, useState } from 'react';
import type { FilePurpose, Output } from '../../../shared/contract/api';
import { isSavePurpose, purposeExtensions, withExtension } from '../../../shared/contract/file-policy';
import { api, errorMessage } from '../api';
import { ConfirmDialog } from './ConfirmDialog';
import type { ChosenFile } from './dialog-store';
import { dialogText } from './dialog-text';
import './dialogs.css';
import { useModalFocus } from './use-modal-focus';

interface Props { purpose: FilePurpose; suggestedName?: string; onDone(file: ChosenFile): void }

/** A file name the user may type: no folders, no hidden files. */
const validName = (name: string) => !/[\\/]/.test(name) && !name.startsWith('.');

/**
 * Browser mode's file chooser: the conferences in the workspace folder, and for saving a
 * file name there. No paths are typed; an existing name is replaced only after confirmation.
 */
export function FileChooser({ purpose, suggestedName, onDone }: Props) {
  const saving = isSavePurpose(purpose);
  const [workspace, setWorkspace] = useState<Output<'listWorkspace'> | null>(null);
  const [selected, setSelected] = useState('');
  const [name, setName] = useState(suggestedName ?? '');
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  // Focus in the chooser and kept there, Escape cancels, focus back where it was after.
  const box = useRef<HTMLElement>(null);
  useModalFocus(box, () => onDone(null));

  useEffect(() => { api.listWorkspace({}).then(setWorkspace, (err: unknown) => setError(errorMessage(err))); }, []);

  const sep = workspace && workspace.dir.includes('\\') && !workspace.dir.includes('/') ? '\\' : '/';
  const inWorkspace = (file: string) => `${workspace!.dir}${sep}${file}`;
  const files = (workspace?.files ?? []).filter((f) => purposeExtensions[purpose].some((e) => f.name.toLowerCase().endsWith(e)));

  const submit = () => {
    if (!workspace) return;
    if (!saving) { if (selected) onDone({ path: inWorkspace(selected), replace: false }); return; }
    const typed = name.trim();
    if (!typed) { setError(dialogText.noName); return; }
    if (!validName(typed)) { setError(dialogText.badName); return; }
    const full = withExtension(purpose, typed);
    if (files.some((f) => f.name === full)) setConfirming(full);
    else onDone({ path: inWorkspace(full), replace: false });
  };

  if (confirming) {
    return <ConfirmDialog title={dialogText.replaceTitle} message={dialogText.replaceQuestion(confirming)} confirmLabel={dialogText.replace}
      onAnswer={(ok) => (ok ? onDone({ path: inWorkspace(confirming), replace: true }) : setConfirming(null))} />;
  }
  return (
    <div className="dialog-backdrop" role="presentation">
      <section ref={box} tabIndex={-1} className="dialog file-chooser" role="dialog" aria-modal="true" aria-labelledby="chooser-title">
        <h3 id="chooser-title">{dialogText.title(purpose)}</h3>
        {workspace && <p className="muted">{dialogText.inFolder(workspace.dir)}</p>}
        <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
          {files.length === 0 ? <p className="muted">{dialogText.emptyFolder}</p> : (
            <ul className="chooser-files" role="listbox" aria-label={dialogText.title(purpose)}>
              {files.map((f) => (
                <li key={f.name} role="option" tabIndex={0} aria-selected={(saving ? name : selected) === f.name}
                  onClick={() => (saving ? setName(f.name) : setSelected(f.name))}
                  onKeyDown={(e) => { if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); if (saving) setName(f.name); else setSelected(f.name); } }}
                  onDoubleClick={() => { if (!saving) onDone({ path: inWorkspace(f.name), replace: false }); }}>
                  {f.name}
                </li>
              ))}
            </ul>
          )}
          {saving && (
            <label className="field">{dialogText.fileName}
              <input autoFocus value={name} onChange={(e) => { setName(e.target.value); setError(''); }} />
            </label>
          )}
          {error && <p className="error" role="alert">{error}</p>}
          <div className="dialog-actions">
            <button type="button" onClick={() => onDone(null)}>{dialogText.cancel}</button>
            <button type="submit" className="primary" disabled={!workspace || (!saving && !selected)}>{saving ? dialogText.save : dialogText.open}</button>
          </div>
        </form>
      </section>
    </div>
  );
}
