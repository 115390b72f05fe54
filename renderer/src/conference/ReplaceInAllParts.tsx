import { useRef, useState } from 'react';
import type { ConferenceView } from '../../../shared/model/conference';
import type { FindOptions } from '../../../shared/search/find';
import type { FindResult, ReplaceResult } from '../../../shared/search/schemas';
import { api, errorMessage } from '../api';
import { whenSaved } from '../app/pending-saves';
import { useModalFocus } from '../dialogs/use-modal-focus';
import './replace.css';
import { t, useT } from '../i18n';

/** What this dialog says, in one place, in the interface's language (read when shown). */
const TEXT = {
  get title() {
    return t('conference:replaceAll.title');
  },
  get find() {
    return t('conference:replaceAll.find');
  },
  get finding() {
    return t('conference:replaceAll.finding');
  },
  get none() {
    return t('conference:replaceAll.none');
  },
  found: (n: number, parts: number) => t('conference:replaceAll.found', { n, parts }),
  truncated: (shown: number, total: number) => t('conference:replaceAll.truncated', { shown, total }),
  replace: (n: number) => t('conference:replaceAll.replace', { n }),
  get replacing() {
    return t('conference:replaceAll.replacing');
  },
  done: (n: number, parts: number) => t('conference:replaceAll.done', { n, parts }),
  get undo() {
    return t('conference:replaceAll.undo');
  },
  get undone() {
    return t('conference:replaceAll.undone');
  },
  get tickAll() {
    return t('conference:replaceAll.tickAll');
  },
  get untickAll() {
    return t('conference:replaceAll.untickAll');
  },
  get close() {
    return t('common:close');
  },
};

const keyOf = (partId: string, index: number) => `${partId}#${index}`;

interface Props {
  handle: string;
  initial: { find: FindOptions; replacement: string };
  onClose(): void;
  /** The parts were changed in the file: the screen reloads them. */
  onReplaced(result: ReplaceResult): void;
  onUndone(view: ConferenceView): void;
}

/**
 * Find in every part, see each hit in its context, untick some, replace exactly the ticked ones
 * as one operation (one snapshot, one undo).
 */
