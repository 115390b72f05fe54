/**
 * Every warning with a source line names the part that line fell in, so the warnings
 * panel has somewhere to jump to (issue 12: 37 of seed 000's 47 warnings named no part).
 * A part runs from its heading's line to the next part's; warnings before the first part
 * (the cover) or without a line (the file as a whole) stay unattached.
 */
import { plainTextOf } from '../elements/plain-text';
import type { RawNode } from '../elements/spec';
import type { ImportContext, ImportedPart, WarningDraft } from './result';

export function attachWarningsToParts(ctx: ImportContext): void {
  const flat = (ps: ImportedPart[]): ImportedPart[] => ps.flatMap((p) => [p, ...flat(p.children)]);
  const starts = flat(ctx.parts)
    .filter((p) => p.line !== null)
    .sort((a, b) => a.line! - b.line!);
  if (!starts.length) return;
  for (const w of ctx.warnings) {
    if (w.partId !== null || w.line === null) continue;
    // The last part starting at or before the line (binary search: imports can hold thousands of parts).
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]!.line! <= w.line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found >= 0) w.partId = starts[found]!.id;
  }
}

/** Longest quote stored with a warning: enough to find the place, short enough to show. */
const QUOTE_MAX = 120;

const WORD_START = /^[\p{L}\p{N}]/u;
const WORD_END = /[\p{L}\p{N}]$/u;

/** Where `needle` stands in `text`: as a whole word when it is a word (an OCR repair's "socia" is not inside "social"). */
export function findQuote(text: string, needle: string): number {
  if (!needle) return -1;
  const word = WORD_START.test(needle) && WORD_END.test(needle);
  if (!word) return text.indexOf(needle);
  // No pattern built from the text: a whole word is an occurrence with no letter or digit on either side.
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text.slice(Math.max(0, at - 2), at);
    const after = text.slice(at + needle.length, at + needle.length + 2);
    if (!WORD_END.test(before) && !WORD_START.test(after)) return at;
  }
  return -1;
}

/** "Unit 3." → "Unit 3" (a loop: a pattern anchored at the end backtracks over long runs). */
function withoutTrailingPunctuation(q: string): string {
  let end = q.length;
  while (end > 0 && '.:;,'.includes(q[end - 1]!)) end -= 1;
  return q.slice(0, end);
}

/**
 * The words a warning is about, most telling first: the quote it was raised with, the word an
 * OCR repair would change, then the passages its message quotes (“…”), shortened when the
 * message cut them off.
 */
function candidates(w: WarningDraft): string[] {
  const out: string[] = [];
  if (w.quote) out.push(w.quote);
  if (w.suggestion) out.push(w.suggestion.find);
  // An opening quote ends a run too, so that a scan from each “ stops at the next one (linear).
  for (const m of w.message.matchAll(/“([^“”]{2,})”/g)) {
    const q = m[1]!.replace(/…$/, '').trim();
    // A label quoted with its punctuation ("Unit 3.") is looked for without it too.
    out.push(q, withoutTrailingPunctuation(q));
  }
  return out.filter((q) => q.length >= 2).map((q) => q.slice(0, QUOTE_MAX));
}

/**
 * Gives each warning of a part the place in that part's text it concerns: a short quote and
 * the index of the top-level block holding it, which the editor marks (never in the
 * document, so no export can print it). A warning whose words are not in its part's text
 * keeps no quote and concerns the part as a whole.
 */
export function placeWarningsInText(ctx: ImportContext): void {
  const flat = (ps: ImportedPart[]): ImportedPart[] => ps.flatMap((p) => [p, ...flat(p.children)]);
  const blocksOf = new Map<string, string[]>();
  for (const p of flat(ctx.parts))
    blocksOf.set(
      p.id,
      (p.doc.root.children as RawNode[]).map((b) => plainTextOf({ type: 'root', children: [b] } as RawNode)),
    );
  for (const w of ctx.warnings) {
    const blocks = w.partId ? blocksOf.get(w.partId) : undefined;
    if (!blocks) {
      w.quote = null;
      w.block = null;
      continue;
    }
    let placed: { quote: string; block: number } | null = null;
    for (const q of candidates(w)) {
      const i = blocks.findIndex((text) => findQuote(text, q) >= 0);
      if (i >= 0) {
        placed = { quote: q, block: i };
        break;
      }
    }
    w.quote = placed?.quote ?? null;
    w.block = placed?.block ?? null;
  }
}
