import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { matchesShortcut, shortcutKeys, type ShortcutId } from '../../../../shared/contract/shortcuts';
import { onMenu } from '../../api';
import {
  ASK_LINK_COMMAND,
  ASK_SPEAKERS_COMMAND,
  INSERT_FOOTNOTE_COMMAND,
  INSERT_REPORT_LIST_COMMAND,
} from '../commands';
import { isMac } from '../toolbar/platform';

/** What each editor shortcut does; false for those handled elsewhere (find, live mode). */
function runShortcut(editor: LexicalEditor, id: ShortcutId): boolean {
  switch (id) {
    case 'undo':
      return editor.dispatchCommand(UNDO_COMMAND, undefined);
    case 'redo':
      return editor.dispatchCommand(REDO_COMMAND, undefined);
    case 'bold':
    case 'italic':
    case 'underline':
    case 'superscript':
      return editor.dispatchCommand(FORMAT_TEXT_COMMAND, id);
    case 'link':
      return editor.dispatchCommand(ASK_LINK_COMMAND, undefined);
    case 'footnote':
      return editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, undefined);
    case 'presentation':
      return editor.dispatchCommand(ASK_SPEAKERS_COMMAND, 'presentation');
    case 'highlights':
      return editor.dispatchCommand(INSERT_REPORT_LIST_COMMAND, { listType: 'bullet', role: 'highlights' });
    case 'recommendations':
      return editor.dispatchCommand(INSERT_REPORT_LIST_COMMAND, { listType: 'number', role: 'recommendations' });
    default:
      return false;
  }
}

/** Lexical binds undo, redo, B, I and U itself; these are the rest. */
const KEYED: ShortcutId[] = ['footnote', 'presentation', 'highlights', 'recommendations', 'superscript', 'link'];

/**
 * The editor's shortcuts (shared/contract/shortcuts.ts), from the keyboard and from the
 * application menu's Format and Insert items, which show the same keys.
 */
export function ShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (e) => {
          const id = KEYED.find((k) => matchesShortcut(e, shortcutKeys(k), isMac));
          if (!id) return false;
          e.preventDefault();
          runShortcut(editor, id);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  useEffect(
    () =>
      onMenu((m) => {
        if (m.command === 'editor-action' && m.action) {
          editor.focus();
          runShortcut(editor, m.action);
        }
      }),
    [editor],
  );
  return null;
}
