import { useEffect, useState } from 'react';
import type { ImportWarning, PartSummary } from '../../../shared/model/conference';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';

/** The warnings of an import, each with the source line and the part it concerns; OCR repairs show what they suggest. */
export function ImportWarningsList({ warnings, parts, onStatus }: {
  warnings: ImportWarning[];
  parts: PartSummary[];
  onStatus?(w: ImportWarning, status: ImportWarning['status']): void;
}) {
  const title = (id: string | null) => (id ? parts.find((p) => p.id === id)?.title ?? '' : '');
  if (!warnings.length) return <p className="muted">The importer resolved everything on its own.</p>;
  return (
    <ul className="import-warnings">
      {warnings.map((w) => (
        <li key={w.id} className={`import-warning status-${w.status}`}>
          <span className="where">{w.line !== null ? `Line ${w.line}` : 'File'}{w.partId ? ` · ${title(w.partId)}` : ''}</span>
          <span className="message">{w.message}</span>
          {w.suggestion && <span className="suggestion">Suggested: “{w.suggestion.find}” → “{w.suggestion.replace}”</span>}
          {onStatus && w.status === 'open' && (
            <span className="actions">
              <button type="button" onClick={() => onStatus(w, 'accepted')}>{w.suggestion ? 'Accept' : 'Done'}</button>
              <button type="button" onClick={() => onStatus(w, 'dismissed')}>Dismiss</button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The import warnings stored in a conference. Accepting an OCR suggestion only marks it:
 * the text is changed by the editor (find and replace), never behind the user's back.
 */
export function ImportWarningsPanel({ handle, parts, onNotice }: { handle: string; parts: PartSummary[]; onNotice(n: NoticeState): void }) {
  const [list, setList] = useState<ImportWarning[]>([]);
  const [showClosed, setShowClosed] = useState(false);
  useEffect(() => {
    api.listWarnings({ handle }).then(setList, (err: unknown) => onNotice({ kind: 'error', text: errorMessage(err) }));
  }, [handle, onNotice]);
  const setStatus = async (w: ImportWarning, status: ImportWarning['status']) => {
    try {
      setList(await api.setWarningStatus({ handle, warningId: w.id, status }));
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  };
  const shown = showClosed ? list : list.filter((w) => w.status === 'open');
  return (
    <section className="import-warnings-panel" aria-label="Import warnings">
      <h2>Import warnings ({list.filter((w) => w.status === 'open').length} open)</h2>
      <label className="checkbox">
        <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} /> Show accepted and dismissed
      </label>
      <ImportWarningsList warnings={shown} parts={parts} onStatus={(w, s) => void setStatus(w, s)} />
    </section>
  );
}
