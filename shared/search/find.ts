/**
 * Find and replace on a part's Lexical JSON: plain words, match case, whole word, regular
 * expressions. Pure (no Node, no DOM): the services replace across the conference with it and
 * the editor finds with the same rules.
 *
 * Text is matched a block at a time (a paragraph's runs joined), so "whole word" sees the
 * letters of the neighbouring runs; a hit is kept only when it lies inside one run of text,
 * so a replacement never merges two runs of different formatting and every other node
 * (people, links' addresses, figures' pictures) survives as it was. Text a node keeps in its
 * own fields (a footnote, a figure's caption and source, a run-in label) is matched as a
 * block of its own.
 */
import type { LexicalDoc } from '../model/conference';
import { accentInsensitiveSource } from '../i18n/fold';
import { appError } from '../i18n/app-error';

export interface FindOptions {
  query: string;
  matchCase: boolean;
  wholeWord: boolean;
  regex: boolean;
}

export const MAX_QUERY_LENGTH = 500;
/** How long one find may run over a conference before it is stopped (ms). */
export const FIND_TIME_BUDGET_MS = 3000;
/** Letters and digits around a hit before whole word refuses it. */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';
/** Stands for a node inside a block that is not text (a footnote's mark, a person, a line break). */
const OBJECT = '\uFFFC';

export interface CompiledFind {
  re: RegExp;
  options: FindOptions;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * A quantified group that itself contains a quantifier ("(a+)+", "(\w*\s?)*") can backtrack
 * for minutes on a long paragraph, and JavaScript cannot interrupt one match: refused up front.
 */
export function hasNestedQuantifier(source: string): boolean {
  const stack: boolean[] = [];
  let quantifiedInside = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // a character class: skip to its end
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '(') {
      stack.push(quantifiedInside);
      quantifiedInside = false;
      continue;
    }
    if (c === ')') {
      const next = source[i + 1];
      if (quantifiedInside && (next === '+' || next === '*' || next === '{')) return true;
      const outer = stack.pop() ?? false;
      quantifiedInside = outer || quantifiedInside;
      continue;
    }
    if (c === '+' || c === '*' || c === '{') quantifiedInside = true;
  }
  return false;
}

/** The options as one regular expression; a clear AppError for anything that cannot or should not run. */
export function compileFind(options: FindOptions): CompiledFind {
  const { query, matchCase, wholeWord, regex } = options;
  if (!query) throw appError('INVALID_INPUT', 'search.emptyQuery');
  if (query.length > MAX_QUERY_LENGTH) throw appError('INVALID_INPUT', 'search.tooLong', { max: MAX_QUERY_LENGTH });
  // Without match case, accents are ignored too ("Perez" finds "Pérez"), as conference search does.
  let source = regex ? query : matchCase ? escapeRegExp(query) : accentInsensitiveSource(query);
  if (regex && hasNestedQuantifier(query)) throw appError('INVALID_INPUT', 'search.nestedQuantifier');
  if (wholeWord) source = `(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})`;
  let re: RegExp;
  try {
    re = new RegExp(source, matchCase ? 'gu' : 'giu');
  } catch (err) {
    throw appError('INVALID_INPUT', 'search.badPattern', {
      reason: (err as Error).message.replace(/^Invalid regular expression: /, ''),
    });
  }
  if (regex && new RegExp(re.source, re.flags.replace('g', '')).test(''))
    throw appError('INVALID_INPUT', 'search.matchesEmpty');
  return { re, options };
}

/** A hit inside a block: which segment (a run of text) and where in it. */
export interface SegmentMatch {
  segment: number;
  start: number;
  end: number;
  match: RegExpExecArray;
  blockStart: number;
}

/** Stops a find that runs too long (checked between matches). */
export class Deadline {
  private readonly until: number;
  constructor(ms = FIND_TIME_BUDGET_MS) {
    this.until = Date.now() + ms;
  }
  check(): void {
    if (Date.now() > this.until) throw appError('INVALID_INPUT', 'search.tooSlow');
  }
}

/**
 * Matches in one block given as its segments in order: a string for a run of text, null for
 * any other inline node. Only hits inside a single run are returned, in order.
 */
export function matchSegments(
  find: CompiledFind,
  segments: (string | null)[],
  deadline?: Deadline,
): { text: string; matches: SegmentMatch[] } {
  const starts: number[] = [];
  let text = '';
  for (const s of segments) {
    starts.push(text.length);
    text += s ?? OBJECT;
  }
  const re = new RegExp(find.re.source, find.re.flags);
  const matches: SegmentMatch[] = [];
  let seg = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    deadline?.check();
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const at = m.index;
    while (seg + 1 < segments.length && starts[seg + 1]! <= at) seg++;
    const s = segments[seg];
    const end = at + m[0].length;
    if (typeof s === 'string' && end <= starts[seg]! + s.length) {
      matches.push({ segment: seg, start: at - starts[seg]!, end: end - starts[seg]!, match: m, blockStart: at });
    }
  }
  return { text, matches };
}