export function ReplaceInAllParts({ handle, initial, onClose, onReplaced, onUndone }: Props) {
  useT(); // renders again when the language changes
  const box = useRef<HTMLElement>(null);
  useModalFocus(box, onClose);
  const [find, setFind] = useState<FindOptions>(initial.find);
  const [replacement, setReplacement] = useState(initial.replacement);
  const [result, setResult] = useState<FindResult | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<'finding' | 'replacing' | null>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [done, setDone] = useState<ReplaceResult | null>(null);

  const run = async () => {
    setBusy('finding');
    setMessage(null);
    setDone(null);
    try {
      await whenSaved();
      const r = await api.findInConference({ handle, find, replacement });
      setResult(r);
      setTicked(new Set(r.parts.flatMap((p) => p.hits.map((h) => keyOf(p.partId, h.index)))));
      if (!r.total) setMessage({ kind: 'info', text: TEXT.none });
    } catch (err) {
      setResult(null);
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
    setBusy(null);
  };

  const replace = async () => {
    if (!result) return;
    setBusy('replacing');
    setMessage(null);
    try {
      const parts = result.parts
        .map((p) => ({
          partId: p.partId,
          revision: p.revision,
          hits: p.hits.filter((h) => ticked.has(keyOf(p.partId, h.index))).map((h) => h.index),
        }))
        .filter((p) => p.hits.length);
      const r = await api.replaceInConference({ handle, find, replacement, parts });
      setDone(r);
      setResult(null);
      setMessage({ kind: 'info', text: TEXT.done(r.replaced, r.partsChanged) });
      onReplaced(r);
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
    setBusy(null);
  };

  const undo = async () => {
    if (!done) return;
    try {
      onUndone(await api.restoreSnapshot({ handle, snapshotId: done.snapshot.id }));
      setDone(null);
      setMessage({ kind: 'info', text: TEXT.undone });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };

  const toggle = (key: string, on: boolean) =>
    setTicked((t) => {
      const n = new Set(t);
      if (on) n.add(key);
      else n.delete(key);
      return n;
    });
  const allKeys = result ? result.parts.flatMap((p) => p.hits.map((h) => keyOf(p.partId, h.index))) : [];
  const option = (key: 'matchCase' | 'wholeWord' | 'regex', label: string) => (
    <label className="small">
      <input
        type="checkbox"
        checked={find[key]}
        onChange={(e) => {
          setFind({ ...find, [key]: e.target.checked });
          setResult(null);
        }}
      />{' '}
      {label}
    </label>
  );

  return (
    <div className="dialog-backdrop" role="presentation">
      <section
        ref={box}
        className="dialog replace-all-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="replace-all-title"
        tabIndex={-1}
      >
        <h3 id="replace-all-title">{TEXT.title}</h3>
        <form
          className="replace-all-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <label className="field">
            {t('editor:find.find')}
            <input
              data-autofocus
              value={find.query}
              onChange={(e) => {
                setFind({ ...find, query: e.target.value });
                setResult(null);
              }}
            />
          </label>
          <label className="field">
            {t('editor:find.replaceWith')}
            <input
              value={replacement}
              onChange={(e) => {
                setReplacement(e.target.value);
                setResult(null);
              }}
            />
          </label>
          <div className="replace-all-options">
            {option('matchCase', t('editor:find.matchCase'))}
            {option('wholeWord', t('editor:find.wholeWord'))}
            {option('regex', t('editor:find.regex'))}
            <button type="submit" disabled={!find.query || busy !== null}>
              {busy === 'finding' ? TEXT.finding : TEXT.find}
            </button>
          </div>
        </form>
        {message && (
          <p
            className={message.kind === 'error' ? 'error small' : 'small'}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
        {done && (
          <button type="button" onClick={() => void undo()}>
            {TEXT.undo}
          </button>
        )}
        {result && result.total > 0 && (
          <>
            <p className="small" role="status">
              {TEXT.found(result.total, result.parts.length)}
            </p>
            {result.truncated && <p className="small muted">{TEXT.truncated(allKeys.length, result.total)}</p>}
            <div className="replace-all-hits" aria-label={t('conference:replaceAll.hits')}>
              {result.parts.map((p) => (
                <fieldset key={p.partId}>
                  <legend>
                    {p.within.length > 0 && <span className="muted">{p.within.join(' › ')} › </span>}
                    {p.title || t('export:dialog.untitledPart')}
                  </legend>
                  {p.hits.map((h) => {
                    const key = keyOf(p.partId, h.index);
                    return (
                      <label key={key} className="replace-hit">
                        <input
                          type="checkbox"
                          checked={ticked.has(key)}
                          onChange={(e) => toggle(key, e.target.checked)}
                        />
                        <span>
                          {h.before}
                          <del>{h.match}</del>
                          <ins>{h.replacement}</ins>
                          {h.after}
                        </span>
                      </label>
                    );
                  })}
                </fieldset>
              ))}
            </div>
          </>
        )}
        <div className="dialog-actions">
          {result && result.total > 0 && (
            <>
              <button type="button" onClick={() => setTicked(new Set(allKeys))}>
                {TEXT.tickAll}
              </button>
              <button type="button" onClick={() => setTicked(new Set())}>
                {TEXT.untickAll}
              </button>
              <button
                type="button"
                className="primary"
                disabled={!ticked.size || busy !== null}
                onClick={() => void replace()}
              >
                {busy === 'replacing' ? TEXT.replacing : TEXT.replace(ticked.size)}
              </button>
            </>
          )}
          <button type="button" onClick={onClose}>
            {TEXT.close}
          </button>
        </div>
      </section>
    </div>
  );
}
