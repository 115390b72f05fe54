import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getRoot, $isDecoratorNode, $isElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { toAlpha } from '../../../../shared/templates/numbering';
import { FootnoteNode, $isFootnoteNode } from '../nodes/FootnoteNode';
import { PresentationNode, $isPresentationNode } from '../nodes/PresentationNode';
import { publishFootnoteNumbers } from './footnote-numbers';

/**
 * Live numbers that are never stored: footnote markers 1, 2, 3… and presentation
 * letters (a), (b)… in document order, written as data attributes the CSS shows.
 * Recomputed only when a footnote or a presentation is created, moved or removed.
 */
export function NumberingPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const renumber = () => paintNumbers(editor);
    return mergeRegister(
      editor.registerMutationListener(FootnoteNode, renumber),
      editor.registerMutationListener(PresentationNode, renumber),
    );
  }, [editor]);
  return null;
}

function paintNumbers(editor: LexicalEditor) {
  editor.getEditorState().read(() => {
    let note = 0;
    let presentation = 0;
    const notes = new Map<string, number>();
    const walk = (n: LexicalNode) => {
      if ($isFootnoteNode(n)) {
        notes.set(n.getKey(), ++note);
      } else if ($isPresentationNode(n)) {
        presentation++;
        editor.getElementByKey(n.getKey())?.setAttribute('data-label', `(${toAlpha(presentation)})`);
      }
      if ($isElementNode(n)) for (const c of n.getChildren()) walk(c);
      else if ($isDecoratorNode(n)) return;
    };
    walk($getRoot());
    publishFootnoteNumbers(notes);
  });
}
