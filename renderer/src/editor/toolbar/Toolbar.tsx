import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister, $findMatchingParent } from '@lexical/utils';
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import {
  $createHeadingNode,
  $createQuoteNode,
  $isHeadingNode,
  $isQuoteNode,
  type HeadingTagType,
} from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { ASK_LINK_COMMAND, INSERT_FOOTNOTE_COMMAND } from '../commands';
import { LinkDialog } from '../ui/LinkDialog';
import { InsertMenu } from './InsertMenu';
import { ShortcutsHelp } from './ShortcutsHelp';
import { withKeys } from './platform';
import { ToolButton } from './ToolButton';
import { useT } from '../../i18n';

type BlockType = 'paragraph' | HeadingTagType | 'quote' | 'other';

const BLOCK_TYPES = ['paragraph', 'h1', 'h2', 'h3', 'h4', 'quote'] as const satisfies readonly BlockType[];

/** Formatting and insertion; it only dispatches commands and reflects the selection. */
export function Toolbar({ onFind }: { onFind(): void }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useT();
  const [formats, setFormats] = useState<Set<TextFormatType>>(new Set());
  const [block, setBlock] = useState<BlockType>('paragraph');
  const [isLink, setIsLink] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(() => {
    const $read = () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const next = (['bold', 'italic', 'underline', 'superscript'] as const).filter((f) => selection.hasFormat(f));
      // Same formats: keep the same Set, so typing does not re-render the toolbar.
      setFormats((prev) => (prev.size === next.length && next.every((f) => prev.has(f)) ? prev : new Set(next)));
      const top = selection.anchor.getNode().getTopLevelElement();
      setBlock(
        $isHeadingNode(top)
          ? top.getTag()
          : $isQuoteNode(top)
            ? 'quote'
            : top?.getType() === 'paragraph'
              ? 'paragraph'
              : 'other',
      );
      setIsLink(!!$findMatchingParent(selection.anchor.getNode(), $isLinkNode));
    };
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => editorState.read($read)),
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          $read();
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (v) => {
          setCanUndo(v);
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (v) => {
          setCanRedo(v);
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    );
  }, [editor]);

  const setBlockType = (type: BlockType) =>
    editor.update(() => {
      const selection = $getSelection();
      if (type === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
      else if (type === 'quote') $setBlocksType(selection, () => $createQuoteNode());
      else if (type !== 'other') $setBlocksType(selection, () => $createHeadingNode(type));
    });

  const format = (f: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f);
  const [askingLink, setAskingLink] = useState(false);
  const toggleLink = () => {
    if (isLink) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    else setAskingLink(true);
  };
  useEffect(
    () =>
      editor.registerCommand(
        ASK_LINK_COMMAND,
        () => {
          if (isLink) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
          else setAskingLink(true);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor, isLink],
  );

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor:toolbar.label')}>
      <ToolButton
        label={t('editor:toolbar.undo')}
        title={withKeys(t('editor:toolbar.undo'), 'undo')}
        shortcut="undo"
        disabled={!canUndo}
        onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
      >
        ↶
      </ToolButton>
      <ToolButton
        label={t('editor:toolbar.redo')}
        title={withKeys(t('editor:toolbar.redo'), 'redo')}
        shortcut="redo"
        disabled={!canRedo}
        onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
      >
        ↷
      </ToolButton>
      <span className="tool-sep" />
      <select
        aria-label={t('editor:toolbar.blockStyle')}
        className="tool-select"
        value={block}
        onChange={(e) => setBlockType(e.target.value as BlockType)}
      >
        {BLOCK_TYPES.map((v) => (
          <option key={v} value={v}>
            {t(`editor:toolbar.block.${v}`)}
          </option>
        ))}
        {block === 'other' && <option value="other">—</option>}
      </select>
      <ToolButton
        label={t('editor:toolbar.bold')}
        title={withKeys(t('editor:toolbar.bold'), 'bold')}
        shortcut="bold"
        active={formats.has('bold')}
        onClick={() => format('bold')}
      >
        <b>{t('editor:toolbar.boldGlyph')}</b>
      </ToolButton>
      <ToolButton
        label={t('editor:toolbar.italic')}
        title={withKeys(t('editor:toolbar.italic'), 'italic')}
        shortcut="italic"
        active={formats.has('italic')}
        onClick={() => format('italic')}
      >
        <i>{t('editor:toolbar.italicGlyph')}</i>
      </ToolButton>
      <ToolButton
        label={t('editor:toolbar.underline')}
        title={withKeys(t('editor:toolbar.underline'), 'underline')}
        shortcut="underline"
        active={formats.has('underline')}
        onClick={() => format('underline')}
      >
        <u>{t('editor:toolbar.underlineGlyph')}</u>
      </ToolButton>
      <ToolButton
        label={t('editor:toolbar.superscriptLabel')}
        title={withKeys(t('editor:toolbar.superscript'), 'superscript')}
        shortcut="superscript"
        active={formats.has('superscript')}
        onClick={() => format('superscript')}
      >
        x²
      </ToolButton>
      <ToolButton
        label={t('editor:toolbar.link')}
        title={withKeys(t('editor:toolbar.link'), 'link')}
        shortcut="link"
        active={isLink}
        onClick={toggleLink}
      >
        {t('editor:toolbar.link')}
      </ToolButton>
      <span className="tool-sep" />
      <ToolButton
        label={t('editor:toolbar.bulletList')}
        shortcut="bullet-list"
        onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}
      >
        {t('editor:toolbar.bulletListButton')}
      </ToolButton>
      <ToolButton
        label={t('editor:toolbar.numberedList')}
        shortcut="numbered-list"
        onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)}
      >
        {t('editor:toolbar.numberedListButton')}
      </ToolButton>
      <ToolButton
        label={t('editor:toolbar.footnoteLabel')}
        title={withKeys(t('editor:toolbar.footnote'), 'footnote')}
        shortcut="footnote"
        onClick={() => editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, undefined)}
      >
        {t('editor:toolbar.footnoteButton')}
      </ToolButton>
      <InsertMenu />
      <span className="tool-sep" />
      <ToolButton
        label={t('editor:toolbar.find')}
        title={withKeys(t('editor:toolbar.find'), 'find')}
        shortcut="find"
        onClick={onFind}
      >
        {t('editor:toolbar.findButton')}
      </ToolButton>
      <ShortcutsHelp />
      {askingLink && (
        <LinkDialog
          onCancel={() => {
            setAskingLink(false);
            editor.focus();
          }}
          onDone={(url) => {
            setAskingLink(false);
            editor.focus();
            editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
          }}
        />
      )}
    </div>
  );
}
