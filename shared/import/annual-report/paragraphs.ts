/**
 * The paragraphs of an annual report exported from Word as text, from the text tree's blocks.
 * Word writes one paragraph per line, so a block of several lines (CommonMark joins lines
 * that follow each other, and takes a line after a list item as its continuation) is
 * several paragraphs: each block's source lines are its paragraphs. Rules over them, in order:
 * the endnotes after the body are set apart, a lone outline label ("iv." on its own line)
 * opens the paragraph after it, and a line broken at a lost reference mark is mended.
 */
import type { Block, ListEntry } from '../markdown-blocks';
import type { SourceLine } from '../source';
import { endsParagraph } from '../source';
import { type Endnote, type Para, endnoteOpening, noteText, stripFieldCodes } from './endnotes';

/** A source paragraph: its line as written, and how many blank lines come before it. */
interface Line extends SourceLine {
  blank: number;
}

/** An outline label alone: "I.", "E.1.", "iv.", "b.", "4.", "2)". */
const LONE_LABEL = /^\s*((?:[IVX]+|[A-H](?:\.\d)?|\d{1,2}|[ivx]{1,4}|[a-h])[.)]|\d{1,2}\))\s*$/;
/** A label that opens a paragraph: not a continuation, even in lower case ("ii. Digital library"). */
const OPENING_LABEL = /^(?:[ivx]{1,4}|[a-h])[.)]\s/;

export function readParagraphs(blocks: Block[]): { paras: Para[]; notes: Endnote[] } {
  const { body, notes } = splitEndnotes(blocks.flatMap(linesOf));
  return { paras: mendBrokenLines(joinLoneLabels(body)), notes };
}

/** A block's source lines as written (a list item's with its marker), in order. */
function linesOf(b: Block): Line[] {
  const written: SourceLine[] =
    b.t === 'para'
      ? (b.lines ?? [{ n: b.line, text: b.text }])
      : b.t === 'list'
        ? b.items.flatMap(entryLines)
        : b.t === 'table'
          ? b.rows.map((r, i) => ({ n: b.line + i, text: r.join(' ') }))
          : [{ n: b.line, text: b.text }];
  const seen = new Set<number>();
  return written
    .filter((l) => l.text.trim() && !seen.has(l.n) && seen.add(l.n))
    .sort((a, c) => a.n - c.n)
    .map((l, i) => ({ ...l, blank: i === 0 && b.t === 'para' ? (b.blankBefore ?? 0) : 0 }));
}

const entryLines = (e: ListEntry): SourceLine[] => [
  ...(e.lines ?? [{ n: e.line, text: `${e.marker} ${e.text}` }]),
  ...(e.sub?.items.flatMap(entryLines) ?? []),
];

/** From the first endnote on, every paragraph is an endnote or the continuation of one. */
function splitEndnotes(lines: Line[]): { body: Line[]; notes: Endnote[] } {
  const first = lines.findIndex((l) => endnoteOpening(l.text) !== null);
  if (first < 0) return { body: lines, notes: [] };
  const notes: Endnote[] = [];
  for (const l of lines.slice(first)) {
    const opening = endnoteOpening(l.text);
    if (opening !== null) notes.push({ text: opening, line: l.n });
    else notes[notes.length - 1]!.text += ` ${noteText(l.text)}`;
  }
  return { body: lines.slice(0, first), notes };
}

/** A label on a line of its own opens the paragraph after it ("iv." + "Resolution of …"). */
function joinLoneLabels(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && LONE_LABEL.test(prev.text) && !LONE_LABEL.test(l.text)) {
      prev.text = `${prev.text.trim()} ${l.text.trim()}`;
      continue;
    }
    out.push({ ...l });
  }
  return out;
}

/**
 * A line broken where a reference mark was lost: the rest opens with a space and a small
 * letter or "(", or with the "." or ")" that followed the mark; it continues the paragraph,
 * and the break is a trace where an endnote belongs. A paragraph that breaks off without
 * ending (no closing punctuation) and goes on in small letters after a blank line continues
 * too, with no trace.
 */
function mendBrokenLines(lines: Line[]): Para[] {
  const out: Para[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const t = l.text.trimEnd();
    const rest = t.trimStart();
    if (prev && (/^ [a-z(]/.test(t) || /^[.)]/.test(rest))) {
      prev.traces.push(prev.text.length);
      prev.text += /^[.)]/.test(rest) ? stripFieldCodes(rest) : ` ${stripFieldCodes(rest)}`;
      continue;
    }
    if (prev && l.blank > 0 && /^[a-z]/.test(rest) && !OPENING_LABEL.test(rest) && !endsParagraph(prev.text)) {
      prev.text += ` ${stripFieldCodes(rest)}`;
      continue;
    }
    out.push({ n: l.n, text: stripFieldCodes(rest), traces: [] });
  }
  return out;
}
