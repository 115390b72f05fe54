import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getNodeByKeyOrThrow, $setSelection, $createNodeSelection } from 'lexical';
import type { FootnoteNode } from '../nodes/FootnoteNode';
import { useFootnoteNumber } from '../plugins/footnote-numbers';

/** Keys of notes just inserted: their editor opens at once so the rapporteur types the note. */
export const notesToOpen = new Set<string>();

/**
 * The superscript marker of a footnote (numbered by CSS) and, when opened, the note's
 * text edited in place in a small popover next to it.
 */
export function FootnoteMarker({ nodeKey, text }: { nodeKey: string; text: string }) {
  const [editor] = useLexicalComposerContext();
  const n = useFootnoteNumber(nodeKey);
  // Read, not consumed, here: React may run this initialiser twice (StrictMode).
  const [open, setOpen] = useState(() => notesToOpen.has(nodeKey));
  useEffect(() => { notesToOpen.delete(nodeKey); }, [nodeKey]);
  const [draft, setDraft] = useState(text);
  const anchor = useRef<HTMLButtonElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => { if (!open) setDraft(text); }, [text, open]);
  useEffect(() => { if (open) area.current?.focus(); }, [open]);

  const commit = (close: boolean) => {
    editor.update(() => {
      const node = $getNodeByKey<FootnoteNode>(nodeKey);
      if (node && node.getText() !== draft) node.setText(draft);
      if (close && node) {
        // Put the caret back right after the marker so typing continues in the text.
        node.selectNext(0, 0);
      }
    });
    if (close) { setOpen(false); editor.focus(); }
  };

  const rect = open ? anchor.current?.getBoundingClientRect() : undefined;
  return (
    <>
      <button type="button" ref={anchor} className="ed-footnote-mark" title={text || 'Empty note'} aria-label={`Footnote ${n ?? ''}: ${text || 'empty'}`}
        onClick={() => {
          editor.update(() => { const s = $createNodeSelection(); s.add($getNodeByKeyOrThrow(nodeKey).getKey()); $setSelection(s); });
          setOpen(true);
        }}>{n ?? '•'}</button>
      {open && createPortal(
        <div className="footnote-popover" role="dialog" aria-label="Footnote text"
          style={{ top: (rect?.bottom ?? 100) + window.scrollY + 6, left: Math.max(8, (rect?.left ?? 100) + window.scrollX - 40) }}>
          <textarea ref={area} rows={3} value={draft} aria-label="Text of the footnote"
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => commit(false)}
            onKeyDown={(e) => {
              if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Escape') { e.preventDefault(); commit(true); }
            }} />
          <small className="muted">Enter to return to the text · Shift+Enter for a new line</small>
        </div>,
        document.body,
      )}
    </>
  );
}
