/** The conclusions of the annexed final report (E-CONC) as numbered lists, their lost numbers counted back. */
import type { DocNode } from '../../model/doc-nodes';
import { list, type ListItemInput } from '../nodes';

const inlineText = (n: DocNode): string =>
  n.type === 'text'
    ? n.text
    : 'children' in n && Array.isArray(n.children)
      ? (n.children as DocNode[]).map(inlineText).join('')
      : '';
const SUB_ROMAN = /^\((?:[ivxl]+|ii?f)\)\s*/;

/**
 * The groups of conclusions (A., B. under "Conclusions") as numbered lists (E-CONC). Most
 * items lost their numbers in the OCR; how many there are is known from the highest
 * number left, inline or stranded. Bullets, a lead-in and an "(i) … (ix)" list that
 * follow an item belong to it; paragraphs after the last item are the group's closing.
 */
export function shapeConclusions(nodes: DocNode[]): DocNode[] {
  const out: DocNode[] = [];
  let inConclusions = false;
  for (let i = 0; i < nodes.length; ) {
    const n = nodes[i]!;
    if (n.type === 'heading' && n.tag === 'h1') inConclusions = /^(?:[IVX]+\.\s*)?Conclusions$/i.test(inlineText(n));
    if (!(inConclusions && n.type === 'heading' && n.tag === 'h2')) {
      if (n.type !== ('x-stranded' as string)) out.push(n);
      i++;
      continue;
    }
    out.push(n);
    let j = i + 1;
    while (j < nodes.length && nodes[j]!.type !== 'heading') j++;
    out.push(...conclusionGroup(nodes.slice(i + 1, j)));
    i = j;
  }
  return out;
}

function conclusionGroup(group: DocNode[]): DocNode[] {
  const numbers = group.flatMap((n) => {
    if (n.type === ('x-stranded' as string)) return [(n as unknown as { value: number }).value];
    const m = n.type === 'paragraph' ? inlineText(n).match(/^(\d{1,2})\.\s/) : null;
    return m ? [Number(m[1])] : [];
  });
  const expected = Math.max(0, ...numbers);
  const body = group.filter((n) => n.type !== ('x-stranded' as string));
  if (!expected) return body;
  const out: DocNode[] = [];
  const items: ListItemInput[] = [];
  let sub: ListItemInput[] = [];
  const flushSub = () => {
    // Right after a lead-in paragraph the sub-list stands on its own: a list does not begin with a nested one.
    if (sub.length && !items.length) out.push(list(true, sub, { numberFormat: 'lower-roman-paren' }));
    else if (sub.length)
      items.push({ children: [list(true, sub, { numberFormat: 'lower-roman-paren', depth: 1 })], nestedOnly: true });
    sub = [];
  };
  let k = 0;
  // The lead-in ("… made reference to the following points:") stays a paragraph.
  while (k < body.length && body[k]!.type === 'paragraph' && /:\s*$/.test(inlineText(body[k]!)) && !items.length)
    out.push(body[k++]!);
  let closing = false;
  /** Items numbered so far in the group, and the number the current list starts at. */
  let numberedSoFar = 0;
  let listStart = 1;
  for (; k < body.length; k++) {
    const n = body[k]!;
    const text = n.type === 'paragraph' ? inlineText(n) : '';
    if (closing) {
      out.push(n);
      continue;
    }
    if (n.type === 'list' && numberedSoFar > 0) {
      flushSub();
      items.push({ children: [nestAt(n, 1)], nestedOnly: true });
      continue;
    }
    if (n.type === 'paragraph' && numberedSoFar > 0 && SUB_ROMAN.test(text)) {
      // Short lines kept as one block may hold several "(viii) …" items: one per line that starts with a label.
      let piece: DocNode[] = [];
      const kids = (n as { children: DocNode[] }).children;
      kids.forEach((c, idx) => {
        const nextNode = kids[idx + 1];
        if (c.type === 'linebreak' && nextNode && SUB_ROMAN.test(inlineText(nextNode))) {
          sub.push({ children: stripLabel(piece, SUB_ROMAN) });
          piece = [];
        } else piece.push(c);
      });
      if (piece.length) sub.push({ children: stripLabel(piece, SUB_ROMAN) });
      continue;
    }
    if (n.type === 'paragraph' && numberedSoFar > 0 && /:\s*$/.test(text)) {
      // A lead-in after an item's sub-list ("These undertakings could entail the following:") stays after it:
      // the list stops there and goes on after the paragraph, numbered on.
      flushSub();
      out.push(list(true, items.splice(0), { role: 'conclusions', numberFormat: 'decimal', start: listStart }));
      listStart = numberedSoFar + 1;
      out.push(n);
      continue;
    }
    if (n.type === 'paragraph' && numberedSoFar < expected) {
      flushSub();
      items.push({ children: stripLabel((n as { children: DocNode[] }).children, /^\d{1,2}\.\s*/) });
      numberedSoFar++;
      continue;
    }
    flushSub();
    if (items.length) {
      out.push(list(true, items.splice(0), { role: 'conclusions', numberFormat: 'decimal', start: listStart }));
    }
    closing = true;
    out.push(n);
  }
  flushSub();
  if (items.length) out.push(list(true, items, { role: 'conclusions', numberFormat: 'decimal', start: listStart }));
  return out;
}

/** A list moved under an item: its items take the depth as indent (Lexical's serialization). */
function nestAt(n: DocNode, depth: number): DocNode {
  if (n.type !== 'list') return n;
  return { ...n, children: n.children.map((li) => (li.type === 'listitem' ? { ...li, indent: depth } : li)) };
}

function stripLabel(children: DocNode[], label: RegExp): DocNode[] {
  const [first, ...rest] = children;
  if (first && first.type === 'text') return [{ ...first, text: first.text.replace(label, '') }, ...rest];
  return children;
}
