/**
 * The body of one part of an annual activity report, paragraph by paragraph, as its hand-typed
 * labels print it: a label and a title make a heading, nested as the labels' families nest;
 * labels in sequence make a list whose items keep their printed numbering (upper and lower
 * roman, capital letters, explicit values); a lettered item may open with a run-in head. Then
 * the template's run-in heads, a clause quoted on its own, headings in capitals and short
 * title lines; everything else is a paragraph.
 */
import { fold } from '../../i18n/fold';
import type { DocNode, NumberFormat } from '../../model/doc-nodes';
import type { Template } from '../../templates/schema';
import { listNode } from '../block-nodes';
import { type InlineOptions, parseInline, plainInline } from '../inline';
import type { ListBlock } from '../markdown-blocks';
import { heading, list, paragraph, quote, runIn, text } from '../nodes';
import { mentionsPhrase, runInHeadOf } from '../template-rules';
import { romanValue, titleCase } from '../util';
import type { Para } from './endnotes';

/** What a part's body is read with, and what it reports. */
export interface BodyReading {
  template: Template | undefined;
  inline: InlineOptions;
  /** Inside an implementing body or one of its offices: "A." there is an item, not a heading. */
  inImplementer: boolean;
  /** A heading in capitals was read ("2008 ACTIVITIES"). */
  onCapitalsHeading(plain: string, line: number): void;
  /** The text refers to an annex the file does not carry. */
  onAbsentAnnex(quote: string, line: number): void;
}

/** A label and its text: "1.", "1)", "IV.", "iv.", "b.", "A." (the last only as an implementer's item). */
const LABELLED = /^(\d{1,2}[.)]|[IVX]+\.|[ivx]{1,4}\.|[a-h]\.|[A-H]\.)\s+(\S.*|)$/;

/** A label's family: items continue a list only within one ("ii." after "i.", not after "h."). */
const familyOf = (m: string): string =>
  /^\d/.test(m)
    ? `d${m.slice(-1)}`
    : /^[IVX]+\.$/.test(m)
      ? 'R'
      : /^[ivx]+\.$/.test(m)
        ? 'r'
        : /^[A-H]\./.test(m)
          ? 'A'
          : 'a';

const valueOf = (m: string): number => {
  const core = m.slice(0, -1);
  const f = familyOf(m);
  if (f === 'R' || f === 'r') return romanValue(core);
  if (f === 'A' || f === 'a') return core.toLowerCase().charCodeAt(0) - 96;
  return Number(core);
};

const FORMAT: Record<string, NumberFormat> = { R: 'upper-roman', r: 'lower-roman', A: 'upper-alpha' };
const CAPITALS = 'capitals';

export class PartBody {
  private readonly nodes: DocNode[] = [];
  private open: ListBlock | null = null;
  private readonly levels = new HeadingLevels();
  /** The last upper-roman item ("IV."): the next label in its sequence continues it, even after text between. */
  private lastRoman = 0;

  constructor(private readonly reading: BodyReading) {}

  /** Reads paragraph `p`; `next` is the one after it (labels in sequence make a list). */
  read(p: Para, next: Para | undefined): void {
    const { inline, template } = this.reading;
    const t = p.text;
    const plain = plainInline(t);
    // "A.  Program objectives:" outside the implementing bodies: a heading of its section.
    const lettered = plain
      .trimEnd()
      .replace(/:$/, '')
      .trimEnd()
      .match(/^([A-H])\.\s+(\S.{2,79})$/);
    if (lettered && !this.reading.inImplementer && !/\.\s*$/.test(lettered[2]!)) {
      this.heading('A', parseInline(lettered[2]!, inline));
      return;
    }
    const bullet = t.match(/^·\s*(\S.*|)$/);
    if (bullet) {
      this.item(false, '-', bullet[1]!, p.n);
      return;
    }
    const num = t.match(LABELLED);
    if (num && (!/^[A-H]/.test(num[1]!) || this.reading.inImplementer)) {
      this.labelled(num[1]!, num[2]!, p.n, next?.text.match(LABELLED)?.[1]);
      return;
    }
    this.flushList();
    if (isQuoted(plain)) {
      this.nodes.push(quote(parseInline(t, inline)));
      return;
    }
    const head = runInOf(template, t);
    if (head) {
      this.nodes.push(runIn(head.label, parseInline(head.rest, inline)));
      return;
    }
    if (/^[A-Z0-9][A-Z0-9 ,-]{3,60}$/.test(plain) && /[A-Z]{3}/.test(plain)) {
      this.reading.onCapitalsHeading(plain, p.n);
      this.heading(CAPITALS, [text(titleCase(plain))]);
      return;
    }
    // A short line with no closing punctuation is a title, unless it leads into bullets in words of a sentence
    // ("PROPOSALS, some for which funds are sought"); in title case it is one there too ("Migration Management and Policies").
    if (
      plain.length < 90 &&
      !/[.:;,]$/.test(plain) &&
      /^[A-Z]/.test(plain) &&
      next &&
      (!/^·/.test(next.text) || isTitleCase(plain))
    ) {
      this.heading('short', parseInline(t, inline));
      return;
    }
    const annex = attachmentMentioned(template, t);
    if (annex) this.reading.onAbsentAnnex(annex, p.n);
    this.nodes.push(paragraph(parseInline(t, inline)));
  }

  /** The body's nodes, the open list closed. */
  finish(): DocNode[] {
    this.flushList();
    return this.nodes;
  }

