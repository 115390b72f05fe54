import { useCallback, useEffect, useState } from 'react';
import type { SnapshotInfo } from '../../../shared/model/conference';
import type { BlockChange, PartComparison, SnapshotComparison } from '../../../shared/review/compare';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { COMPARE_TEXT as T } from './compare-text';
import './review.css';
import { formatDate } from '../i18n';

interface Props {
  handle: string;
  snapshot: SnapshotInfo;
  /** Back to the snapshots; `changed` when something was restored (the conference must be reloaded). */
  onClose(changed: boolean): void;
  onNotice(n: NoticeState): void;
}

/** A block's words: kept, deleted (struck through) and inserted (underlined). */
function Segments({ block }: { block: BlockChange }) {
  return (
    <p className={`compare-text compare-${block.op}`}>
      {block.segments.map((s, i) =>
        s.op === 'del' ? (
          <del key={i}>{s.text}</del>
        ) : s.op === 'ins' ? (
          <ins key={i}>{s.text}</ins>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}

function badges(p: PartComparison): string[] {
  const out: string[] = [];
  if (p.status === 'added') out.push(T.added);
  if (p.status === 'removed') out.push(T.removed);
  if (p.moved) out.push(T.moved);
  if (p.oldTitle !== null && p.status === 'changed') out.push(T.renamed(p.oldTitle));
  return out;
}

/** The conference compared with one snapshot, part by part; any part or paragraph can be put back as it was. */
export function ComparePanel({ handle, snapshot, onClose, onNotice }: Props) {
  const [comparison, setComparison] = useState<SnapshotComparison | null>(null);
  const [changed, setChanged] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setComparison(await api.compareWithSnapshot({ handle, snapshotId: snapshot.id }));
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  }, [handle, snapshot.id, onNotice]);

  useEffect(() => {
    void load();
  }, [load]);

  const restore = async (part: PartComparison, block?: BlockChange) => {
    setBusy(true);
    try {
      await api.restoreFromSnapshot({
        handle,
        snapshotId: snapshot.id,
        partId: part.partId,
        baseRevision: part.revision,
        ...(block ? { oldIndex: block.oldIndex, newIndex: block.newIndex } : {}),
      });
      setChanged(true);
      setConfirming(null);
      onNotice({
        kind: 'info',
        text: block ? T.restoredBlock(part.title) : T.restoredPart(part.oldTitle ?? part.title),
      });
      await load();
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const shown = comparison?.parts.filter((p) => p.status !== 'same' || p.moved) ?? [];
  const count = (s: PartComparison['status']) => shown.filter((p) => p.status === s).length;

  return (
    <section className="compare-panel" aria-label={T.panel}>
      <header className="compare-head">
        <h2>{T.title(snapshot.name)}</h2>
        <span className="muted">
          {T.taken(formatDate(snapshot.createdAt, { dateStyle: 'medium', timeStyle: 'short' }))}
        </span>
        <button type="button" onClick={() => onClose(changed)}>
          {T.back}
        </button>
      </header>
      {!comparison ? (
        <p className="muted">{T.comparing}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{T.nothing}</p>
      ) : (
        <>
          <p className="compare-summary">
            {T.summary(count('changed'), count('added'), count('removed'), shown.filter((p) => p.moved).length)}
          </p>
          {shown.map((p) => (
            <article key={p.partId} className={`compare-part compare-part-${p.status}`} aria-label={p.title}>
              <div className="compare-part-head">
                <h3>{p.title}</h3>
                {badges(p).map((b) => (
                  <span key={b} className="compare-badge">
                    {b}
                  </span>
                ))}
                <span className="muted compare-counts">{T.words(p.insertedWords, p.deletedWords)}</span>
                {p.status !== 'added' &&
                  p.status !== 'same' &&
                  (confirming === p.partId ? (
                    <>
                      <button type="button" className="compare-confirm" disabled={busy} onClick={() => void restore(p)}>
                        {T.confirmRestorePart}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        {T.cancel}
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => setConfirming(p.partId)}
                      title={T.restorePartHint}
                    >
                      {T.restorePart}
                    </button>
                  ))}
              </div>
              {p.blocks.map((b) => (
                <div key={`${b.op}-${b.oldIndex}-${b.newIndex}`} className="compare-block">
                  <Segments block={b} />
                  {p.status !== 'added' && p.status !== 'removed' && (
                    <button
                      type="button"
                      className="compare-restore"
                      disabled={busy}
                      onClick={() => void restore(p, b)}
                      title={b.op === 'ins' ? T.removeBlockHint : T.restoreBlockHint}
                    >
                      {b.op === 'ins' ? T.removeBlock : T.restoreBlock}
                    </button>
                  )}
                </div>
              ))}
              {p.status === 'changed' && p.blocks.length === 0 && p.oldTitle !== null && (
                <p className="muted">{T.onlyTitle}</p>
              )}
              {p.unchangedBlocks > 0 && p.status === 'changed' && (
                <p className="muted compare-unchanged">{T.unchanged(p.unchangedBlocks)}</p>
              )}
            </article>
          ))}
        </>
      )}
    </section>
  );
}
