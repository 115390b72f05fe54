import { useEffect, useMemo, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection } from 'lexical';
import { compileFind, replacementFor, type CompiledFind, type FindOptions } from '../../../../shared/search/find';
import { errorMessage } from '../../api';
import { $findMatches, $replaceAll, $selectMatch } from '../find/find';
import { useT } from '../../i18n';

/** Find and replace inside the open part. Every replacement is one undoable step. */
export function FindReplacePlugin({
  initial,
  onClose,
  onSearchAll,
  onReplaceEverywhere,
}: {
  initial?: string;
  onClose(): void;
  onSearchAll?(query: string): void;
  /** Opens the replace in every part of the conference (a preview of every hit first). */
  onReplaceEverywhere?(find: FindOptions, replacement: string): void;
}) {
  const { t } = useT();
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState(initial ?? '');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [regex, setRegex] = useState(false);
  const [count, setCount] = useState(0);
  const [current, setCurrent] = useState(-1);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const find: FindOptions = { query, matchCase, wholeWord, regex };
  // The pattern compiled once per change of what to find; a pattern that cannot run says why.
  const compiled = useMemo<CompiledFind | string | null>(() => {
    if (!query) return null;
    try {
      return compileFind({ query, matchCase, wholeWord, regex });
    } catch (err) {
      return errorMessage(err);
    }
  }, [query, matchCase, wholeWord, regex]);
  const usable = compiled !== null && typeof compiled !== 'string' ? compiled : null;

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  useEffect(() => {
    const recount = () => setCount(usable ? editor.getEditorState().read(() => $findMatches(usable).length) : 0);
    recount();
    return editor.registerUpdateListener(({ dirtyLeaves }) => {
      if (dirtyLeaves.size) recount();
    });
  }, [editor, usable]);

  const go = (dir: 1 | -1) => {
    if (!usable) return;
    editor.update(
      () => {
        const matches = $findMatches(usable);
        if (!matches.length) {
          setCurrent(-1);
          return;
        }
        const next = (current + dir + matches.length) % matches.length;
        setCurrent(next);
        $selectMatch(matches[next]!);
      },
      { onUpdate: scrollToSelection },
    );
  };
  // Opened from a conference-wide hit: go to the first occurrence, once, on mount (hence no dependencies).
  useEffect(() => {
    if (initial) setTimeout(() => go(1), 0);
  }, []);

  /** Replaces the selected hit only if the selection is exactly a hit. */
  const replaceOne = () => {
    if (!usable) return;
    editor.update(() => {
      const sel = $getSelection();
      if (!$isRangeSelection(sel)) return;
      const [a, b] = [sel.anchor, sel.focus];
      const hit = $findMatches(usable).find(
        (m) =>
          a.key === m.node.getKey() &&
          b.key === a.key &&
          Math.min(a.offset, b.offset) === m.start &&
          Math.max(a.offset, b.offset) === m.end,
      );
      if (hit) sel.insertText(replacementFor(usable, replacement, hit.found));
    });
    go(1);
  };

  const replaceAll = () =>
    editor.update(() => {
      const n = $replaceAll(find, replacement);
      setStatus(n ? t('editor:find.replaced', { count: n }) : t('editor:find.nothingToReplace'));
    });

  return (
    <div
      className="find-bar"
      role="search"
      aria-label={t('editor:find.label')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          onClose();
          editor.focus();
        }
      }}
    >
      <input
        ref={input}
        aria-label={t('editor:find.find')}
        placeholder={t('editor:find.find')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(-1);
          setStatus('');
        }}
        aria-invalid={typeof compiled === 'string'}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {usable ? t('editor:find.count', { current: current >= 0 ? current + 1 : 0, count }) : ''}
      </span>
      <button type="button" onClick={() => go(-1)} disabled={!count} aria-label={t('editor:find.previous')}>
        ↑
      </button>
      <button type="button" onClick={() => go(1)} disabled={!count} aria-label={t('editor:find.next')}>
        ↓
      </button>
      <label className="small">
        <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} />{' '}
        {t('editor:find.matchCase')}
      </label>
      <label className="small">
        <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} />{' '}
        {t('editor:find.wholeWord')}
      </label>
      <label className="small" title={t('editor:find.regexTitle')}>
        <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> {t('editor:find.regex')}
      </label>
      <input
        aria-label={t('editor:find.replaceWith')}
        placeholder={t('editor:find.replaceWith')}
        value={replacement}
        onChange={(e) => setReplacement(e.target.value)}
      />
      <button type="button" onClick={replaceOne} disabled={!count}>
        {t('editor:find.replace')}
      </button>
      <button type="button" onClick={replaceAll} disabled={!count}>
        {t('editor:find.replaceAll')}
      </button>
      {onSearchAll && (
        <button type="button" onClick={() => onSearchAll(query)} disabled={!query.trim()}>
          {t('editor:find.inAllParts')}
        </button>
      )}
      {onReplaceEverywhere && (
        <button
          type="button"
          disabled={!usable}
          title={t('editor:find.replaceEverywhereTitle')}
          onClick={() => onReplaceEverywhere(find, replacement)}
        >
          {t('editor:find.replaceEverywhere')}
        </button>
      )}
      <span className={typeof compiled === 'string' ? 'error small' : 'muted small'} role="status">
        {typeof compiled === 'string' ? compiled : status}
      </span>
      <button
        type="button"
        className="link"
        onClick={() => {
          onClose();
          editor.focus();
        }}
        aria-label={t('editor:find.close')}
      >
        ✕
      </button>
    </div>
  );
}

function scrollToSelection() {
  const sel = window.getSelection();
  const el = sel && sel.rangeCount ? sel.getRangeAt(0).startContainer.parentElement : null;
  el?.scrollIntoView({ block: 'center' });
}
