/** The hard-wrapped body lines of seed 000 as paragraphs, across page breaks and OCR damage. */
import type { BodyLine } from '../ocr';
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

/** Body lines to paragraphs: blank lines separate; a page break mid-sentence does not. */
export function toParagraphs(body: BodyLine[], hyphenBreaks: HyphenBreak[], words: ProceedingsVocabulary): Para[] {
  const out: Para[] = [];
  let cur: Para | null = null;
  let blank = false;
  // Lines that always open a paragraph of their own, even without a blank line before.
  // A unit's numbered sub-heading ("1. Speakers").
  const SUBHEAD = { test: (t: string) => !!words.subsection(t, 'unit')?.label };
  const OPENS = { test: (t: string) => SUBHEAD.test(t) || words.moderator.test(t) || words.opensUnit(t) };
  // "(c) …" opens a presentation only after a heading or a finished sentence, not inside an enumeration.
  const opensPresentation = (t: string, c: Para) =>
    /^\(\s*[a-h@&8€](?:\s*\))?\s+\S/.test(t) && (SUBHEAD.test(c.text) || /[.:]\s*$/.test(c.text));
  const LONE_UNIT = { test: (t: string) => words.isLoneUnit(t) };
  for (const l of body) {
    const t = l.text.trim();
    if (!t) {
      blank = true;
      continue;
    }
    const prev = out[out.length - 1];
    const clean = (s: string) => s.replace(/<sup>\d+<\/sup>/g, '');
    if (l.pageStart && prev && !endsParagraph(clean(prev.text)) && /^[a-z(]/.test(t)) {
      cur = prev;
      cur.text += ` ${t}`;
      cur.lines.push(t);
      blank = false;
      continue;
    }
    // Text resumed after a displaced heading ("Unit Il." in mid-sentence, anatomy §1.5.13).
    const before = out[out.length - 2];
    if (prev && before && LONE_UNIT.test(prev.text) && /^[a-z]/.test(t) && !endsParagraph(clean(before.text))) {
      cur = before;
      cur.text += ` ${t}`;
      cur.lines.push(t);
      out.splice(out.length - 1, 1);
      out.push(prev);
      blank = false;
      continue;
    }
    // A lowercase start after a blank line continues an unfinished paragraph (a word split off by the OCR).
    if (prev && blank && /^[a-z]/.test(t) && !endsParagraph(clean(prev.text)) && !SUBHEAD.test(prev.text)) {
      cur = prev;
      cur.text += ` ${t}`;
      cur.lines.push(t);
      blank = false;
      continue;
    }
    if (cur && !blank && !l.pageStart && !OPENS.test(t) && !opensPresentation(t, cur)) {
      if (/[a-z]-$/.test(cur.text) && /^[a-z]/.test(t)) {
        // A word broken at the line end keeps its hyphen ("Director-General"); a likely break is offered for repair.
        const head = trailingLetters(cur.text.slice(0, -1));
        const tail = t.match(/^\p{L}+/u)?.[0] ?? '';
        if (head && tail && !HYPHEN_PREFIXES.has(head.toLowerCase()))
          hyphenBreaks.push({ n: l.n, head, tail, find: `${head}-${tail}`, replace: `${head}${tail}` });
        cur.text = `${cur.text}${t}`;
      } else cur.text = `${cur.text} ${t}`;
      cur.lines.push(t);
      continue;
    }
    cur = { n: l.n, text: t, lines: [t] };
    out.push(cur);
    blank = false;
  }
  return out;
}
