import { useEffect, useRef, useState } from 'react';
import { docFromEditedText, editableText, type KitConflict } from '../../../shared/kits/conflict-compare';
import type { MergeEntry } from '../../../shared/kits/kit-report';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { useT } from '../i18n';
import { useModalFocus } from '../dialogs/use-modal-focus';

interface Props {
  handle: string;
  conflictId: number;
  onDecided(entry: MergeEntry, partChanged: boolean): void;
  onBack(): void;
  onNotice(n: NoticeState): void;
}

/** One block of one side: its words, those only this side has marked. */
function Side({ segments, only }: { segments: Row['desk']; only: string }) {
  const { t } = useT();
  if (!segments) return <p className="conflict-missing muted">{t('kits:conflict.missing')}</p>;
  return (
    <p>
      {segments.map((s, i) =>
        s.op === 'eq' ? (
          <span key={i}>{s.text}</span>
        ) : s.op === 'del' ? (
          <del key={i} title={only}>
            {s.text}
          </del>
        ) : (
          <ins key={i} title={only}>
            {s.text}
          </ins>
        ),
      )}
    </p>
  );
}

type Row = KitConflict['rows'][number];

/** Runs of blocks both versions have alike are told by their number, not shown (a long part has many). */
function groupRows(rows: Row[]): ({ at: number; row: Row } | { at: number; same: number })[] {
  const out: ({ at: number; row: Row } | { at: number; same: number })[] = [];
  rows.forEach((row, at) => {
    const last = out[out.length - 1];
    if (row.op !== 'same') out.push({ at, row });
    else if (last && 'same' in last) last.same++;
    else out.push({ at, same: 1 });
  });
  return out;
}

/**
 * A part changed at the desk and in a kit: the two versions side by side, block by block, with
 * the words only one side has marked (the review's comparison). The editor keeps one, or edits
 * a text of their own; the decision is logged in the conference's merge log.
 */
export function ConflictCompareDialog({ handle, conflictId, onDecided, onBack, onNotice }: Props) {
  const { t } = useT();
  const [conflict, setConflict] = useState<KitConflict | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLElement>(null);
  useModalFocus(box, onBack);

  // Read once per conflict (the callbacks may be new on every render of the report behind).
  const failed = useRef((err: unknown) => {
    onNotice({ kind: 'error', text: errorMessage(err) });
    onBack();
  });
  useEffect(() => {
    let live = true;
    api.kitConflict({ handle, conflictId }).then(
      (c) => {
        if (live) setConflict(c);
      },
      (err: unknown) => {
        if (live) failed.current(err);
      },
    );
    return () => {
      live = false;
    };
  }, [handle, conflictId]);

  const decide = async (keep: 'desk' | 'kit' | 'edited') => {
    if (!conflict) return;
    let doc;
    if (keep === 'edited') {
      doc = docFromEditedText(editing ?? '', [conflict.desk.doc, conflict.kit.doc]);
      if (doc.root.children.length === 0) {
        setProblem(t('kits:conflict.emptyEdit'));
        return;
      }
    }
    setBusy(true);
    try {
      const { entry } = await api.resolveKitConflict({
        handle,
        conflictId,
        keep,
        deskRevision: conflict.deskRevision,
        ...(doc ? { doc } : {}),
      });
      onDecided(entry, keep !== 'desk');
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const who = conflict?.rapporteur ?? '';
  return (
    <div className="dialog-backdrop" role="presentation">
      <section
        ref={box}
        tabIndex={-1}
        className="dialog kit-dialog conflict-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="conflict-title"
      >
        {!conflict ? (
          <p className="muted">{t('kits:conflict.loading')}</p>
        ) : (
          <>
            <h3 id="conflict-title">{t('kits:conflict.title', { title: conflict.title, who })}</h3>
            <p>{t('kits:conflict.intro', { who })}</p>
            {conflict.decided && (
              <p role="status">
                <strong>{t('kits:conflict.decided')}</strong>: {conflict.decided}
              </p>
            )}
            {editing === null ? (
              <table className="conflict-sides">
                <thead>
                  <tr>
                    <th scope="col">{t('kits:conflict.desk', { count: conflict.desk.words })}</th>
                    <th scope="col">{t('kits:conflict.kit', { who, count: conflict.kit.words })}</th>
                  </tr>
                </thead>
                <tbody>
                  {groupRows(conflict.rows).map((g) =>
                    'same' in g ? (
                      <tr key={g.at} className="conflict-row conflict-same">
                        <td colSpan={2} className="muted">
                          {t('kits:conflict.unchanged', { count: g.same })}
                        </td>
                      </tr>
                    ) : (
                      <tr key={g.at} className={`conflict-row conflict-${g.row.op}`}>
                        <td>
                          <Side segments={g.row.desk} only={t('kits:conflict.onlyDesk')} />
                        </td>
                        <td>
                          <Side segments={g.row.kit} only={t('kits:conflict.onlyKit')} />
                        </td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            ) : (
              <div className="conflict-edit">
                <label htmlFor="conflict-edit-text">{t('kits:conflict.editLabel', { title: conflict.title })}</label>
                <p id="conflict-edit-hint" className="muted">
                  {t('kits:conflict.editHint')}
                </p>
                <textarea
                  id="conflict-edit-text"
                  aria-describedby="conflict-edit-hint"
                  value={editing}
                  rows={14}
                  onChange={(e) => {
                    setEditing(e.target.value);
                    setProblem(null);
                  }}
                  autoFocus
                />
                {problem && (
                  <p role="alert" className="error">
                    {problem}
                  </p>
                )}
              </div>
            )}
            <div className="dialog-actions">
              {editing === null ? (
                <>
                  <button type="button" onClick={onBack}>
                    {t('common:close')}
                  </button>
                  {!conflict.decided && (
                    <>
                      <button type="button" disabled={busy} onClick={() => setEditing(editableText(conflict.desk.doc))}>
                        {t('kits:conflict.edit')}
                      </button>
                      <button type="button" disabled={busy} onClick={() => void decide('desk')}>
                        {t('kits:conflict.keepDesk')}
                      </button>
                      <button type="button" disabled={busy} className="primary" onClick={() => void decide('kit')}>
                        {t('kits:conflict.takeKit', { who })}
                      </button>
                    </>
                  )}
                </>
              ) : (
                <>
                  <button
                    type="button"
                    onClick={() => {
                      setEditing(null);
                      setProblem(null);
                    }}
                  >
                    {t('kits:conflict.backToCompare')}
                  </button>
                  <button type="button" disabled={busy} className="primary" onClick={() => void decide('edited')}>
                    {t('kits:conflict.saveEdit')}
                  </button>
                </>
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
