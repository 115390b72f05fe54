import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { cleanClipboardHtml } from '../paste/clean-html';
import { $nodesFromCleanDocument } from '../paste/import';

/**
 * Pasting from Word, LibreOffice and Google Docs: the HTML is sanitised and rebuilt
 * (editor/paste) before Lexical sees it. Copies made inside Rapporteur keep Lexical's
 * own format, and plain text stays with Lexical's default handling.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.registerCommand(PASTE_COMMAND, (event) => {
    const data = 'clipboardData' in event ? event.clipboardData : null;
    if (!data || data.types.includes('application/x-lexical-editor')) return false;
    const html = data.getData('text/html');
    if (!html) return false;
    event.preventDefault();
    const doc = cleanClipboardHtml(html);
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      $insertGeneratedNodes(editor, $nodesFromCleanDocument(editor, doc), selection);
    });
    return true;
  }, COMMAND_PRIORITY_HIGH), [editor]);
  return null;
}
