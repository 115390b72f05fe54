import { useCallback, useEffect, useState } from 'react';
import type { ImportWarning, PartSummary } from '../../../shared/model/conference';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import './import.css';
import { t, useT } from '../i18n';
import { warningMessage } from './warning-message';
import {
  forgetWarnings,
  placeOf,
  publishWarnings,
  showWarningInText,
  warningEntryId,
} from '../editor/plugins/warning-markers';

/** What a warning's "show" button says, by the place it shows (null: it has none). */
function showLabel(w: ImportWarning): string | null {
  switch (placeOf(w)) {
    case 'text':
      return t('import:warnings.showInText');
    case 'title':
      return t('import:warnings.showTitle');
    case 'participant':
      return w.participantId ? t('import:warnings.showEntry') : t('import:warnings.showParticipants');
    case 'details':
      return t('import:warnings.showDetails');
    default:
      return null;
  }
}

/** The warnings of an import, each with the source line and the part it concerns; OCR repairs show what they suggest. */
export function ImportWarningsList({
  warnings,
  parts,
  onStatus,
  onGoTo,
  onShow,
  showable = () => true,
}: {
  warnings: ImportWarning[];
  parts: PartSummary[];
  onStatus?(w: ImportWarning, status: ImportWarning['status']): void;
  /** Whether a warning's "show" button is offered (not where its place is already all there is to see). */
  showable?(w: ImportWarning): boolean;
  /** Opens the part a warning concerns. */
  onGoTo?(partId: string): void;
  /** Opens the place a warning shows (its part, the participants, the details), which then marks and focuses it. */
  onShow?(w: ImportWarning): void;
}) {
  const { t } = useT();
  const title = (id: string | null) => (id ? (parts.find((p) => p.id === id)?.title ?? '') : '');
  if (!warnings.length) return <p className="muted">{t('import:warnings.none')}</p>;
  return (
    <ul className="import-warnings">
      {warnings.map((w) => (
        <li key={w.id} id={warningEntryId(w.id)} tabIndex={-1} className={`import-warning status-${w.status}`}>
          <span className="where">
            {w.line !== null ? t('import:warnings.line', { line: w.line }) : t('import:warnings.file')}
            {w.partId &&
              (onGoTo ? (
                <>
                  {' '}
                  ·{' '}
                  <button type="button" className="link" onClick={() => onGoTo(w.partId!)}>
                    {title(w.partId)}
                  </button>
                </>
              ) : (
                ` · ${title(w.partId)}`
              ))}
          </span>
          <span className="message">{warningMessage(w)}</span>
          {onStatus && w.status === 'open' && showLabel(w) && showable(w) && (
            <button
              type="button"
              className="link show-in-text"
              onClick={() => {
                showWarningInText(w.id);
                onShow?.(w);
              }}
            >
              {showLabel(w)}
            </button>
          )}
          {w.suggestion && (
            <span className="suggestion">
              {t('import:warnings.suggested', { find: w.suggestion.find, replace: w.suggestion.replace })}
            </span>
          )}
          {onStatus && w.status === 'open' && (
            <span className="actions">
              <button type="button" onClick={() => onStatus(w, 'accepted')}>
                {w.suggestion ? t('import:warnings.accept') : t('import:warnings.done')}
              </button>
              <button type="button" onClick={() => onStatus(w, 'dismissed')}>
                {t('import:warnings.dismiss')}
              </button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The import warnings stored in a conference. Accepting an OCR repair applies it in the
 * text (see useImportWarnings); dismissing it keeps the text as it is.
 */
export function ImportWarningsPanel({
  warnings,
  parts,
  onStatus,
  onGoTo,
  onShow,
}: {
  warnings: ImportWarning[];
  parts: PartSummary[];
  onStatus(w: ImportWarning, status: ImportWarning['status']): void;
  onGoTo(partId: string): void;
  onShow(w: ImportWarning): void;
}) {
  const { t } = useT();
  const [showClosed, setShowClosed] = useState(false);
  const shown = showClosed ? warnings : warnings.filter((w) => w.status === 'open');
  return (
    <section className="import-warnings-panel" aria-label={t('import:warnings.label')}>
      <h2>{t('import:warnings.heading', { count: warnings.filter((w) => w.status === 'open').length })}</h2>
      <label className="checkbox">
        <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />{' '}
        {t('import:warnings.showClosed')}
      </label>
      <ImportWarningsList warnings={shown} parts={parts} onStatus={onStatus} onGoTo={onGoTo} onShow={onShow} />
    </section>
  );
}

/**
 * The conference's import warnings, loaded once and kept in step with their status changes.
 * Accepting an OCR repair applies it in the text of every part (one service operation, one
 * snapshot to undo it), says how many words it changed and hands the new part list to
 * `onTextChanged` so an open editor reloads.
 */
export function useImportWarnings(
  handle: string,
  onNotice: (n: NoticeState) => void,
  onTextChanged?: (parts: PartSummary[]) => void,
) {
  const [warnings, setWarnings] = useState<ImportWarning[]>([]);
  // The editor marks the passages of the open ones (WarningMarkersPlugin).
  useEffect(() => {
    publishWarnings(warnings);
  }, [warnings]);
  useEffect(() => forgetWarnings, [handle]);
  useEffect(() => {
    api
      .listWarnings({ handle })
      .then(setWarnings, (err: unknown) => onNotice({ kind: 'error', text: errorMessage(err) }));
  }, [handle, onNotice]);
  const setStatus = useCallback(
    async (w: ImportWarning, status: ImportWarning['status']) => {
      try {
        if (status === 'accepted' && w.suggestion) {
          const r = await api.acceptRepair({ handle, warningId: w.id });
          setWarnings(r.warnings);
          if (r.replaced) onTextChanged?.(r.parts);
          onNotice({
            kind: 'info',
            text: t('import:warnings.repaired', {
              count: r.replaced,
              find: w.suggestion.find,
              replace: w.suggestion.replace,
            }),
          });
        } else {
          setWarnings(await api.setWarningStatus({ handle, warningId: w.id, status }));
        }
      } catch (err) {
        onNotice({ kind: 'error', text: errorMessage(err) });
      }
    },
    [handle, onNotice, onTextChanged],
  );
  return { warnings, setStatus };
}