/** The replacement for one hit: literal, or with $&, $1…$99, $<name> and $$ when finding by regular expression. */
export function replacementFor(find: CompiledFind, replacement: string, m: RegExpExecArray): string {
  if (!find.options.regex) return replacement;
  return replacement.replace(/\$(\$|&|\d{1,2}|<([^>]+)>)/g, (all, what: string, name?: string) => {
    if (what === '$') return '$';
    if (what === '&') return m[0];
    if (name !== undefined) return m.groups?.[name] ?? all;
    const n = Number(what);
    return n > 0 && n < m.length ? (m[n] ?? '') : all;
  });
}

// ---- on a part's Lexical JSON ----

type JsonNode = Record<string, unknown> & { type?: unknown; text?: unknown; children?: unknown };
/** A place that holds text: a field of a node (a run's `text`, a figure's `caption`…). */
interface Slot {
  node: JsonNode;
  field: string;
}
/** Inline elements whose text flows inside the surrounding block. */
const INLINE_ELEMENTS = new Set(['link', 'autolink']);
/** Text kept in a node's own fields, each matched as a block of its own (footnotes, captions, labels). */
const TEXT_FIELDS: Record<string, string[]> = {
  footnote: ['text'],
  figure: ['caption', 'source', 'alt'],
  epigraph: ['attribution'],
  'run-in': ['label'],
  'delegation-statement': ['delegation'],
};
const fieldSlots = (n: JsonNode): Slot[] =>
  (TEXT_FIELDS[n.type as string] ?? [])
    .filter((f) => typeof n[f] === 'string' && n[f] !== '')
    .map((field) => ({ node: n, field }));

/** The blocks of a document in order, each as its inline slots (text, or null for any other inline node). */
function blocksOf(root: JsonNode): (Slot | null)[][] {
  const blocks: (Slot | null)[][] = [];
  const visit = (el: JsonNode) => {
    for (const f of fieldSlots(el)) blocks.push([f]);
    let current: (Slot | null)[] = [];
    let own: Slot[] = [];
    const flush = () => {
      if (current.some((s) => s)) blocks.push(current);
      for (const f of own) blocks.push([f]);
      current = [];
      own = [];
    };
    const inline = (n: JsonNode) => {
      if (n.type === 'text' && typeof n.text === 'string') current.push({ node: n, field: 'text' });
      else if (typeof n.type === 'string' && INLINE_ELEMENTS.has(n.type) && Array.isArray(n.children))
        (n.children as JsonNode[]).forEach(inline);
      else {
        current.push(null);
        own.push(...fieldSlots(n));
      }
    };
    for (const c of (el.children as JsonNode[] | undefined) ?? []) {
      const isBlock = Array.isArray(c.children) && !(typeof c.type === 'string' && INLINE_ELEMENTS.has(c.type));
      if (isBlock) {
        flush();
        visit(c);
      } else inline(c);
    }
    flush();
  };
  visit(root);
  return blocks;
}

const textsOf = (block: (Slot | null)[]) => block.map((s) => (s ? (s.node[s.field] as string) : null));

export interface DocHit {
  /** Its place among the document's hits (in order), the key for replacing exactly this one. */
  index: number;
  before: string;
  match: string;
  after: string;
  /** What it would become. */
  replacement: string;
}

const CONTEXT = 48;
const readable = (s: string) => s.replace(/\uFFFC/g, ' ').replace(/\s+/g, ' ');

/** Every hit in a document, with the words around it. */
export function findInDoc(doc: LexicalDoc, find: CompiledFind, replacement: string, deadline?: Deadline): DocHit[] {
  const hits: DocHit[] = [];
  for (const block of blocksOf(doc.root as unknown as JsonNode)) {
    const { text, matches } = matchSegments(find, textsOf(block), deadline);
    for (const h of matches) {
      const end = h.blockStart + h.match[0].length;
      hits.push({
        index: hits.length,
        before: readable(
          (h.blockStart > CONTEXT ? '…' : '') + text.slice(Math.max(0, h.blockStart - CONTEXT), h.blockStart),
        ),
        match: h.match[0],
        after: readable(text.slice(end, end + CONTEXT) + (end + CONTEXT < text.length ? '…' : '')),
        replacement: replacementFor(find, replacement, h.match),
      });
    }
  }
  return hits;
}

/**
 * The document with exactly the hits whose indexes are in `which` replaced (all when null);
 * the input is not changed. `count` is how many were replaced.
 */
export function replaceInDoc(
  doc: LexicalDoc,
  find: CompiledFind,
  replacement: string,
  which: ReadonlySet<number> | null,
  deadline?: Deadline,
): { doc: LexicalDoc; count: number } {
  const copy = JSON.parse(JSON.stringify(doc)) as LexicalDoc;
  let index = 0;
  let count = 0;
  for (const block of blocksOf(copy.root as unknown as JsonNode)) {
    const { matches } = matchSegments(find, textsOf(block), deadline);
    const chosen = matches.filter(() => {
      const i = index++;
      return which === null || which.has(i);
    });
    // From the last to the first, so the offsets of the earlier ones in a run stay valid.
    for (const h of chosen.reverse()) {
      const slot = block[h.segment]!;
      const t = slot.node[slot.field] as string;
      const by = replacementFor(find, replacement, h.match);
      if (by === h.match[0]) continue; // nothing would change: neither done nor counted
      slot.node[slot.field] = t.slice(0, h.start) + by + t.slice(h.end);
      count++;
    }
  }
  return { doc: count ? copy : doc, count };
}
