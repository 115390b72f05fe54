/**
 * The HTML that mammoth makes of a .docx, read as a tree: HTML → hast (hast-util-from-html)
 * → mdast (hast-util-to-mdast, with handlers for mammoth's notes, links and debris) → the
 * markdown every reader of the importer takes (mdast-util-to-markdown with GFM): headings,
 * nested lists, pipe tables, bold and italics, links, and footnotes as [^id] with their
 * definitions at the end.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { type Handle, type State, defaultHandlers, toMdast } from 'hast-util-to-mdast';
import type { FootnoteDefinition, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { MAX_LIST_DEPTH } from './limits';
import { flattenCells, noteReferenceOf, takeNoteBodies } from './mammoth-html';
import { type HeadlessData, writeMarkdown } from './markdown-out';
import { capListDepth, hoistEdgeSpaces, oneParagraph, tightenLists } from './mdast-repairs';

const children = (state: State, node: Element) => state.all(node) as PhrasingContent[];

const handlers: Record<string, Handle> = {
  // A link inside the document (a bookmark, a cross-reference) is its text; so is an anchor without an address.
  a: (state, node) => {
    const href = String(node.properties.href ?? '');
    if (!href || href.startsWith('#')) return children(state, node);
    return defaultHandlers.a(state, node);
  },
  // A note's reference; other superscripts stay marked (an anchor typed as a superscript number).
  sup: (state, node) => {
    const id = noteReferenceOf(node);
    if (id) return { type: 'footnoteReference', identifier: id, label: id };
    return [{ type: 'html', value: '<sup>' }, ...children(state, node), { type: 'html', value: '</sup>' }];
  },
  // A line break inside a paragraph is a space: the readers rejoin lines, not break them.
  br: () => ({ type: 'text', value: ' ' }),
  // Struck-through text and images were never kept (no node in the document for them).
  s: (state, node) => children(state, node),
  del: (state, node) => children(state, node),
  img: () => undefined,
  // A table without a header row (no <th>, no <thead>) says so instead of gaining an empty one.
  table: (state, node) => {
    const result = defaultHandlers.table(state, node);
    if (result.type === 'table' && !hasHeader(node)) {
      result.children.shift();
      if (!result.children.length) return undefined;
      result.data = { ...result.data, headless: true } as Table['data'] & HeadlessData;
    }
    return result;
  },
};

/** The rule hast-util-to-mdast applies: a <thead>, or a <th> in the first rows. */
function hasHeader(table: Element): boolean {
  const stack: Element[] = [table];
  let rows = 0;
  while (stack.length) {
    const n = stack.pop()!;
    if (n.tagName === 'thead') return true;
    if (n.tagName === 'tr' && ++rows > 2) continue;
    if (n.tagName === 'th' && rows <= 2) return true;
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i]!;
      if (c.type === 'element' && c.tagName !== 'table') stack.push(c);
    }
  }
  return false;
}

export function docxHtmlToMarkdown(html: string): string {
  const hast = fromHtml(html, { fragment: true });
  const notes = takeNoteBodies(hast);
  flattenCells(hast);
  const tree = toMdast(hast, { handlers }) as Root;
  for (const n of notes) {
    // Even an empty note keeps its definition: its reference would otherwise print as "[^footnote-1]".
    const body = oneParagraph(noteContent(n.content));
    const definition: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: n.id,
      label: n.id,
      children: [body],
    };
    tree.children.push(definition);
  }
  tightenLists(tree);
  capListDepth(tree, MAX_LIST_DEPTH + 1);
  hoistEdgeSpaces(tree);
  return `${writeMarkdown(tree).trim()}\n`;
}

function noteContent(content: Element['children']): RootContent[] {
  const tree = toMdast({ type: 'root', children: content }, { handlers }) as Nodes;
  return tree.type === 'root' ? tree.children : [tree as RootContent];
}
