/**
 * Every warning with a source line names the part that line fell in, so the warnings
 * panel has somewhere to jump to (issue 12: 37 of seed 000's 47 warnings named no part).
 * A part runs from its heading's line to the next part's; warnings before the first part
 * (the cover) or without a line (the file as a whole) stay unattached.
 */
import { plainTextOf } from '../elements/plain-text';
import type { RawNode } from '../elements/spec';
import type { Participant } from '../model/conference';
import { type ImportContext, type ImportedPart, personKey, splitHonorific, type WarningDraft } from './result';

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
 * A passage the message cut off at either end ("…eld in El Salvador, July 19 and 20, 2007")
 * without its ellipsis and the cut word, so that it is whole words ("in El Salvador, …").
 */
function wholeWords(quoted: string): string {
  let q = quoted.trim();
  if (q.startsWith('…')) {
    const space = q.indexOf(' ');
    q = space < 0 ? '' : q.slice(space + 1);
  }
  if (q.endsWith('…')) {
    const space = q.lastIndexOf(' ');
    q = space < 0 ? '' : q.slice(0, space);
  }
  return q.trim();
}

/** A block's text as the editor shows it (notes are inner editors there) and its notes' texts. */
interface BlockText {
  text: string;
  notes: { body: string; before: string }[];
}

/** The shortest quote looked for in the notes. */
const NOTE_QUOTE_MIN = 20;

/** Stands for a note's place while the block's text is read (a character no text holds). */
const NOTE_PLACE = '\u0000';

function blockText(block: RawNode): BlockText {
  const bodies: string[] = [];
  const strip = (n: RawNode): RawNode => {
    if (n.type === 'footnote') {
      bodies.push(typeof n.text === 'string' ? n.text : '');
      return { type: 'text', text: NOTE_PLACE } as RawNode;
    }
    return Array.isArray(n.children) ? { ...n, children: (n.children as RawNode[]).map(strip) } : n;
  };
  const pieces = plainTextOf({ type: 'root', children: [strip(block)] } as RawNode).split(NOTE_PLACE);
  return {
    text: pieces.join(''),
    notes: bodies.map((body, i) => ({ body, before: pieces.slice(0, i + 1).join('') })),
  };
}

/** The last words before a note's mark (about 30 characters), where the editor can mark it. */
function wordsBefore(before: string): string | null {
  const words = before.trimEnd().split(/\s+/);
  let q = '';
  for (let i = words.length - 1; i >= 0 && (!q || q.length + words[i]!.length < QUOTE_MAX / 4); i--)
    q = q ? `${words[i]} ${q}` : words[i]!;
  return q.trim() || null;
}

/** The first block holding `q`, in the text the editor shows or, failing that, in a note (then placed at the note's mark). */
function findIn(blocks: BlockText[], q: string, notesOnly = false): { quote: string; block: number } | null {
  const i = notesOnly ? -1 : blocks.findIndex((b) => findQuote(b.text, q) >= 0);
  if (i >= 0) return { quote: q, block: i };
  // Only a passage is looked for in the notes: a label ("3.") would be found in any of them.
  if (q.length < NOTE_QUOTE_MIN) return null;
  for (let k = 0; k < blocks.length; k++)
    for (const note of blocks[k]!.notes)
      if (findQuote(note.body, q) >= 0) {
        const quote = wordsBefore(note.before);
        if (quote) return { quote, block: k };
      }
  return null;
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
    const q = wholeWords(m[1]!);
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
  const parts = flat(ctx.parts);
  const blocksOf = new Map<string, BlockText[]>();
  for (const p of parts) blocksOf.set(p.id, (p.doc.root.children as RawNode[]).map(blockText));
  dropSpentRepairs(ctx, blocksOf);
  attachByTitle(ctx.warnings, parts);
  for (const w of ctx.warnings) {
    const blocks = w.partId ? blocksOf.get(w.partId) : undefined;
    if (!blocks) {
      w.quote = null;
      w.block = null;
      continue;
    }
    let placed: { quote: string; block: number } | null = null;
    for (const q of candidates(w)) {
      placed = findIn(blocks, q);
      if (placed) break;
    }
    if (!placed) placed = placeElsewhere(w, parts, blocksOf);
    w.quote = placed?.quote ?? null;
    w.block = placed?.block ?? null;
  }
  const registry = ctx.people.list();
  for (const w of ctx.warnings) placeOutsideText(w, parts, registry);
}

/**
 * Where a warning shows when it is not about a passage it found in a part's text: the
 * conference details, an entry of the participants registry (or the registry), the first
 * recommendation (an annex generated from them), or its part's title or number (the part as a
 * whole). Only a warning with no part and none of these keeps no place.
 */