  /** A paragraph opening with a label: a lettered run-in item, a heading, or an item of a list. */
  private labelled(label: string, rest: string, n: number, nextLabel: string | undefined): void {
    const { inline } = this.reading;
    const family = familyOf(label);
    const runin = rest.match(/^([^.:]{3,80}):\s+(\S.*)$/);
    // "a. Specialized course …:  It is planned …." is a lettered item with a run-in head; without the sentence, a heading.
    if (family === 'a' && runin && /[.!?]["”’]?\s*$/.test(runin[2]!)) {
      this.flushList();
      this.nodes.push(runIn(`${label} ${runin[1]}:`, parseInline(runin[2]!, inline)));
      return;
    }
    const v = valueOf(label);
    const last = this.open?.items[this.open.items.length - 1];
    // Labels in sequence, one line after the other, are a list ("1. …" "2. …"), however short their text.
    const inSequence =
      (last !== undefined && familyOf(last.marker) === family && valueOf(last.marker) === v - 1) ||
      (nextLabel !== undefined && familyOf(nextLabel) === family && valueOf(nextLabel) === v + 1);
    const continuesItems = family === 'R' && v > 1 && v === this.lastRoman + 1;
    // A label and a title without a final period is a heading; upper-roman titles can be long (PAHO's).
    if (
      !inSequence &&
      !continuesItems &&
      family !== 'A' &&
      plainInline(rest).length < (family === 'R' ? 250 : 150) &&
      !/\.\s*$/.test(rest)
    ) {
      this.heading(family, parseInline(rest.replace(/:\s*$/, ''), inline));
      return;
    }
    // The label as printed: its value and its format (upper roman) carry into the list.
    this.item(true, label, rest, n);
    if (family === 'R') this.lastRoman = v;
  }

  private heading(family: string, children: DocNode[]): void {
    this.flushList();
    this.nodes.push(heading(this.levels.of(family), children));
  }

  private item(ordered: boolean, marker: string, t: string, n: number): void {
    if (this.open && (this.open.ordered !== ordered || familyOf(this.open.marker) !== familyOf(marker)))
      this.flushList();
    if (!this.open) this.open = { t: 'list', ordered, marker, items: [], line: n };
    this.open.items.push({ text: t, line: n, marker, sub: null });
  }

  private flushList(): void {
    if (this.open) this.nodes.push(listOf(this.open, this.reading.inline));
    this.open = null;
  }
}

/** A list as its labels print it: roman and capital-letter items keep their family and values ("i." alone is roman). */
function listOf(l: ListBlock, inline: InlineOptions): DocNode {
  const format = FORMAT[familyOf(l.marker)];
  if (!l.ordered || !format) return listNode(l, inline);
  const values = l.items.map((it) => valueOf(it.marker));
  const sequential = values.every((v, i) => v === values[0]! + i);
  return list(
    true,
    l.items.map((it, i) => ({
      children: parseInline(it.text, inline),
      value: values[i]!,
      ...(sequential ? {} : { explicit: true }),
    })),
    { numberFormat: format },
  );
}

/**
 * The levels of a part's headings, as the source nests them by their labels' families: a
 * family met before returns to its level ("2." after "i."), a new one goes one deeper ("1."
 * under "I."); a heading in capitals ("2008 ACTIVITIES") heads the part's outline.
 */
class HeadingLevels {
  private families: string[] = [];
  of(family: string): number {
    if (family === CAPITALS) this.families = [];
    const at = this.families.indexOf(family);
    if (at >= 0) this.families.length = at + 1;
    else this.families.push(family);
    return Math.min(6, this.families.length);
  }
}

/** The words of a template's run-in head at the start of `t` as printed, and what follows a colon after them (null: not a run-in). */
function runInOf(template: Template | undefined, t: string): { label: string; rest: string } | null {
  // A head is at the start: its words are looked for there only (a paragraph can be a megabyte long).
  const start = t.slice(0, 300);
  const head = runInHeadOf(template, start);
  if (!head) return null;
  const count = head.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const w = [...start.matchAll(/[\p{L}\p{N}]+/gu)][count - 1];
  if (!w) return null;
  const end = w.index + w[0].length;
  const printed = t.slice(0, end).trim();
  const label = printed === printed.toUpperCase() ? head : printed;
  const after = t.slice(end);
  const opened = after.trimStart();
  if (opened.startsWith(':')) return { label: `${label}:`, rest: opened.slice(1).trim() };
  return after.trim() ? null : { label, rest: '' };
}

/** The words of an annex the text refers to and the file does not carry ("see Annex"), as printed. */
function attachmentMentioned(template: Template | undefined, t: string): string | null {
  const phrases = template?.reading?.attachmentMentions ?? [];
  if (!mentionsPhrase(t, phrases)) return null;
  const folded = fold(t);
  for (const phrase of phrases) {
    const at = folded.indexOf(fold(phrase));
    if (at >= 0) return t.slice(at, at + phrase.length);
  }
  return null;
}

/** Every word of four letters or more capitalised, and not all in capitals: "Migration Management and Policies". */
const isTitleCase = (plain: string) => {
  const long = plain.match(/\p{L}{4,}/gu) ?? [];
  return long.length > 0 && long.every((w) => /^\p{Lu}\p{Ll}/u.test(w));
};

/** A clause quoted on its own: the whole paragraph between curly quotes. */
const isQuoted = (plain: string) => /^“[^“”]+”[.;]?$/.test(plain.trim());
