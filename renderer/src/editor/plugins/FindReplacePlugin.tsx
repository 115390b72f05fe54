import { useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection } from 'lexical';
import { $findMatches, $replaceAll, $selectMatch } from '../find/find';

/** Find and replace inside the open part. Every replacement is one undoable step. */
export function FindReplacePlugin({ initial, onClose, onSearchAll, onReplaceEverywhere }: {
  initial?: string; onClose(): void; onSearchAll?(query: string): void;
  /** Replaces in every part of the conference; resolves to a sentence for the user. */
  onReplaceEverywhere?(query: string, replacement: string, matchCase: boolean): Promise<string>;
}) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState(initial ?? '');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [count, setCount] = useState(0);
  const [current, setCurrent] = useState(-1);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => { input.current?.focus(); input.current?.select(); }, []);
  useEffect(() => {
    const recount = () => setCount(editor.getEditorState().read(() => $findMatches(query, matchCase).length));
    recount();
    return editor.registerUpdateListener(({ dirtyLeaves }) => { if (dirtyLeaves.size) recount(); });
  }, [editor, query, matchCase]);

  const go = (dir: 1 | -1) => {
    editor.update(() => {
      const matches = $findMatches(query, matchCase);
      if (!matches.length) { setCurrent(-1); return; }
      const next = (current + dir + matches.length) % matches.length;
      setCurrent(next);
      $selectMatch(matches[next]!);
    }, { onUpdate: scrollToSelection });
  };
  // Opened from a conference-wide hit: go to the first occurrence, once, on mount (hence no dependencies).
  useEffect(() => { if (initial) setTimeout(() => go(1), 0); }, []);

  const replaceOne = () => {
    editor.update(() => {
      const sel = $getSelection();
      const same = $isRangeSelection(sel) && (matchCase ? sel.getTextContent() === query : sel.getTextContent().toLocaleLowerCase() === query.toLocaleLowerCase());
      if (same && query) sel.insertText(replacement);
    });
    go(1);
  };

  const replaceAll = () => editor.update(() => {
    const n = $replaceAll(query, replacement, matchCase);
    setStatus(n ? `${n} replaced` : 'Nothing to replace');
  });

  return (
    <div className="find-bar" role="search" aria-label="Find and replace in this part"
      onKeyDown={(e) => { if (e.key === 'Escape') { onClose(); editor.focus(); } }}>
      <input ref={input} aria-label="Find" placeholder="Find" value={query} onChange={(e) => { setQuery(e.target.value); setCurrent(-1); setStatus(''); }}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); go(e.shiftKey ? -1 : 1); } }} />
      <span className="find-count" aria-live="polite">{query ? `${current >= 0 ? current + 1 : 0} of ${count}` : ''}</span>
      <button type="button" onClick={() => go(-1)} disabled={!count} aria-label="Previous match">↑</button>
      <button type="button" onClick={() => go(1)} disabled={!count} aria-label="Next match">↓</button>
      <label className="small"><input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> Match case</label>
      <input aria-label="Replace with" placeholder="Replace with" value={replacement} onChange={(e) => setReplacement(e.target.value)} />
      <button type="button" onClick={replaceOne} disabled={!count}>Replace</button>
      <button type="button" onClick={replaceAll} disabled={!count}>Replace all</button>
      {onSearchAll && <button type="button" onClick={() => onSearchAll(query)} disabled={!query.trim()}>In all parts…</button>}
      {onReplaceEverywhere && (
        <button type="button" disabled={!query} title="Replace in every part of the conference (a snapshot is taken first)"
          onClick={() => { setStatus('Replacing…'); void onReplaceEverywhere(query, replacement, matchCase).then(setStatus, (e: unknown) => setStatus(String(e))); }}>
          Replace in all parts
        </button>
      )}
      <span className="muted small" role="status">{status}</span>
      <button type="button" className="link" onClick={() => { onClose(); editor.focus(); }} aria-label="Close find">✕</button>
    </div>
  );
}

function scrollToSelection() {
  const sel = window.getSelection();
  const el = sel && sel.rangeCount ? sel.getRangeAt(0).startContainer.parentElement : null;
  el?.scrollIntoView({ block: 'center' });
}
