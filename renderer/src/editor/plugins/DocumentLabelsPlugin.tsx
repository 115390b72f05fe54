import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfs } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { documentTerms } from '../../../../shared/i18n/document-terms';
import { ModeratorNode, $isModeratorNode } from '../nodes/ModeratorNode';

/**
 * The words the document prints in front of a block, in the conference language (the exports'
 * own words, shared/i18n/document-terms): "Moderación:" before a moderator line in a Spanish
 * conference, whatever the interface's language. Written as `data-label`, which the CSS shows.
 */
export function DocumentLabelsPlugin({ language }: { language: string | undefined }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const label = documentTerms(language).moderator;
    const paint = () => paintModeratorLabels(editor, label);
    paint();
    return editor.registerMutationListener(ModeratorNode, paint);
  }, [editor, language]);
  return null;
}

function paintModeratorLabels(editor: LexicalEditor, label: string) {
  editor.getEditorState().read(() => {
    for (const { node } of $dfs())
      if ($isModeratorNode(node)) editor.getElementByKey(node.getKey())?.setAttribute('data-label', label);
  });
}