function placeOutsideText(w: WarningDraft, parts: ImportedPart[], registry: Participant[]): void {
  if (w.quote) {
    w.place = 'text';
    return;
  }
  const part = w.partId ? parts.find((p) => p.id === w.partId) : undefined;
  if (w.code === 'FRONT_MATTER_ABSENT') {
    // The cover, title page and imprint are the conference's details, not its first part's.
    w.place = 'details';
    w.partId = null;
    return;
  }
  const inList = part?.kind === 'participants' || w.code.startsWith('PARTICIPANT_');
  const entry = participantOf(w, registry, inList);
  if (entry || inList || w.key === 'annexAbsent.participants') {
    w.place = 'participant';
    w.participantId = entry?.id ?? null;
    return;
  }
  // An annex generated from the recommendations, or their table read back, concerns the recommendations.
  if (w.key === 'annexAbsent.generated' || w.key === 'recommendationsTable') {
    const first = firstRecommendation(parts);
    if (first) {
      Object.assign(w, { partId: first.part.id, quote: first.quote, block: first.block, place: 'text' });
      return;
    }
  }
  w.place = part ? 'title' : null;
}

const REGISTRY_FIELDS = ['name', 'title', 'organisation', 'country', 'group', 'role'] as const;

/**
 * The registry entry a warning concerns: the person it names (a list entry read twice), the
 * group whose heading it repaired, or the entry holding the word an OCR repair would change.
 */
function participantOf(w: WarningDraft, registry: Participant[], inList: boolean): Participant | undefined {
  const v = w.values ?? {};
  if (inList && typeof v.name === 'string') {
    const named = personKey(splitHonorific(v.name).name);
    const found = registry.find((p) => personKey(p.name) === named);
    if (found) return found;
  }
  if (inList && typeof v.letter === 'string' && typeof v.title === 'string') {
    const group = `${v.letter}. ${v.title}`;
    const found = registry.find((p) => p.group === group);
    if (found) return found;
  }
  const word = w.suggestion?.find;
  if (word) return registry.find((p) => REGISTRY_FIELDS.some((f) => findQuote(p[f], word) >= 0));
  return undefined;
}

/** The first item of the first list of recommendations, as a quote the editor can mark. */
function firstRecommendation(parts: ImportedPart[]): { part: ImportedPart; block: number; quote: string } | null {
  for (const part of parts) {
    const blocks = part.doc.root.children as RawNode[];
    const block = blocks.findIndex(
      (b) =>
        (b.type === 'list' || b.type === 'table') && (b.$ as { role?: string } | undefined)?.role === 'recommendations',
    );
    if (block < 0) continue;
    const quote = blockText(blocks[block]!).text.trim().split(/\s+/).slice(0, 8).join(' ').slice(0, QUOTE_MAX);
    if (quote) return { part, block, quote };
  }
  return null;
}

/**
 * A warning whose words are not in its part: a note at the foot of a page the next part began
 * on belongs to the part before; a note attached far from its line (an endnote placed by its
 * words), or the passage the parser quoted, is wherever the text holds it. Moves the warning
 * to that part.
 */
function placeElsewhere(
  w: WarningDraft,
  parts: ImportedPart[],
  blocksOf: Map<string, BlockText[]>,
): { quote: string; block: number } | null {
  const own = parts.findIndex((p) => p.id === w.partId);
  // The parser's own quote and a repair's word are looked for in the text too; the message's passages only in notes.
  const explicit = new Set([w.quote, w.suggestion?.find].filter((q): q is string => !!q));
  const order = [parts[own - 1], ...parts.filter((_, i) => i !== own && i !== own - 1)].filter(
    (p): p is ImportedPart => !!p,
  );
  for (const p of order) {
    const blocks = blocksOf.get(p.id)!;
    for (const q of candidates(w)) {
      const placed = findIn(blocks, q, !explicit.has(q));
      if (placed) {
        w.partId = p.id;
        return placed;
      }
    }
  }
  return null;
}

/**
 * An OCR repair of a word that no part's text and no participant entry holds any more is
 * dropped: the import itself read it right ("M oder ator:" became the moderator, "Repr
 * esentative:" a role), so accepting it could change nothing.
 */
function dropSpentRepairs(ctx: ImportContext, blocksOf: Map<string, BlockText[]>): void {
  const registry = ctx.people
    .list()
    .map((p) => [p.name, p.title, p.organisation, p.country, p.group, p.role].join('\n'));
  const texts = [...[...blocksOf.values()].flat().flatMap((b) => [b.text, ...b.notes.map((n) => n.body)]), ...registry];
  const spent = (w: WarningDraft) =>
    w.code === 'OCR_REPAIR' && w.suggestion !== null && !texts.some((t) => findQuote(t, w.suggestion!.find) >= 0);
  const kept = ctx.warnings.filter((w) => !spent(w));
  ctx.warnings.splice(0, ctx.warnings.length, ...kept);
}

/**
 * A warning raised before the first part (the table of contents, the cover) that quotes a
 * part's title concerns that part: “the heading reads “…”” names the part whose title it is.
 */
function attachByTitle(warnings: WarningDraft[], parts: ImportedPart[]): void {
  const byTitle = new Map<string, string>();
  for (const p of parts) if (!byTitle.has(p.title)) byTitle.set(p.title, p.id);
  for (const w of warnings) {
    if (w.partId !== null) continue;
    for (const q of candidates(w)) {
      const id = byTitle.get(q) ?? byTitle.get(q.replace(/^(?:[IVXLC]+|\d+|[a-z])\.\s+/, ''));
      if (id) {
        w.partId = id;
        break;
      }
    }
  }
}
