import { useRef, useState } from 'react';
import type { MergeEntry, MergeReport } from '../../../shared/kits/kit-report';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { formatDate, useT } from '../i18n';
import { useModalFocus } from '../dialogs/use-modal-focus';
import { ConflictCompareDialog } from './ConflictCompareDialog';

/** Catalogue keys a merge report may carry (anything else is shown as logged). */
const SAID_KEY = /^(kits:merge\.|errors:)[\w.-]+$/;

/** The report's sections, in the order shown. */
const DECISIONS = [
  'taken',
  'added',
  'matched',
  'conflict',
  'resolved',
  'refused',
  'already-in',
] as const satisfies readonly MergeEntry['decision'][];

interface Props {
  handle: string;
  report: MergeReport;
  onAnother(): void;
  onClose(): void;
  /** A conflict was decided by taking the kit's text: the part changed under the editor. */
  onResolved(): void;
  onNotice(n: NoticeState): void;
}

/** What bringing kits in did, kit by kit and decision by decision. */
export function MergeReportDialog({ handle, report, onAnother, onClose, onResolved, onNotice }: Props) {
  // Conflicts decided while the report is open: by conflict id, what was decided.
  const [decided, setDecided] = useState<Map<number, MergeEntry>>(new Map());
  // The conflict shown side by side (the report comes back once it is decided or left).
  const [comparing, setComparing] = useState<number | null>(null);
  const { t } = useT();
  const box = useRef<HTMLElement>(null);
  useModalFocus(box, onClose);
  const decide = async (conflictId: number, keep: 'desk' | 'kit') => {
    try {
      const { entry } = await api.resolveKitConflict({ handle, conflictId, keep });
      setDecided((m) => new Map(m).set(conflictId, entry));
      if (keep === 'kit') onResolved();
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  };
  // The report's words in the interface's language: a message with a catalogue key of the merge (or of the
  // errors) is said from the catalogue; one without (a log written before keys) as it was logged.
  const said = (message: string, key?: string, values?: Record<string, string>) => {
    if (!key || !SAID_KEY.test(key)) return message;
    // A time ("already brought in at …") reads as the interface's dates do.
    const v = values?.at
      ? { ...values, at: formatDate(values.at, { dateStyle: 'medium', timeStyle: 'short' }) }
      : (values ?? {});
    return String(t(key as never, v));
  };
  const titleOf = (e: MergeEntry) =>
    e.subject === 'programme'
      ? t('kits:merge.programmeTitle')
      : e.subject === 'details'
        ? t('kits:merge.detailsTitle')
        : e.title;
  const shown = (e: MergeEntry): MergeEntry => (e.conflictId !== undefined ? (decided.get(e.conflictId) ?? e) : e);
  // Back from the comparison, the keyboard is in the report again (the button that opened it may be gone once decided).
  const backToReport = () => {
    setComparing(null);
    setTimeout(() => {
      if (box.current && !box.current.contains(document.activeElement))
        box.current.querySelector<HTMLElement>('.dialog-actions .primary')?.focus();
    });
  };
  const comparison = comparing !== null && (
    <ConflictCompareDialog
      handle={handle}
      conflictId={comparing}
      onNotice={onNotice}
      onBack={backToReport}
      onDecided={(entry, changed) => {
        setDecided((m) => new Map(m).set(comparing, entry));
        backToReport();
        if (changed) onResolved();
      }}
    />
  );
  return (
    <>
      <div className="dialog-backdrop" role="presentation">
        <section
          ref={box}
          className="dialog kit-dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="merge-report-title"
        >
          <h3 id="merge-report-title">{t('kits:report.title')}</h3>
          <p role="status">
            {t('kits:report.totals', {
              taken: report.taken,
              conflicts: report.conflicts - decided.size,
              refused: report.refused,
            })}
            {report.snapshotId !== null ? ` ${t('kits:report.snapshot')}` : ''}
          </p>
          {report.kits.map((k) => (
            <article key={k.file} className={`kit-result kit-${k.outcome}`} aria-label={k.file}>
              <h4>{k.kit ? `${k.file}: ${k.kit.rapporteur}` : k.file}</h4>
              {k.message && <p>{said(k.message, k.messageKey, k.messageValues)}</p>}
              {DECISIONS.map((d) => {
                const entries = k.entries.map(shown).filter((e) => e.decision === d);
                if (entries.length === 0) return null;
                return (
                  <section
                    key={d}
                    className={`kit-decision kit-decision-${d}`}
                    aria-label={t(`kits:report.decisions.${d}`)}
                  >
                    <h5>{t(`kits:report.decisions.${d}`)}</h5>
                    <ul>
                      {entries.map((e, i) => (
                        <li key={`${e.subject}:${e.id ?? i}`}>
                          <strong>{titleOf(e)}</strong>: {said(e.message, e.key, e.values)}
                          {e.conflictId !== undefined && (
                            <span className="kit-decide">
                              <button type="button" onClick={() => setComparing(e.conflictId!)}>
                                {t('kits:conflict.compare')}
                              </button>
                              <button type="button" onClick={() => void decide(e.conflictId!, 'desk')}>
                                {t('kits:report.keepDesk')}
                              </button>
                              <button type="button" onClick={() => void decide(e.conflictId!, 'kit')}>
                                {t('kits:report.takeKit', { who: k.kit?.rapporteur ?? '' })}
                              </button>
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })}
            </article>
          ))}
          <div className="dialog-actions">
            <button type="button" onClick={onAnother}>
              {t('kits:report.another')}
            </button>
            <button type="button" className="primary" onClick={onClose} autoFocus>
              {t('common:close')}
            </button>
          </div>
        </section>
      </div>
      {comparison}
    </>
  );
}
