import { useEffect, useMemo, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createRangeSelection,
  $getNearestNodeFromDOMNode,
  $getRoot,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
} from 'lexical';
import { findQuote } from '../../../../shared/import/warning-places';
import type { ImportWarning } from '../../../../shared/model/conference';
import { useT } from '../../i18n';
import { warningMessage } from '../../import/warning-message';
import { openWarningEntry, publishRepairsInPart, requestDone, useWarningMarkers } from './warning-markers';
import { repairsInText } from './repairs-in-text';
import { BlockTexts, textOf } from './block-texts';
import './warning-markers.css';

/** The name of the CSS highlight that paints the passages (editor.css: ::highlight). */
const HIGHLIGHT = 'import-warning';

interface Marker {
  warning: ImportWarning;
  top: number;
}

/**
 * What the editor marks for a warning: its stored place in this part, or, for an OCR repair
 * stored with another part whose damaged word this part holds too, that word anywhere.
 */
interface Target {
  warning: ImportWarning;
  quote: string;
  /** The top-level block to look in first (null: in order). */
  block: number | null;
  /** All whole-word occurrences (an OCR repair changes them all), else the first only. */
  every: boolean;
}

/** A DOM range over characters [from, to) of the concatenated text nodes. */
function rangeIn(texts: Text[], from: number, to: number): Range {
  const place = (offset: number, end: boolean): [Text, number] => {
    let seen = 0;
    for (const t of texts) {
      if (offset < seen + t.data.length || (end && offset === seen + t.data.length)) return [t, offset - seen];
      seen += t.data.length;
    }
    const last = texts[texts.length - 1]!;
    return [last, last.data.length];
  };
  const range = document.createRange();
  range.setStart(...place(from, false));
  range.setEnd(...place(to, true));
  return range;
}

/**
 * The DOM ranges of a warning's quote, the first one first: looked for in the block it names,
 * then anywhere in the part (blocks move as the text is edited).
 */
function rangesOf(texts: BlockTexts, blocks: readonly HTMLElement[], w: Target): Range[] {
  if (!w.quote) return [];
  const named = w.block != null ? blocks[w.block] : undefined;
  const out: Range[] = [];
  for (let i = named ? -1 : 0; i < blocks.length; i++) {
    const block = i < 0 ? named! : blocks[i]!;
    if (i >= 0 && block === named) continue;
    for (const at of texts.hits(block, w.quote, findQuote)) {
      out.push(rangeIn(texts.get(block).texts, at, at + w.quote.length));
      if (!w.every) return out;
    }
  }
  return out;
}

/** The first range of a warning's quote, read from the DOM now (a request to show it, not a paint). */
function rangeOf(editor: LexicalEditor, w: Target): Range | null {
  const root = editor.getRootElement();
  if (!root) return null;
  const texts = new BlockTexts(root);
  try {
    return rangesOf(texts, texts.blocks(), { ...w, every: false })[0] ?? null;
  } finally {
    texts.disconnect();
  }
}

/** The text of the part as the markers search it (each top-level block's, one per line); '' until the editor shows it. */
function partText(editor: LexicalEditor): string {
  const root = editor.getRootElement();
  return root ? ([...root.children] as HTMLElement[]).map((b) => textOf(b).whole).join('\n') : '';
}

/** Whether two lists of ranges cover the same text (the highlight need not be set again). */
const sameRanges = (a: readonly Range[], b: readonly Range[]): boolean =>
  a.length === b.length &&
  a.every(
    (r, i) =>
      r.startContainer === b[i]!.startContainer &&
      r.startOffset === b[i]!.startOffset &&
      r.endContainer === b[i]!.endContainer &&
      r.endOffset === b[i]!.endOffset,
  );

/** Selects a DOM range of Lexical text in the editor (the passage a warning concerns). */
function selectRange(editor: LexicalEditor, range: Range): void {
  editor.update(() => {
    const a = $getNearestNodeFromDOMNode(range.startContainer);
    const b = $getNearestNodeFromDOMNode(range.endContainer);
    if (!$isTextNode(a) || !$isTextNode(b)) return;
    const selection = $createRangeSelection();
    selection.anchor.set(a.getKey(), range.startOffset, 'text');
    selection.focus.set(b.getKey(), range.endOffset, 'text');
    $setSelection(selection);
  });
  editor.getRootElement()?.focus({ preventScroll: true });
  (range.startContainer.parentElement ?? editor.getRootElement())?.scrollIntoView({ block: 'center' });
}

/**
 * Marks the passages the open import warnings of this part concern: a highlight (CSS Custom
 * Highlight API) and a button in the margin that opens the warning in the list. Drawn over
 * the editor, never in the document, so no export can print them. Also selects the passage
 * a "Show in the text" of the warnings list asks for.
 */
