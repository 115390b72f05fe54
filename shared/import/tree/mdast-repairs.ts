/**
 * Small named repairs of an mdast tree, each for one thing conversions leave behind. They
 * walk with explicit stacks: trees come from anyone's documents.
 */
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';

type Parent = Extract<Nodes, { children: unknown[] }>;
const hasChildren = (n: Nodes): n is Parent => 'children' in n && Array.isArray(n.children);

function* parents(tree: Root): Generator<Parent> {
  const stack: Parent[] = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    for (const c of n.children as Nodes[]) if (hasChildren(c)) stack.push(c);
  }
}

/**
 * A list item is one paragraph (its lines joined by a space) and perhaps a nested list, and
 * lists are tight: a Word list item of two paragraphs is read as one item, as before.
 */
export function tightenLists(tree: Root): void {
  for (const n of parents(tree)) {
    if (n.type === 'list') n.spread = false;
    if (n.type !== 'listItem') continue;
    n.spread = false;
    const out: ListItem['children'] = [];
    for (const c of n.children) {
      const prev = out[out.length - 1];
      if (c.type === 'paragraph' && prev?.type === 'paragraph') prev.children.push(space(), ...c.children);
      else out.push(c);
    }
    // An item that opens with its nested list keeps its marker on a line of its own ("-" then "  1. …").
    if (out[0] && out[0].type !== 'paragraph') out.unshift({ type: 'paragraph', children: [] });
    n.children = out;
  }
}

/**
 * Lists nested deeper than `maxDepth` levels: their items are lifted into the list at that
 * depth, after the item that held them (a document's list is rarely more than a few deep).
 */
export function capListDepth(tree: Root, maxDepth: number): void {
  const stack: { node: Parent; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (node.type === 'list' && depth >= maxDepth) flattenInto(node);
    for (const c of node.children as Nodes[])
      if (hasChildren(c)) stack.push({ node: c, depth: depth + (c.type === 'list' ? 1 : 0) });
  }
}

/** Every list below `list` becomes items of `list`, in reading order. */
function flattenInto(list: List): void {
  const items: ListItem[] = [];
  const todo: ListItem[] = [...list.children].reverse();
  while (todo.length) {
    const item = todo.pop()!;
    const nested = item.children.filter((c): c is List => c.type === 'list');
    item.children = item.children.filter((c) => c.type !== 'list');
    items.push(item);
    for (let i = nested.length - 1; i >= 0; i--)
      for (let k = nested[i]!.children.length - 1; k >= 0; k--) todo.push(nested[i]!.children[k]!);
  }
  list.children = items;
}

/**
 * Spaces at the edges of bold, italic or a link move outside it ("**Ms. Ana **Pérez" is
 * "**Ms. Ana** Pérez"): a marker beside a space does not open or close emphasis.
 */
export function hoistEdgeSpaces(tree: Root): void {
  for (const n of parents(tree)) {
    if (!n.children.some((c) => c.type === 'strong' || c.type === 'emphasis' || c.type === 'link')) continue;
    const out: RootContent[] = [];
    for (const c of n.children as RootContent[]) {
      if (c.type !== 'strong' && c.type !== 'emphasis' && c.type !== 'link') {
        out.push(c);
        continue;
      }
      const first = c.children[0];
      const last = c.children[c.children.length - 1];
      // trimStart/trimEnd, not /\s+$/ (quadratic on a long run of spaces).
      const lead =
        first?.type === 'text' ? first.value.slice(0, first.value.length - first.value.trimStart().length) : '';
      const trail = last?.type === 'text' ? last.value.slice(last.value.trimEnd().length) : '';
      if (lead && first?.type === 'text') first.value = first.value.slice(lead.length);
      if (trail && last?.type === 'text') last.value = last.value.slice(0, last.value.length - trail.length);
      c.children = c.children.filter((k) => k.type !== 'text' || k.value !== '') as typeof c.children;
      if (!c.children.length) {
        if (lead || trail) out.push(space());
        continue;
      }
      if (lead) out.push(space());
      out.push(c);
      if (trail) out.push(space());
    }
    n.children = out as typeof n.children;
  }
}

const space = (): PhrasingContent => ({ type: 'text', value: ' ' });

/** The paragraphs of a note's body as one paragraph (a note is one line of the markdown). */
export function oneParagraph(nodes: RootContent[]): Paragraph {
  const runs: PhrasingContent[] = [];
  for (const n of nodes) {
    const inline: PhrasingContent[] =
      n.type === 'paragraph' || n.type === 'heading'
        ? n.children
        : n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote'
          ? oneParagraph(n.children as RootContent[]).children
          : isPhrasing(n)
            ? [n]
            : [];
    if (!inline.length) continue;
    if (runs.length) runs.push(space());
    runs.push(...inline);
  }
  return { type: 'paragraph', children: runs };
}

const PHRASING = new Set(['text', 'strong', 'emphasis', 'link', 'html', 'footnoteReference', 'break', 'delete']);
const isPhrasing = (n: RootContent): n is PhrasingContent => PHRASING.has(n.type);
