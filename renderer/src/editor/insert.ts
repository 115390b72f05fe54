import {
  $createParagraphNode,
  $getSelection,
  $isDecoratorNode,
  $isParagraphNode,
  $isRangeSelection,
  $getRoot,
  type LexicalNode,
} from 'lexical';

/**
 * Puts a block where the caret is: it takes the place of an empty paragraph, or goes
 * after the current top-level block. Returns the node for the caller to select into.
 */
export function $insertBlock<T extends LexicalNode>(node: T): T {
  const selection = $getSelection();
  const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : null;
  const top = anchor && !anchor.is($getRoot()) ? anchor.getTopLevelElement() : null;
  if (!top) {
    $getRoot().append(node);
  } else if ($isParagraphNode(top) && top.getTextContentSize() === 0 && top.getChildrenSize() === 0) {
    top.replace(node);
  } else {
    top.insertAfter(node);
  }
  // A block decorator at the very end would leave nowhere to type after it.
  if (!node.getNextSibling() && $isDecoratorNode(node)) node.insertAfter($createParagraphNode());
  return node;
}
