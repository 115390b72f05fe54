/**
 * The paragraphs of seed 000's hard-wrapped book: the blocks of the text tree (readTextTree: blank
 * lines separate paragraphs, list items stand apart), then the book's own repairs of them, each named
 * below: a paragraph goes on across a page break, after a displaced unit label and after a word the OCR
 * split off with a blank line; a heading, a moderator line or a presentation printed without a blank
 * line before it opens a paragraph of its own; a word broken at a line end is joined.
 */
import type { ListBlock, MarkdownDoc } from '../markdown-blocks';
import type { BodyLine } from '../ocr';
import { readTextTree } from '../tree/text-read';
import { endsParagraph } from '../source';
import { trailingLetters } from '../util';
import type { ProceedingsVocabulary } from './vocabulary';

export interface Para {
  n: number;
  text: string;
  lines: string[];
}

/**
 * Whether a block of short lines is running text cut by the column: at least half of its
 * breaks fall where a sentence cannot end (after a comma, "the", "of" …, or before a word
 * in lower case). A header or an address breaks at the end of each item, save a wrapped line.
 */
export function breaksMidSentence(lines: string[]): boolean {
  const mid = lines.slice(0, -1).filter((l, k) => {
    const end = l.trimEnd();
    const next = lines[k + 1]!.trimStart();
    // The next item of an enumeration ("(iv) the …", "• …") starts on its own line.
    if (/^(?:\((?:[ivx]{1,5}|[a-h])\)|[•·-])\s/.test(next)) return false;
    return /[,\-–]$/.test(end) || /^\p{Ll}/u.test(next) || CONTINUES.test(trailingLetters(end).toLowerCase());
  }).length;
  return mid * 2 >= lines.length - 1;
}
const CONTINUES = /^(?:the|a|an|and|or|of|to|in|on|for|by|with|from|at|as|that|which|its|their|this|these)$/;

/** First halves of words that take a hyphen of their own ("non-qualified", "self-employed"). */
const HYPHEN_PREFIXES = new Set([
  'non',
  'co',
  'self',
  'well',
  're',
  'pre',
  'post',
  'anti',
  'multi',
  'inter',
  'extra',
  'cross',
  'long',
  'short',
  'wide',
  'high',
  'low',
  'semi',
  'sub',
  'half',
  'ex',
  'vice',
  'socio',
  'first',
  'second',
  'third',
  'full',
  'part',
  'under',
  'over',
  'mid',
  'counter',
  'decision',
  'follow',
]);
export interface HyphenBreak {
  n: number;
  head: string;
  tail: string;
  find: string;
  replace: string;
}

interface TreeBlock {
  lines: readonly { n: number }[];
  /** For a list item: the source line of the item before it in the same list, when that item is one line. */
  afterOneLineItem?: number;
}

/** The source lines of each block of the tree in reading order: paragraphs, and list items with their sub-items. */
function* blockLines(doc: MarkdownDoc): Generator<TreeBlock> {
  function* items(list: ListBlock): Generator<TreeBlock> {
    let previous: readonly { n: number }[] | undefined;
    for (const item of list.items) {
      const lines = item.lines ?? [{ n: item.line }];
      yield { lines, ...(previous?.length === 1 ? { afterOneLineItem: previous[0]!.n } : {}) };
      previous = lines;
      if (item.sub) yield* items(item.sub);
    }
  }
  for (const block of doc.blocks) {
    if (block.t === 'list') yield* items(block);
    else if (block.t === 'para') yield { lines: block.lines ?? [{ n: block.line }] };
    else yield { lines: [{ n: block.line }] };
  }
}

/** Body lines to paragraphs: the tree's blocks, repaired as the book needs (see the top of this file). */
export function toParagraphs(body: BodyLine[], hyphenBreaks: HyphenBreak[], words: ProceedingsVocabulary): Para[] {
  const at = new Map(body.map((l, i) => [l.n, i]));
  const doc = readTextTree(body.map(({ n, text }) => ({ n, text })));
  const out: Para[] = [];
  let cur: Para | null = null;
  // A unit's numbered sub-heading ("1. Speakers").
  const subhead = (t: string) => !!words.subsection(t, 'unit')?.label;
  // Lines that always open a paragraph of their own, even without a blank line before.
  const opens = (t: string) => subhead(t) || words.afterModerator(t) !== undefined || words.opensUnit(t);
  // "(c) …" opens a presentation only after a heading or a finished sentence, not inside an enumeration.
  const opensPresentation = (t: string, c: Para) =>
    /^\(\s*[a-h@&8€](?:\s*\))?\s+\S/.test(t) && (subhead(c.text) || /[.:]\s*$/.test(c.text));
  const clean = (s: string) => s.replace(/<sup>\d+<\/sup>/g, '');
  const append = (p: Para, t: string) => {
    p.text += ` ${t}`;
    p.lines.push(t);
    cur = p;
  };
  for (const block of blockLines(doc)) {
    block.lines.forEach(({ n }, k) => {
      const i = at.get(n);
      const l = i === undefined ? undefined : body[i];
      const t = l?.text.trim();
      if (!l || !t) return;
      const afterBlank = !!body[i! - 1] && body[i! - 1]!.text.trim() === '';
      const prev = out[out.length - 1];
      const before = out[out.length - 2];
      // Repair: a paragraph goes on across a page break (and the notes at the page's foot).
      if (l.pageStart && prev && !endsParagraph(clean(prev.text)) && /^[a-z(]/.test(t)) return append(prev, t);
      // Repair: text resumed after a displaced heading ("Unit Il." in mid-sentence, anatomy §1.5.13).
      if (prev && before && words.isLoneUnit(prev.text) && /^[a-z]/.test(t) && !endsParagraph(clean(before.text)))
        return append(before, t);
      // Repair: a lowercase start after a blank line continues an unfinished paragraph (a word split off by the OCR).
      if (prev && afterBlank && /^[a-z]/.test(t) && !endsParagraph(clean(prev.text)) && !subhead(prev.text))
        return append(prev, t);
      // Repair: an item the tree opened in running text, without a blank line, is an enumeration wrapped at its
      // label ("…; (b) an approach …"); only items printed one to a line stand apart ("2. …;" / "3. …").
      const newBlock =
        k === 0 && (afterBlank || (block.afterOneLineItem !== undefined && block.afterOneLineItem === body[i! - 1]!.n));
      // Repair: a line of a block opens a paragraph of its own when it is a page's first, a heading or a presentation.
      if (cur && !newBlock && !l.pageStart && !opens(t) && !opensPresentation(t, cur)) {
        if (/[a-z]-$/.test(cur.text) && /^[a-z]/.test(t)) {
          // A word broken at the line end keeps its hyphen ("Director-General"); a likely break is offered for repair.
          const head = trailingLetters(cur.text.slice(0, -1));
          const tail = t.match(/^\p{L}+/u)?.[0] ?? '';
          if (head && tail && !HYPHEN_PREFIXES.has(head.toLowerCase()))
            hyphenBreaks.push({ n: l.n, head, tail, find: `${head}-${tail}`, replace: `${head}${tail}` });
          cur.text = `${cur.text}${t}`;
        } else cur.text = `${cur.text} ${t}`;
        cur.lines.push(t);
        return;
      }
      cur = { n: l.n, text: t, lines: [t] };
      out.push(cur);
    });
  }
  return out;
}
