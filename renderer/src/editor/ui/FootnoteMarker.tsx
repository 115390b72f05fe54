import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKeyOrThrow, $setSelection, $createNodeSelection } from 'lexical';
import type { RawNode } from '../../../../shared/elements/spec';
import { useFootnoteNumber } from '../plugins/footnote-numbers';
import { FootnoteEditor } from './FootnoteEditor';
import { useT } from '../../i18n';

/** Keys of notes just inserted: their editor opens at once so the rapporteur types the note. */
export const notesToOpen = new Set<string>();

/**
 * The superscript marker of a footnote (numbered live) and, when opened, the note
 * written in place in a small popover next to it, with its own rich-text editor.
 */
export function FootnoteMarker({ nodeKey, text, body }: { nodeKey: string; text: string; body: readonly RawNode[] }) {
  const { t } = useT();
  const [editor] = useLexicalComposerContext();
  const n = useFootnoteNumber(nodeKey);
  // Read, not consumed, here: React may run this initialiser twice (StrictMode).
  const [open, setOpen] = useState(() => notesToOpen.has(nodeKey));
  useEffect(() => {
    notesToOpen.delete(nodeKey);
  }, [nodeKey]);
  const anchor = useRef<HTMLButtonElement>(null);
  // Measured once the marker is on the page: a note opened as it is inserted has no box at first render.
  const [rect, setRect] = useState<DOMRect | undefined>();
  useLayoutEffect(() => {
    setRect(open ? anchor.current?.getBoundingClientRect() : undefined);
  }, [open]);
  return (
    <>
      <button
        type="button"
        ref={anchor}
        className="ed-footnote-mark"
        title={text || t('editor:footnote.empty')}
        aria-label={t('editor:footnote.marker', { n: n ?? '', text: text || t('editor:footnote.emptyText') })}
        onClick={() => {
          editor.update(() => {
            const s = $createNodeSelection();
            s.add($getNodeByKeyOrThrow(nodeKey).getKey());
            $setSelection(s);
          });
          setOpen(true);
        }}
      >
        {n ?? '•'}
      </button>
      {open &&
        createPortal(
          <div
            className="footnote-popover"
            role="dialog"
            aria-label={t('editor:footnote.popover')}
            style={{
              top: (rect?.bottom ?? 100) + window.scrollY + 6,
              left: Math.max(8, (rect?.left ?? 100) + window.scrollX - 40),
            }}
          >
            <FootnoteEditor nodeKey={nodeKey} text={text} body={body} onClose={() => setOpen(false)} />
          </div>,
          document.body,
        )}
    </>
  );
}