export function WarningMarkersPlugin({ partId }: { partId: string }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useT();
  const { warnings, request } = useWarningMarkers();
  // The open OCR repairs this part's text holds: read once the text is in the editor, and again when the warnings change.
  const [repairsHere, setRepairsHere] = useState<ReadonlySet<number>>(() => new Set());
  useEffect(() => {
    const scan = (): boolean => {
      const text = partText(editor);
      setRepairsHere((old) => {
        const next = repairsInText(text, warnings);
        return next.size === old.size && [...next].every((id) => old.has(id)) ? old : next;
      });
      return text.length > 0;
    };
    if (scan()) return;
    const stop = editor.registerUpdateListener(() => {
      if (scan()) stop();
    });
    return stop;
  }, [editor, warnings]);
  // The part's warnings list beside the editor lists them too.
  useEffect(() => {
    publishRepairsInPart({ partId, ids: repairsHere });
    return () => publishRepairsInPart(null);
  }, [partId, repairsHere]);
  const mine = useMemo(
    () =>
      warnings.flatMap((w): Target[] => {
        if (w.status !== 'open') return [];
        if (w.partId === partId && w.quote)
          return [{ warning: w, quote: w.quote, block: w.block ?? null, every: !!w.suggestion }];
        if (w.suggestion && repairsHere.has(w.id))
          return [{ warning: w, quote: w.suggestion.find, block: null, every: true }];
        return [];
      }),
    [warnings, partId, repairsHere],
  );
  const [markers, setMarkers] = useState<Marker[]>([]);

  // Painted once per frame at most, after the editor's updates of that frame: the passages are
  // found in block texts kept between paints (BlockTexts) and the highlight is set again only
  // when its ranges changed; a part without warnings does nothing (no layout read per keystroke).
  useEffect(() => {
    let unwatch = () => {};
    const stopRoot = editor.registerRootListener((root) => {
      unwatch();
      unwatch = root?.parentElement ? watch(root, root.parentElement) : () => {};
    });
    return () => {
      stopRoot();
      unwatch();
    };
  }, [editor, mine]);

  /** Paints the markers of `mine` over this root, and again after each update or resize; returns the cleanup. */
  function watch(root: HTMLElement, shell: HTMLElement): () => void {
    const texts = new BlockTexts(root);
    const canHighlight = typeof Highlight !== 'undefined' && 'highlights' in CSS;
    let highlighted: Range[] | null = null;
    const paint = () => {
      const ranges: Range[] = [];
      const next: Marker[] = [];
      if (mine.length) {
        const top0 = shell.getBoundingClientRect().top;
        const blocks = texts.blocks();
        for (const w of mine) {
          const found = rangesOf(texts, blocks, w);
          const range = found[0];
          if (!range) continue;
          ranges.push(...found);
          const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
          next.push({ warning: w.warning, top: rect.top - top0 });
        }
      }
      if (canHighlight && !(highlighted && sameRanges(ranges, highlighted))) {
        if (ranges.length) CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
        else CSS.highlights.delete(HIGHLIGHT);
        highlighted = ranges;
      }
      setMarkers((old) =>
        old.length === next.length &&
        old.every((m, i) => m.warning === next[i]!.warning && Math.abs(m.top - next[i]!.top) < 1)
          ? old
          : next,
      );
    };
    let frame = 0;
    const schedule = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          paint();
        });
    };
    paint();
    const resize = new ResizeObserver(schedule);
    resize.observe(root);
    const stop = editor.registerUpdateListener(schedule);
    return () => {
      stop();
      cancelAnimationFrame(frame);
      resize.disconnect();
      texts.disconnect();
      if (canHighlight) CSS.highlights.delete(HIGHLIGHT);
    };
  }

  // "Show in the text": once the part's text is in the editor, select the passage (or give up if it is gone).
  useEffect(() => {
    if (!request) return;
    const w = mine.find((m) => m.warning.id === request.id);
    if (!w) return;
    const tryIt = (): boolean => {
      const range = rangeOf(editor, w);
      if (range) {
        requestDone();
        selectRange(editor, range);
        return true;
      }
      const loaded = editor.getEditorState().read(() => $getRoot().getTextContent().length > 0);
      if (loaded) requestDone();
      return loaded;
    };
    if (tryIt()) return;
    return editor.registerUpdateListener(() => {
      tryIt();
    });
  }, [editor, request, mine]);

  return (
    <div className="warning-markers">
      {markers.map(({ warning, top }) => (
        <button
          key={warning.id}
          type="button"
          className="warning-marker"
          style={{ top }}
          aria-label={t('editor:warningMarker.label', { message: warningMessage(warning).slice(0, 160) })}
          title={warningMessage(warning).slice(0, 300)}
          onClick={() => openWarningEntry(warning.id)}
        >
          !
        </button>
      ))}
    </div>
  );
}
