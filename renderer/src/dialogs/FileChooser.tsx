import { useEffect, useRef, useState } from 'react';
import type { FilePurpose, Output } from '../../../shared/contract/api';
import { isSavePurpose, purposeExtensions, withExtension } from '../../../shared/contract/file-policy';
import { api, errorMessage } from '../api';
import { ConfirmDialog } from './ConfirmDialog';
import type { ChosenFile } from './dialog-store';
import { dialogText } from './dialog-text';
import './dialogs.css';
import { useModalFocus } from './use-modal-focus';

/** One file (open or save), or with `multiple` any number of files to open at once. */
type Props =
  | { purpose: FilePurpose; suggestedName?: string; multiple?: false; onDone(file: ChosenFile): void }
  | { purpose: FilePurpose; multiple: true; onDoneMany(paths: string[] | null): void };

/** A file name the user may type: no folders, no hidden files. */
const validName = (name: string) => !/[\\/]/.test(name) && !name.startsWith('.');

/**
 * Browser mode's file chooser: the conferences in the workspace folder, and for saving a
 * file name there. No paths are typed; an existing name is replaced only after confirmation.
 */
export function FileChooser(props: Props) {
  const { purpose } = props;
  const suggestedName = props.multiple ? undefined : props.suggestedName;
  const onDone = (file: ChosenFile) => (props.multiple ? props.onDoneMany(file && [file.path]) : props.onDone(file));
  const saving = isSavePurpose(purpose);
  const multiple = props.multiple === true;
  // Several files ticked at once (multiple): in the order the user ticked them.
  const [ticked, setTicked] = useState<string[]>([]);
  const [workspace, setWorkspace] = useState<Output<'listWorkspace'> | null>(null);
  const [selected, setSelected] = useState('');
  const [name, setName] = useState(suggestedName ?? '');
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  // Focus in the chooser and kept there, Escape cancels, focus back where it was after.
  const box = useRef<HTMLElement>(null);
  useModalFocus(box, () => onDone(null));

  useEffect(() => {
    api.listWorkspace({}).then(setWorkspace, (err: unknown) => setError(errorMessage(err)));
  }, []);

  const sep = workspace && workspace.dir.includes('\\') && !workspace.dir.includes('/') ? '\\' : '/';
  const inWorkspace = (file: string) => `${workspace!.dir}${sep}${file}`;
  const files = (workspace?.files ?? []).filter((f) =>
    purposeExtensions[purpose].some((e) => f.name.toLowerCase().endsWith(e)),
  );

  // A click picks the name to save under, the file to open, or (multiple) ticks or unticks it.
  const pick = (file: string) => {
    if (multiple) setTicked((t) => (t.includes(file) ? t.filter((x) => x !== file) : [...t, file]));
    else if (saving) setName(file);
    else setSelected(file);
  };

  const submit = () => {
    if (!workspace) return;
    if (multiple) {
      if (ticked.length > 0 && props.multiple) props.onDoneMany(ticked.map(inWorkspace));
      return;
    }
    if (!saving) {
      if (selected) onDone({ path: inWorkspace(selected), replace: false });
      return;
    }
    const typed = name.trim();
    if (!typed) {
      setError(dialogText.noName);
      return;
    }
    if (!validName(typed)) {
      setError(dialogText.badName);
      return;
    }
    const full = withExtension(purpose, typed);
    if (files.some((f) => f.name === full)) setConfirming(full);
    else onDone({ path: inWorkspace(full), replace: false });
  };

  if (confirming) {
    return (
      <ConfirmDialog
        title={dialogText.replaceTitle}
        message={dialogText.replaceQuestion(confirming)}
        confirmLabel={dialogText.replace}
        onAnswer={(ok) => (ok ? onDone({ path: inWorkspace(confirming), replace: true }) : setConfirming(null))}
      />
    );
  }
  return (
    <div className="dialog-backdrop" role="presentation">
      <section
        ref={box}
        tabIndex={-1}
        className="dialog file-chooser"
        role="dialog"
        aria-modal="true"
        aria-labelledby="chooser-title"
      >
        <h3 id="chooser-title">{dialogText.title(purpose)}</h3>
        {workspace && <p className="muted">{dialogText.inFolder(workspace.dir)}</p>}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {files.length === 0 ? (
            <p className="muted">{dialogText.emptyFolder}</p>
          ) : (
            <ul
              className="chooser-files"
              role="listbox"
              aria-label={dialogText.title(purpose)}
              aria-multiselectable={multiple || undefined}
            >
              {files.map((f) => (
                <li
                  key={f.name}
                  role="option"
                  tabIndex={0}
                  aria-selected={multiple ? ticked.includes(f.name) : (saving ? name : selected) === f.name}
                  onClick={() => pick(f.name)}
                  onKeyDown={(e) => {
                    if (e.key === ' ' || e.key === 'Enter') {
                      e.preventDefault();
                      pick(f.name);
                    }
                  }}
                  onDoubleClick={() => {
                    if (!saving && !multiple) onDone({ path: inWorkspace(f.name), replace: false });
                  }}
                >
                  {f.name}
                </li>
              ))}
            </ul>
          )}
          {multiple && files.length > 0 && <p className="muted">{dialogText.chooseSeveral(ticked.length)}</p>}
          {saving && (
            <label className="field">
              {dialogText.fileName}
              <input
                autoFocus
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setError('');
                }}
              />
            </label>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => onDone(null)}>
              {dialogText.cancel}
            </button>
            <button
              type="submit"
              className="primary"
              disabled={!workspace || (multiple ? ticked.length === 0 : !saving && !selected)}
            >
              {saving ? dialogText.save : dialogText.open}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
