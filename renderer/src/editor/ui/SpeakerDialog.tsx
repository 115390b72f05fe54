import { useId, useRef, useState } from 'react';
import type { Participant } from '../../../../shared/model/conference';
import { foldedIncludes, sameFolded } from '../../../../shared/i18n/fold';
import { useModalFocus } from '../../dialogs/use-modal-focus';
import { displayName } from '../attribution';
import { useReport } from '../ReportContext';
import { SPEAKER_TEXT as TEXT } from './speaker-text';
import './speaker-dialog.css';

const optionLabel = (p: Participant) => [displayName(p), p.organisation].filter(Boolean).join(' — ');

export const newParticipantId = () => `p-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Registry people offered for a typed name. */
const MAX_OFFERED = 8;

/** One speaker line: what is typed, and whether the user asked for it to become a new participant. */
interface Line {
  text: string;
  asNew: boolean;
}

/** The registry's person this text names (accents, case and spacing aside: "maria perez" is María Pérez). */
function personNamed(participants: Participant[], text: string): Participant | undefined {
  const t = text.trim();
  return t
    ? participants.find((p) => [optionLabel(p), displayName(p), p.name].some((n) => sameFolded(n, t)))
    : undefined;
}

/**
 * Choosing speakers by typing: the registry is offered as the name is typed. A name not in
 * the registry becomes a new participant only when the user picks "Add … as a new participant";
 * part of a name never does.
 */
export function SpeakerDialog({
  title,
  withPaperTitle,
  onDone,
  onCancel,
}: {
  title: string;
  withPaperTitle: boolean;
  onDone(speakers: Participant[], paperTitle: string): void;
  onCancel(): void;
}) {
  const { participants, addParticipant } = useReport();
  const baseId = useId();
  const box = useRef<HTMLFormElement>(null);
  useModalFocus(box, onCancel);
  const [lines, setLines] = useState<Line[]>([{ text: '', asNew: false }]);
  const [open, setOpen] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<{ line: number; text: string } | null>(null);
  const [paper, setPaper] = useState('');
  const [busy, setBusy] = useState(false);

  const setLine = (i: number, line: Line) => {
    setLines(lines.map((x, j) => (j === i ? line : x)));
    setProblem(null);
  };

  /** What the list under line `i` offers: matching people, then adding the typed name when no one has it. */
  const offers = (i: number): ({ person: Participant } | { add: string })[] => {
    const text = lines[i]!.text.trim();
    const people = participants
      .filter((p) => !text || foldedIncludes(optionLabel(p), text))
      .slice(0, MAX_OFFERED)
      .map((person) => ({ person }));
    return text && !personNamed(participants, text) ? [...people, { add: text }] : people;
  };
  const pick = (i: number, offer: { person: Participant } | { add: string }) => {
    setLine(
      i,
      'person' in offer ? { text: optionLabel(offer.person), asNew: false } : { text: offer.add, asNew: true },
    );
    setOpen(null);
  };

  const submit = async () => {
    const missing = lines.findIndex((l) => l.text.trim() && !l.asNew && !personNamed(participants, l.text));
    if (missing >= 0) {
      setProblem({ line: missing, text: TEXT.notInRegistry(lines[missing]!.text.trim()) });
      document.getElementById(`${baseId}-input-${missing}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const speakers: Participant[] = [];
      for (const l of lines) {
        const t = l.text.trim();
        if (!t) continue;
        const known = personNamed(participants, t);
        speakers.push(
          known ??
            (await addParticipant({
              id: newParticipantId(),
              honorific: '',
              name: t,
              title: '',
              organisation: '',
              country: '',
              group: '',
              role: 'Speaker',
            })),
        );
      }
      onDone(speakers, paper.trim());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <form
        ref={box}
        className="dialog speaker-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h3>{title}</h3>
        {lines.map((line, i) => {
          const listId = `${baseId}-list-${i}`;
          const inputId = `${baseId}-input-${i}`;
          const shown = open === i ? offers(i) : [];
          const optionId = (k: number) => `${listId}-${k}`;
          return (
            <div key={i} className="field speaker-field">
              <label htmlFor={inputId}>{TEXT.speaker(lines.length > 1 ? i + 1 : null)}</label>
              <input
                id={inputId}
                role="combobox"
                autoComplete="off"
                aria-autocomplete="list"
                aria-expanded={shown.length > 0}
                aria-controls={listId}
                aria-activedescendant={shown.length ? optionId(Math.min(active, shown.length - 1)) : undefined}
                aria-invalid={problem?.line === i || undefined}
                aria-describedby={problem?.line === i ? `${inputId}-problem` : undefined}
                autoFocus={i === lines.length - 1}
                value={line.text}
                placeholder={TEXT.placeholder}
                onChange={(e) => {
                  setLine(i, { text: e.target.value, asNew: false });
                  setOpen(i);
                  setActive(0);
                }}
                onFocus={() => {
                  setOpen(i);
                  setActive(0);
                }}
                onBlur={() => setOpen((o) => (o === i ? null : o))}
                onKeyDown={(e) => {
                  if (!shown.length) {
                    if (e.key === 'ArrowDown') {
                      setOpen(i);
                      e.preventDefault();
                    }
                    return;
                  }
                  if (e.key === 'ArrowDown') {
                    e.preventDefault();
                    setActive((a) => (a + 1) % shown.length);
                  } else if (e.key === 'ArrowUp') {
                    e.preventDefault();
                    setActive((a) => (a - 1 + shown.length) % shown.length);
                  } else if (e.key === 'Enter' && line.text.trim()) {
                    e.preventDefault();
                    pick(i, shown[Math.min(active, shown.length - 1)]!);
                  } else if (e.key === 'Escape') {
                    e.preventDefault();
                    e.stopPropagation();
                    setOpen(null);
                  }
                }}
              />
              {shown.length > 0 && (
                <ul id={listId} role="listbox" className="speaker-options" aria-label={TEXT.matches}>
                  {shown.map((o, k) => (
                    <li
                      key={'person' in o ? o.person.id : 'add'}
                      id={optionId(k)}
                      role="option"
                      aria-selected={k === Math.min(active, shown.length - 1)}
                      className={'add' in o ? 'speaker-add' : undefined}
                      onMouseDown={(e) => {
                        e.preventDefault();
                        pick(i, o);
                      }}
                    >
                      {'person' in o ? optionLabel(o.person) : TEXT.addAsNew(o.add)}
                    </li>
                  ))}
                </ul>
              )}
              {line.asNew && <span className="muted small">{TEXT.willBeAdded}</span>}
              {problem?.line === i && (
                <span id={`${inputId}-problem`} className="error small" role="alert">
                  {problem.text}
                </span>
              )}
            </div>
          );
        })}
        <button type="button" className="link" onClick={() => setLines([...lines, { text: '', asNew: false }])}>
          {TEXT.another}
        </button>
        {withPaperTitle && (
          <label className="field">
            {TEXT.paperTitle}{' '}
            <input value={paper} onChange={(e) => setPaper(e.target.value)} placeholder={TEXT.paperPlaceholder} />
          </label>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {TEXT.cancel}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {TEXT.insert}
          </button>
        </div>
      </form>
    </div>
  );
}
