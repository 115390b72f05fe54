import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND,
  type LexicalNode,
} from 'lexical';
import { clipboardProblem, nodesTooDeep } from '../paste/bounds';
import { cleanClipboardHtml } from '../paste/clean-html';
import { $nodesFromCleanDocument } from '../paste/import';
import { t } from '../../i18n';

/** Depth of a node tree (iterative). */
function $depthOf(nodes: LexicalNode[]): number {
  let max = 0;
  const stack: [LexicalNode, number][] = nodes.map((n) => [n, 1]);
  while (stack.length) {
    const [n, d] = stack.pop()!;
    max = Math.max(max, d);
    if ($isElementNode(n)) for (const c of n.getChildren()) stack.push([c, d + 1]);
  }
  return max;
}

/**
 * Pasting from Word, LibreOffice and Google Docs: the HTML is sanitised and rebuilt
 * (editor/paste) before Lexical sees it. Copies made inside Rapporteur keep Lexical's
 * own format, and plain text stays with Lexical's default handling. Content deeper or
 * larger than a part may hold is refused, saying why.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data || data.types.includes('application/x-lexical-editor')) return false;
          const html = data.getData('text/html');
          if (!html) return false;
          event.preventDefault();
          const problem = clipboardProblem(html);
          if (problem) {
            setRefused(problem);
            return true;
          }
          const doc = cleanClipboardHtml(html);
          setRefused(null);
          editor.update(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const nodes = $nodesFromCleanDocument(editor, doc);
            const here = selection.anchor.getNode().getParents().length;
            const tooDeep = nodesTooDeep($depthOf(nodes), here);
            if (tooDeep) {
              setRefused(tooDeep);
              return;
            }
            $insertGeneratedNodes(editor, nodes, selection);
          });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  if (!refused) return null;
  return (
    <div className="paste-refused" role="alert">
      {refused}{' '}
      <button type="button" onClick={() => setRefused(null)}>
        {t('common:dismiss')}
      </button>
    </div>
  );
}
