/**
 * The one walker over a part's document tree (validation, plain text, and any code that
 * reads a document): depth first, in document order, without recursion, so a document
 * nested thousands of levels deep cannot overflow the stack.
 */
import type { RawNode } from './spec';

export interface Visitor {
  /** Called on entering a node; return false to skip its children. */
  enter?(node: RawNode, depth: number, parent: RawNode | null): boolean | void;
  /** Called after its children. */
  leave?(node: RawNode, depth: number): void;
}

export const childrenOf = (node: RawNode): RawNode[] =>
  Array.isArray(node.children)
    ? (node.children as unknown[]).filter((c): c is RawNode => typeof c === 'object' && c !== null && !Array.isArray(c))
    : [];

export function walkDoc(root: RawNode, visitor: Visitor): void {
  type Frame = { node: RawNode; depth: number; parent: RawNode | null; entered: boolean };
  const stack: Frame[] = [{ node: root, depth: 0, parent: null, entered: false }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.entered) {
      stack.pop();
      visitor.leave?.(top.node, top.depth);
      continue;
    }
    top.entered = true;
    if (visitor.enter?.(top.node, top.depth, top.parent) === false) continue;
    const kids = childrenOf(top.node);
    for (let i = kids.length - 1; i >= 0; i--)
      stack.push({ node: kids[i]!, depth: top.depth + 1, parent: top.node, entered: false });
  }
}
