import { useEffect, useMemo } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { HEADING, ORDERED_LIST, QUOTE, UNORDERED_LIST, type ElementTransformer } from '@lexical/markdown';
import {
  $isListItemNode,
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
  type ListType,
} from '@lexical/list';
import { $findMatchingParent } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_NORMAL,
  INDENT_CONTENT_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { matchesShortcut, shortcutKeys, type ShortcutId } from '../../../../shared/contract/shortcuts';
import type { ElementKind, TemplateSection } from '../../../../shared/templates/schema';
import { onMenu } from '../../api';
import { useReport } from '../ReportContext';
import { isMac } from '../toolbar/platform';

/** What a part without a template section may become by typing: lists and quotes, never headings. */
const FREE_PART: ElementKind[] = ['bullet-list', 'numbered-list', 'quote'];

const allowed = (section: TemplateSection | null): ReadonlySet<ElementKind> =>
  new Set(section ? section.allows : FREE_PART);

/**
 * A shortcut applies to a plain paragraph only: "- " typed at the start of a presentation,
 * an epigraph or a moderator line is text, not a request to turn that element into a list.
 */
const onParagraphs = (t: ElementTransformer): ElementTransformer => ({
  ...t,
  replace: (parent, children, match, isImport) =>
    parent.getType() === 'paragraph' ? t.replace(parent, children, match, isImport) : false,
});

/** The markdown shortcuts of the kinds this part's template section allows. */
export function autoformatTransformers(section: TemplateSection | null): ElementTransformer[] {
  const kinds = allowed(section);
  const out: ElementTransformer[] = [];
  if (kinds.has('bullet-list')) out.push(UNORDERED_LIST);
  if (kinds.has('numbered-list')) out.push(ORDERED_LIST);
  // Heading 1 to 4, the levels the toolbar and the house styles know.
  if (kinds.has('heading')) out.push({ ...HEADING, regExp: /^(#{1,4})\s/ });
  if (kinds.has('quote')) out.push(QUOTE);
  return out.map(onParagraphs);
}

const LIST_SHORTCUTS: { id: ShortcutId; listType: ListType; kind: ElementKind }[] = [
  { id: 'numbered-list', listType: 'number', kind: 'numbered-list' },
  { id: 'bullet-list', listType: 'bullet', kind: 'bullet-list' },
];

/** The list at the caret of that type is turned back into paragraphs; anything else becomes one (as in word processors). */
function toggleList(editor: LexicalEditor, listType: ListType): void {
  const inSuchList = editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return false;
    const list = $findMatchingParent(selection.anchor.getNode(), $isListNode);
    return $isListNode(list) && list.getListType() === listType;
  });
  if (inSuchList) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  else
    editor.dispatchCommand(
      listType === 'number' ? INSERT_ORDERED_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND,
      undefined,
    );
}

/**
 * Autoformat as typed: "- " or "* " starts a bulleted list, "1. " a numbered one, "# " a
 * heading and "> " a quote, each only where the part's template section allows that kind;
 * Ctrl+Shift+7 / Ctrl+Shift+8 (as in Google Docs) toggle a numbered / bulleted list, also
 * from the Format menu. Tab and Shift+Tab anywhere in a list item nest it and take it back
 * out (TabIndentationPlugin alone does so only at the item's start, else types a tab).
 */
export function AutoformatPlugin() {
  const [editor] = useLexicalComposerContext();
  const { section } = useReport();
  const transformers = useMemo(() => autoformatTransformers(section), [section]);
  const lists = useMemo(() => LIST_SHORTCUTS.filter((l) => allowed(section).has(l.kind)), [section]);

  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (e) => {
          const hit = lists.find((l) => matchesShortcut(e, shortcutKeys(l.id), isMac));
          if (!hit) return false;
          e.preventDefault();
          toggleList(editor, hit.listType);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, lists],
  );

  useEffect(
    () =>
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (e) => {
          const inItem = editor.getEditorState().read(() => {
            const selection = $getSelection();
            return $isRangeSelection(selection) && !!$findMatchingParent(selection.anchor.getNode(), $isListItemNode);
          });
          if (!inItem) return false;
          e.preventDefault();
          // The indent limit (TabIndentationPlugin's maxIndent) still applies to these commands.
          return editor.dispatchCommand(e.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND, undefined);
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );

  useEffect(
    () =>
      onMenu((m) => {
        const hit = m.command === 'editor-action' ? lists.find((l) => l.id === m.action) : undefined;
        if (hit) toggleList(editor, hit.listType);
      }),
    [editor, lists],
  );

  return <MarkdownShortcutPlugin transformers={transformers} />;
}
