import { useEffect, useMemo, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalNestedComposer } from '@lexical/react/LexicalNestedComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { $isLinkNode, AutoLinkNode, LinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  createEditor,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ENTER_COMMAND,
  KEY_ESCAPE_COMMAND,
  mergeRegister,
  type LexicalEditor,
} from 'lexical';
import { matchesShortcut, shortcutKeys } from '../../../../shared/contract/shortcuts';
import type { RawNode } from '../../../../shared/elements/spec';
import type { FootnoteNode } from '../nodes/FootnoteNode';
import { noteEditorJSON, noteFromEditorJSON } from '../nodes/footnote-body';
import { PastePlugin } from '../plugins/PastePlugin';
import { useT } from '../../i18n';
import { editorTheme } from '../theme';
import { isMac } from '../toolbar/platform';
import { LinkDialog } from './LinkDialog';
import './footnote-editor.css';

const SAFE_URL = /^(https?:|mailto:)/i;

/** Whether the selection of the note's editor sits in a link. */
const $inLink = (): boolean => {
  const s = $getSelection();
  return $isRangeSelection(s) && s.getNodes().some((n) => $isLinkNode(n) || $isLinkNode(n.getParent()));
};

/**
 * The note's own small editor, nested in the part's editor (LexicalNestedComposer): rich text
 * with the main editor's bold and italic keys, Ctrl+K for a link and the same cleaned paste.
 * Enter or Escape writes the note back into its node and returns to the text.
 */
export function FootnoteEditor({
  nodeKey,
  text,
  body,
  onClose,
}: {
  nodeKey: string;
  text: string;
  body: readonly RawNode[];
  onClose(): void;
}) {
  const [parent] = useLexicalComposerContext();
  const { t } = useT();
  // One editor per opening, loaded with the note as it is now.
  const noteEditor = useMemo<LexicalEditor>(() => {
    const ed = createEditor({
      namespace: 'rapporteur-note',
      nodes: [LinkNode, AutoLinkNode],
      parentEditor: parent,
      theme: editorTheme,
      onError(err) {
        console.error(err);
      },
    });
    ed.setEditorState(ed.parseEditorState(JSON.stringify(noteEditorJSON(text, body))));
    return ed;
  }, []);
  const [askingLink, setAskingLink] = useState(false);

  const commit = (close: boolean) => {
    const note = noteFromEditorJSON(noteEditor.getEditorState().toJSON() as unknown as { root: RawNode });
    parent.update(() => {
      const node = $getNodeByKey<FootnoteNode>(nodeKey);
      if (node && (node.getText() !== note.text || JSON.stringify(node.getBody()) !== JSON.stringify(note.body)))
        node.setNote(note.text, note.body);
      // The caret goes back right after the marker so typing continues in the text.
      if (close && node) node.selectNext(0, 0);
    });
    if (close) {
      onClose();
      parent.focus();
    }
  };

  const askLink = () => {
    if (noteEditor.getEditorState().read($inLink)) noteEditor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    else setAskingLink(true);
  };

  useEffect(() =>
    mergeRegister(
      noteEditor.registerCommand(
        KEY_ENTER_COMMAND,
        (e) => {
          if (e?.shiftKey) return false;
          e?.preventDefault();
          commit(true);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      noteEditor.registerCommand(
        KEY_ESCAPE_COMMAND,
        (e) => {
          e.preventDefault();
          commit(true);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      noteEditor.registerCommand(
        KEY_DOWN_COMMAND,
        (e) => {
          if (!matchesShortcut(e, shortcutKeys('link'), isMac)) return false;
          e.preventDefault();
          askLink();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    ),
  );
  useEffect(() => {
    noteEditor.focus(undefined, { defaultSelection: 'rootEnd' });
  }, [noteEditor]);

  // Buttons keep the note's selection: pressing one must not take the focus from the text.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <LexicalNestedComposer initialEditor={noteEditor}>
      <div className="footnote-tools" role="toolbar" aria-label={t('editor:footnoteEditor.tools')}>
        <button
          type="button"
          onMouseDown={keep}
          aria-label={t('editor:footnoteEditor.bold')}
          title={t('editor:footnoteEditor.bold')}
          onClick={() => noteEditor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
        >
          <b>{t('editor:footnoteEditor.boldGlyph')}</b>
        </button>
        <button
          type="button"
          onMouseDown={keep}
          aria-label={t('editor:footnoteEditor.italic')}
          title={t('editor:footnoteEditor.italic')}
          onClick={() => noteEditor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
        >
          <i>{t('editor:footnoteEditor.italicGlyph')}</i>
        </button>
        <button
          type="button"
          onMouseDown={keep}
          aria-label={t('editor:footnoteEditor.link')}
          title={t('editor:footnoteEditor.link')}
          onClick={askLink}
        >
          {t('editor:footnoteEditor.link')}
        </button>
      </div>
      <div className="footnote-editor-shell">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="footnote-editor"
              aria-label={t('editor:footnoteEditor.text')}
              onBlur={() => {
                if (!askingLink) commit(false);
              }}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <LinkPlugin validateUrl={(u) => SAFE_URL.test(u)} />
      <PastePlugin />
      <small className="muted">{t('editor:footnoteEditor.hint')}</small>
      {askingLink && (
        <LinkDialog
          onCancel={() => {
            setAskingLink(false);
            noteEditor.focus();
          }}
          onDone={(url) => {
            setAskingLink(false);
            noteEditor.focus();
            noteEditor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
          }}
        />
      )}
    </LexicalNestedComposer>
  );
}
