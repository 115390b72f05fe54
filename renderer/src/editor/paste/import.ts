import { $generateNodesFromDOM } from '@lexical/html';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $isElementNode, $isTextNode, $setState, type LexicalEditor, type LexicalNode } from 'lexical';
import type { NumberFormat } from '../../../../shared/model/doc-nodes';
import { TEXT_FORMAT } from '../../../../shared/model/doc-nodes';
import { NUMBER_FORMATS, numberFormatState } from '../nodes/state';
import { $renumberList } from '../setup';

/** The report's own inline styles; fonts, colours, sizes and highlights go. */
const KEPT_FORMAT =
  TEXT_FORMAT.bold |
  TEXT_FORMAT.italic |
  TEXT_FORMAT.underline |
  TEXT_FORMAT.superscript |
  TEXT_FORMAT.subscript |
  TEXT_FORMAT.strikethrough;

/** Lexical nodes from a cleaned clipboard document, reduced to the report's styles. */
export function $nodesFromCleanDocument(editor: LexicalEditor, doc: Document): LexicalNode[] {
  const domLists = Array.from(doc.body.querySelectorAll('ol, ul'));
  const nodes = $generateNodesFromDOM(editor, doc);
  // Lexical makes one ListNode per <ol>/<ul>, in document order: pair them to carry formats over.
  const lexLists: ListNode[] = [];
  const walk = (n: LexicalNode) => {
    if ($isListNode(n)) lexLists.push(n);
    if ($isElementNode(n)) n.getChildren().forEach(walk);
  };
  nodes.forEach(walk);
  if (lexLists.length === domLists.length) {
    lexLists.forEach((list, i) => {
      const f = domLists[i]!.getAttribute('data-format');
      if (f && (NUMBER_FORMATS as readonly string[]).includes(f)) $setState(list, numberFormatState, f as NumberFormat);
    });
  }
  const reduce = (n: LexicalNode): void => {
    if ($isTextNode(n)) {
      if (n.getStyle()) n.setStyle('');
      const f = n.getFormat() & KEPT_FORMAT;
      if (f !== n.getFormat()) n.setFormat(f);
      return;
    }
    if (!$isElementNode(n)) return;
    if (n.getFormatType()) n.setFormat('');
    if (!$isListItemNode(n) && n.getIndent()) n.setIndent(0);
    if ($isHeadingNode(n) && (n.getTag() === 'h5' || n.getTag() === 'h6')) {
      const h = $createHeadingNode('h4');
      h.append(...n.getChildren());
      n.replace(h);
      h.getChildren().forEach(reduce);
      return;
    }
    n.getChildren().forEach(reduce);
    if ($isListNode(n)) $renumberList(n);
  };
  nodes.forEach(reduce);
  return nodes;
}
