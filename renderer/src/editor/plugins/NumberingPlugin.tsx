import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { HeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $getRoot, $isDecoratorNode, $isElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { BlockLetters } from '../../../../shared/elements/attributed';
import { CommentatorNode, $isCommentatorNode } from '../nodes/CommentatorNode';
import { FootnoteNode, $isFootnoteNode } from '../nodes/FootnoteNode';
import { PresentationNode, $isPresentationNode } from '../nodes/PresentationNode';
import { publishFootnoteNumbers } from './footnote-numbers';

/**
 * Live numbers that are never stored: footnote markers 1, 2, 3… and presentation and
 * commentator letters (a), (b)… by the compile step's rule (shared/elements/attributed:
 * each kind counted on its own, starting again after each heading), written as data
 * attributes the CSS shows. Recomputed when one of those nodes is created, moved or removed.
 */
export function NumberingPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const renumber = () => paintNumbers(editor);
    return mergeRegister(
      editor.registerMutationListener(FootnoteNode, renumber),
      editor.registerMutationListener(PresentationNode, renumber),
      editor.registerMutationListener(CommentatorNode, renumber),
      editor.registerMutationListener(HeadingNode, renumber),
    );
  }, [editor]);
  return null;
}

function paintNumbers(editor: LexicalEditor) {
  editor.getEditorState().read(() => {
    let note = 0;
    const letters = new BlockLetters();
    const notes = new Map<string, number>();
    const byId = new Map<string, number>();
    const walk = (n: LexicalNode) => {
      if ($isFootnoteNode(n)) {
        notes.set(n.getKey(), ++note);
        if (n.getNoteId()) byId.set(n.getNoteId(), note);
      } else if ($isHeadingNode(n)) {
        letters.heading();
      } else if ($isPresentationNode(n) || $isCommentatorNode(n)) {
        editor
          .getElementByKey(n.getKey())
          ?.setAttribute('data-label', letters.next(n.getType() as 'presentation' | 'commentator'));
      }
      if ($isElementNode(n)) for (const c of n.getChildren()) walk(c);
      else if ($isDecoratorNode(n)) return;
    };
    walk($getRoot());
    publishFootnoteNumbers(notes, byId);
  });
}
