import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister, $findMatchingParent } from '@lexical/utils';
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode, $getSelection, $isRangeSelection, CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_CRITICAL, COMMAND_PRIORITY_EDITOR,
  FORMAT_TEXT_COMMAND, REDO_COMMAND, SELECTION_CHANGE_COMMAND, UNDO_COMMAND, type TextFormatType,
} from 'lexical';
import { ASK_LINK_COMMAND, INSERT_FOOTNOTE_COMMAND } from '../commands';
import { LinkDialog } from '../ui/LinkDialog';
import { InsertMenu } from './InsertMenu';
import { ShortcutsHelp } from './ShortcutsHelp';
import { withKeys } from './platform';
import { ToolButton } from './ToolButton';

type BlockType = 'paragraph' | HeadingTagType | 'quote' | 'other';

const BLOCK_LABELS: [BlockType, string][] = [
  ['paragraph', 'Paragraph'], ['h1', 'Heading 1'], ['h2', 'Heading 2'], ['h3', 'Heading 3'], ['h4', 'Heading 4'], ['quote', 'Block quote'],
];

/** Formatting and insertion; it only dispatches commands and reflects the selection. */
export function Toolbar({ onFind }: { onFind(): void }) {
  const [editor] = useLexicalComposerContext();
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
      setBlock($isHeadingNode(top) ? top.getTag() : $isQuoteNode(top) ? 'quote' : top?.getType() === 'paragraph' ? 'paragraph' : 'other');
      setIsLink(!!$findMatchingParent(selection.anchor.getNode(), $isLinkNode));
    };
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => editorState.read($read)),
      editor.registerCommand(SELECTION_CHANGE_COMMAND, () => { $read(); return false; }, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(CAN_UNDO_COMMAND, (v) => { setCanUndo(v); return false; }, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(CAN_REDO_COMMAND, (v) => { setCanRedo(v); return false; }, COMMAND_PRIORITY_CRITICAL),
    );
  }, [editor]);

  const setBlockType = (type: BlockType) => editor.update(() => {
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
  useEffect(() => editor.registerCommand(ASK_LINK_COMMAND, () => {
    if (isLink) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null); else setAskingLink(true);
    return true;
  }, COMMAND_PRIORITY_EDITOR), [editor, isLink]);

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <ToolButton label="Undo" title={withKeys('Undo', 'undo')} shortcut="undo" disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>↶</ToolButton>
      <ToolButton label="Redo" title={withKeys('Redo', 'redo')} shortcut="redo" disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>↷</ToolButton>
      <span className="tool-sep" />
      <select aria-label="Block style" className="tool-select" value={block} onChange={(e) => setBlockType(e.target.value as BlockType)}>
        {BLOCK_LABELS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        {block === 'other' && <option value="other">—</option>}
      </select>
      <ToolButton label="Bold" title={withKeys('Bold', 'bold')} shortcut="bold" active={formats.has('bold')} onClick={() => format('bold')}><b>B</b></ToolButton>
      <ToolButton label="Italic" title={withKeys('Italic', 'italic')} shortcut="italic" active={formats.has('italic')} onClick={() => format('italic')}><i>I</i></ToolButton>
      <ToolButton label="Underline" title={withKeys('Underline', 'underline')} shortcut="underline" active={formats.has('underline')} onClick={() => format('underline')}><u>U</u></ToolButton>
      <ToolButton label="x² Superscript" title={withKeys('Superscript', 'superscript')} shortcut="superscript" active={formats.has('superscript')} onClick={() => format('superscript')}>x²</ToolButton>
      <ToolButton label="Link" title={withKeys('Link', 'link')} shortcut="link" active={isLink} onClick={toggleLink}>Link</ToolButton>
      <span className="tool-sep" />
      <ToolButton label="Bullet list" shortcut="bullet-list" onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}>• List</ToolButton>
      <ToolButton label="1. List (numbered)" shortcut="numbered-list" onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)}>1. List</ToolButton>
      <ToolButton label="Note¹: insert footnote" title={withKeys('Insert footnote', 'footnote')} shortcut="footnote" onClick={() => editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, undefined)}>Note¹</ToolButton>
      <InsertMenu />
      <span className="tool-sep" />
      <ToolButton label="Find and replace" title={withKeys('Find and replace', 'find')} shortcut="find" onClick={onFind}>Find</ToolButton>
      <ShortcutsHelp />
      {askingLink && (
        <LinkDialog onCancel={() => { setAskingLink(false); editor.focus(); }}
          onDone={(url) => { setAskingLink(false); editor.focus(); editor.dispatchCommand(TOGGLE_LINK_COMMAND, url); }} />
      )}
    </div>
  );
}
