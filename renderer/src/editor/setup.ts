/**
 * Loading a part into an editor. Done in one place so the browser editor and the
 * headless tests treat a document the same way.
 */
import {
  $createParagraphNode,
  $getRoot,
  $parseSerializedNode,
  getStaticNodeConfig,
  type LexicalEditor,
  type SerializedLexicalNode,
} from 'lexical';
import { $isListItemNode, $isListNode, ListNode } from '@lexical/list';
import type { LexicalDoc } from '../../../shared/model/conference';
import { explicitValueState } from './nodes/state';
import { $getState } from 'lexical';

const prepared = new WeakSet<LexicalEditor>();

/**
 * Lexical's own list transform merges adjacent lists of the same type and renumbers
 * every item from `start`. Reports need the opposite: a new block restarts its
 * numbering (two recommendation blocks in a row stay two blocks) and an item with an
 * explicit value (24, 25, then 38) keeps it. So we replace that transform with ours.
 */
export function prepareEditor(editor: LexicalEditor): void {
  if (prepared.has(editor)) return;
  prepared.add(editor);
  const stock = (getStaticNodeConfig(ListNode) as { ownNodeConfig?: { $transform?: unknown } }).ownNodeConfig
    ?.$transform;
  const registered = editor._nodes.get('list');
  if (!stock || !registered?.transforms.delete(stock as never)) {
    throw new Error('Lexical’s list transform was not found: check prepareEditor against this Lexical version.');
  }
  editor.registerNodeTransform(ListNode, $renumberList);
}

/** Values follow `start`; an item marked explicit keeps its value and the next ones continue from it. */
export function $renumberList(list: ListNode): void {
  let value = list.getStart();
  for (const child of list.getChildren()) {
    if (!$isListItemNode(child)) continue;
    if ($getState(child, explicitValueState)) value = child.getValue();
    else if (child.getValue() !== value) child.setValue(value);
    if (!$isListNode(child.getFirstChild())) value++;
  }
}

/** Replaces the editor's content with a part's document, inside one update. */
export function $loadDoc(editor: LexicalEditor, doc: LexicalDoc): void {
  prepareEditor(editor);
  const root = $getRoot();
  root.clear();
  for (const child of doc.root.children) root.append($parseSerializedNode(child as SerializedLexicalNode));
  // An empty part still needs a line to type on.
  if (root.isEmpty()) root.append($createParagraphNode());
}
