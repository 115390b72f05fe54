import { useId, useState } from 'react';
import type { Participant } from '../../../../shared/model/conference';
import { displayName } from '../attribution';
import { useReport } from '../ReportContext';
import { sameFolded } from '../../../../shared/i18n/fold';

const optionLabel = (p: Participant) => [displayName(p), p.organisation].filter(Boolean).join(' — ');

export const newParticipantId = () => `p-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * Choosing speakers by typing: the registry is offered as the name is typed; a name not
 * in the registry is added to it, so every speaker in the report has one entry.
 */
export function SpeakerDialog({ title, withPaperTitle, onDone, onCancel }: {
  title: string; withPaperTitle: boolean;
  onDone(speakers: Participant[], paperTitle: string): void; onCancel(): void;
}) {
  const { participants, addParticipant } = useReport();
  const listId = useId();
  const [names, setNames] = useState<string[]>(['']);
  const [paper, setPaper] = useState('');
  const [busy, setBusy] = useState(false);

  const resolve = async (typed: string): Promise<Participant | null> => {
    const t = typed.trim();
    if (!t) return null;
    // A name typed without its accents or in another case is the same person ("maria perez" is María Pérez), not a new entry.
    const hit = participants.find((p) => [optionLabel(p), displayName(p), p.name].some((n) => sameFolded(n, t)));
    if (hit) return hit;
    return addParticipant({ id: newParticipantId(), honorific: '', name: t, title: '', organisation: '', country: '', group: '', role: 'Speaker' });
  };

  const submit = async () => {
    setBusy(true);
    try {
      const speakers = (await Promise.all(names.map(resolve))).filter((p): p is Participant => p !== null);
      onDone(speakers, paper.trim());
    } finally { setBusy(false); }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <form className="dialog" role="dialog" aria-label={title} onSubmit={(e) => { e.preventDefault(); void submit(); }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
        <h3>{title}</h3>
        <datalist id={listId}>{participants.map((p) => <option key={p.id} value={optionLabel(p)} />)}</datalist>
        {names.map((n, i) => (
          <label key={i} className="field">Speaker{names.length > 1 ? ` ${i + 1}` : ''}
            <input list={listId} autoFocus={i === names.length - 1} value={n} placeholder="Type a name from the registry"
              onChange={(e) => setNames(names.map((x, j) => (j === i ? e.target.value : x)))} />
          </label>
        ))}
        <button type="button" className="link" onClick={() => setNames([...names, ''])}>+ another speaker</button>
        {withPaperTitle && (
          <label className="field">Paper title <input value={paper} onChange={(e) => setPaper(e.target.value)} placeholder="Title of the presentation" /></label>
        )}
        <p className="muted small">A name not yet in the registry is added to it.</p>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>Insert</button>
        </div>
      </form>
    </div>
  );
}
