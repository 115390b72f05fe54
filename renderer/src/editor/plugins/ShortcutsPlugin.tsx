import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, FORMAT_TEXT_COMMAND, KEY_DOWN_COMMAND } from 'lexical';
import { matchesShortcut, shortcutKeys, type ShortcutId } from '../../../../shared/contract/shortcuts';
import { ASK_LINK_COMMAND, ASK_SPEAKERS_COMMAND, INSERT_FOOTNOTE_COMMAND, INSERT_REPORT_LIST_COMMAND } from '../commands';
import { isMac } from '../toolbar/platform';

/** The editor's own shortcuts (shared/contract/shortcuts.ts); Lexical already binds undo, redo, B, I, U. */
export function ShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.registerCommand(KEY_DOWN_COMMAND, (e) => {
    const is = (id: ShortcutId) => matchesShortcut(e, shortcutKeys(id), isMac);
    const run = (fn: () => void) => { e.preventDefault(); fn(); return true; };
    if (is('footnote')) return run(() => editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, undefined));
    if (is('presentation')) return run(() => editor.dispatchCommand(ASK_SPEAKERS_COMMAND, 'presentation'));
    if (is('highlights')) return run(() => editor.dispatchCommand(INSERT_REPORT_LIST_COMMAND, { listType: 'bullet', role: 'highlights' }));
    if (is('recommendations')) return run(() => editor.dispatchCommand(INSERT_REPORT_LIST_COMMAND, { listType: 'number', role: 'recommendations', numberFormat: 'decimal' }));
    if (is('superscript')) return run(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'superscript'));
    if (is('link')) return run(() => editor.dispatchCommand(ASK_LINK_COMMAND, undefined));
    return false;
  }, COMMAND_PRIORITY_NORMAL), [editor]);
  return null;
}
