/**
 * The editor's side of comments: a thread's range is wrapped in Lexical mark nodes carrying the
 * thread's id ($wrapSelectionInMarkNode), which travel with the text through edits, saves,
 * snapshots and restores. Functions prefixed with $ run inside an editor update or read.
 */
import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, type MarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  type LexicalEditor,
  type LexicalNode,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
} from 'lexical';

/** A new thread id: also the id of its marks (the contract's Id: letters, digits, - and _). */
export const newThreadId = (): string => `c${crypto.randomUUID().replace(/-/g, '').slice(0, 15)}`;

/** Every mark node of the document. */
export const $marks = (): MarkNode[] =>
  $dfs($getRoot())
    .map((d) => d.node)
    .filter($isMarkNode);

/** Wraps the selected text in a mark for thread `id`; returns the text, or null when nothing is selected. */
export function $markSelection(id: string): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
  const quote = selection.getTextContent().replace(/\s+/g, ' ').trim();
  if (!quote) return null;
  $wrapSelectionInMarkNode(selection, selection.isBackward(), id);
  return quote;
}

/** Takes thread `id` off the text (a comment given up before it was saved); the text stays. */
export function $unmark(id: string): void {
  for (const mark of $marks()) {
    if (!mark.hasID(id)) continue;
    mark.deleteID(id);
    if (mark.getIDs().length === 0) $unwrapMarkNode(mark);
  }
}

/** Selects a thread's text and scrolls it into view; false when its mark is not in this part. */
export function focusMark(editor: LexicalEditor, id: string): boolean {
  let key: string | null = null;
  editor.update(() => {
    const marks = $marks().filter((m) => m.hasID(id));
    const first = marks[0];
    const last = marks[marks.length - 1];
    if (!first || !last) return;
    key = first.getKey();
    const selection = first.select(0, 0);
    const end = last.getLastDescendant();
    if (end) selection.focus.set(end.getKey(), end.getTextContentSize(), end.getType() === 'text' ? 'text' : 'element');
    const start = first.getFirstDescendant();
    if (start) selection.anchor.set(start.getKey(), 0, start.getType() === 'text' ? 'text' : 'element');
  });
  if (key === null) return false;
  editor.focus();
  editor.getElementByKey(key)?.scrollIntoView({ block: 'center' });
  return true;
}

/**
 * Pasted text keeps a comment's mark only when the comment's text is no longer in the part (it was
 * cut and is being put back, as Word moves comments with cut and paste); a copy of text still in
 * place leaves the mark behind, so a thread is never anchored twice. Returns the nodes to insert.
 */
export function $withoutCopiedMarks(nodes: LexicalNode[]): LexicalNode[] {
  const present = new Set($marks().flatMap((m) => m.getIDs()));
  const strip = (mark: MarkNode): boolean => {
    for (const id of mark.getIDs()) if (present.has(id)) mark.deleteID(id);
    return mark.getIDs().length === 0;
  };
  for (const node of nodes) {
    if (!$isElementNode(node)) continue;
    for (const { node: inner } of $dfs(node))
      if ($isMarkNode(inner) && inner !== node && strip(inner)) $unwrapMarkNode(inner);
  }
  return nodes.flatMap((node) => ($isMarkNode(node) && strip(node) ? node.getChildren() : [node]));
}

/** Applies $withoutCopiedMarks to whatever the clipboard inserts into `editor`. */
export function registerPastedMarks(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
    (payload) => {
      const kept = $withoutCopiedMarks(payload.nodes);
      payload.nodes.splice(0, payload.nodes.length, ...kept);
      return false;
    },
    COMMAND_PRIORITY_HIGH,
  );
}
