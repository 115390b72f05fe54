/**
 * What is particular to mammoth's HTML of a .docx, repaired on its hast tree before it
 * becomes mdast: the bodies of footnotes and endnotes (an `<ol>` of `<li id="footnote-N">`
 * at the end, each with a back-reference "↑"), and table cells, whose paragraphs are one
 * line of a pipe table.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** mammoth's ids of a note body and of its reference: footnote-3, endnote-12. */
export const NOTE_ID = /^(?:foot|end)note-\d{1,9}$/;
const NOTE_BACK_REF = /^#(?:foot|end)note-ref-\d{1,9}$/;

export interface NoteBody {
  id: string;
  content: ElementContent[];
}

const isElement = (n: RootContent | Root): n is Element => n.type === 'element';

/**
 * Takes the note bodies out of the tree (with their back-references removed) and drops the
 * lists that held only them. Walks with an explicit stack, not recursion: the tree is anyone's.
 */
export function takeNoteBodies(tree: Root): NoteBody[] {
  const notes: NoteBody[] = [];
  const stack: (Root | Element)[] = [tree];
  while (stack.length) {
    const parent = stack.pop()!;
    let changed = false;
    const kept: (typeof parent.children)[number][] = [];
    for (const child of parent.children) {
      if (isElement(child) && child.tagName === 'li' && NOTE_ID.test(String(child.properties.id ?? ''))) {
        notes.push({ id: String(child.properties.id), content: withoutBackRefs(child.children) });
        changed = true;
        continue;
      }
      kept.push(child);
      if (isElement(child)) stack.push(child);
    }
    if (changed) parent.children = kept as typeof parent.children;
  }
  dropEmptyLists(tree);
  // The walk meets them in no particular order; the document's is by number.
  return notes.sort((a, b) => noteNumber(a.id) - noteNumber(b.id) || a.id.localeCompare(b.id));
}

const noteNumber = (id: string) => Number(id.slice(id.lastIndexOf('-') + 1));

function withoutBackRefs(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const n of nodes) {
    if (n.type === 'element' && n.tagName === 'a' && NOTE_BACK_REF.test(String(n.properties.href ?? ''))) continue;
    if (n.type === 'element') out.push({ ...n, children: withoutBackRefs(n.children) });
    else out.push(n);
  }
  return out;
}

function dropEmptyLists(tree: Root): void {
  const stack: (Root | Element)[] = [tree];
  while (stack.length) {
    const parent = stack.pop()!;
    const kept = parent.children.filter(
      (c) =>
        !(
          isElement(c) &&
          (c.tagName === 'ol' || c.tagName === 'ul') &&
          c.children.every((k) => k.type === 'text' && !k.value.trim())
        ),
    );
    if (kept.length !== parent.children.length) parent.children = kept as typeof parent.children;
    for (const c of parent.children) if (isElement(c)) stack.push(c);
  }
}

/** The footnote a `<sup>` stands for when it is mammoth's reference to a note (`<sup><a href="#footnote-N">[N]</a></sup>`). */
export function noteReferenceOf(sup: Element): string | null {
  const inner = sup.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  const a = inner[0];
  if (inner.length !== 1 || !a || a.type !== 'element' || a.tagName !== 'a') return null;
  const href = String(a.properties.href ?? '');
  return href.startsWith('#') && NOTE_ID.test(href.slice(1)) ? href.slice(1) : null;
}

const BLOCK_IN_CELL = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tbody',
  'thead',
  'tr',
  'td',
  'th',
  'blockquote',
]);

/**
 * A cell of a pipe table is one line: the paragraphs, lists and tables inside a cell become
 * its runs, separated by a space (a nested table by its text, as before).
 */
export function flattenCells(tree: Root): void {
  const stack: (Root | Element)[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    for (const c of node.children) {
      if (!isElement(c)) continue;
      if (c.tagName === 'td' || c.tagName === 'th') c.children = inlineRuns(c.children);
      else stack.push(c);
    }
  }
}

function inlineRuns(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  // Depth-first with an explicit stack of what is left to read.
  const todo: ElementContent[] = [...nodes].reverse();
  while (todo.length) {
    const n = todo.pop()!;
    if (n.type === 'element' && BLOCK_IN_CELL.has(n.tagName)) {
      todo.push({ type: 'text', value: ' ' });
      for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]!);
    } else if (n.type === 'element' && n.tagName === 'br') out.push({ type: 'text', value: ' ' });
    else out.push(n);
  }
  return out;
}
