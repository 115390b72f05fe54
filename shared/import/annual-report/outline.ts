/**
 * The outline of an annual activity report from its paragraphs: the report's sections (upper
 * roman, I.–VI.), the implementing bodies inside the section whose template section has
 * instances of its own (A.–H.) and their offices (E.1, F.2), and in each part's body the
 * headings, lists, run-in heads and quotes as the hand-typed labels print them. Which section
 * a heading opens and which openers are run-in heads is the template's data (template-rules.ts).
 */
import { fold } from '../../i18n/fold';
import type { DocNode, NumberFormat } from '../../model/doc-nodes';
import type { Template, TemplateSection } from '../../templates/schema';
import { listNode } from '../block-nodes';
import { type InlineOptions, parseInline, plainInline } from '../inline';
import type { ListBlock } from '../markdown-blocks';
import { heading, list, paragraph, quote, runIn, text } from '../nodes';
import { type ImportContext, type ImportedPart, setDoc } from '../result';
import { mentionsPhrase, runInHeadOf, sectionForHeading } from '../template-rules';
import { romanValue, titleCase } from '../util';
import type { Para } from './endnotes';

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

interface Sections {
  /** The template section a top-level heading opens. */
  top(title: string): TemplateSection | undefined;
  /** The kind of a top-level part the template does not name. */
  otherTop: string;
  /** The first top-level section (what text before any heading belongs to). */
  first: { id: string; title: string };
}

function sectionsOf(template: Template | undefined): Sections {
  const tops = template?.sections ?? [];
  const first = tops[0] ?? { id: 'introduction', title: 'Introduction' };
  return {
    top: (title) => {
      const s = sectionForHeading(template, title);
      return s && tops.includes(s) ? s : undefined;
    },
    otherTop: tops.find((s) => s.repeatable)?.id ?? 'annex',
    first: { id: first.id, title: first.title },
  };
}

/** The words of `head` at the start of `text` as printed, and what follows a colon after them (null: not a run-in). */
function runInOf(template: Template | undefined, t: string): { label: string; rest: string } | null {
  // A head is at the start: its words are looked for there only (a paragraph can be a megabyte long).
  const head = runInHeadOf(template, t.slice(0, 300));
  if (!head) return null;
  const count = head.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const words = [...t.matchAll(/[\p{L}\p{N}]+/gu)];
  const w = words[count - 1];
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

/** A clause quoted on its own: the whole paragraph between curly quotes. */
const isQuoted = (plain: string) => /^“[^“”]+”[.;]?$/.test(plain.trim());

export function readOutline(
  paras: Para[],
  ctx: ImportContext,
  template: Template | undefined,
  inline: InlineOptions,
): void {
  const sections = sectionsOf(template);
  // Title block: before the first top-level heading.
  const first = paras.findIndex((p) => /^I\.\s+\S/.test(p.text));
  for (const p of paras.slice(0, Math.max(0, first))) {
    const plain = plainInline(p.text);
    if (/^\[.*\]$/.test(plain)) ctx.meta.symbol = plain.slice(1, -1);
    else if (!ctx.meta.title) ctx.meta.title = titleCase(plain);
    else ctx.meta.subtitle = ctx.meta.subtitle ? `${ctx.meta.subtitle} ${titleCase(plain)}` : titleCase(plain);
  }

  let top = 0;
  let letter = 0;
  let topPart: ImportedPart | null = null;
  /** The template section of the top-level part, when its instances (implementing bodies) are parts of their own. */
  let topSection: TemplateSection | undefined;
  let implementer: ImportedPart | null = null;
  let current: ImportedPart | null = null;
  let body: DocNode[] = [];
  // Typed by a cast: assignments in the closures below would not widen a narrowed `null`.
  let open = null as ListBlock | null;
  let levels = new HeadingLevels();
  let warnedUnlabelled = false;
  const flushList = () => {
    if (open) body.push(listOf(open, inline));
    open = null;
  };
  /** The last upper-roman item of this part ("IV."): the next label in its sequence continues it, even after text between. */
  let lastRoman = 0;
  const flush = () => {
    flushList();
    if (current) setDoc(current, body);
    body = [];
    levels = new HeadingLevels();
    lastRoman = 0;
  };
  const addItem = (ordered: boolean, marker: string, t: string, n: number) => {
    if (open && (open.ordered !== ordered || familyOf(open.marker) !== familyOf(marker))) flushList();
    if (!open) open = { t: 'list', ordered, marker, items: [], line: n };
    open.items.push({ text: t, line: n, marker, sub: null });
  };
  /** Inside an implementing body or one of its offices (parts the template makes instances of). */
  const inImplementer = () => implementer !== null && current !== null && current !== topPart;

  for (let i = Math.max(0, first); i < paras.length; i++) {
    const p = paras[i]!;
    const t = p.text;
    const plain = plainInline(t);
    const short = plain.length < 90;
    // A heading's text without its closing colon (trimmed here, not by a lazy pattern: linear).
    const head = plain.trimEnd().replace(/:$/, '').trimEnd();
    const roman = head.match(/^([IVX]+)\.\s+(\S.*|)$/);
    if (roman && short) {
      const v = romanValue(roman[1]!);
      const section = sections.top(roman[2]!);
      // Inside an implementer, "V. Presentation …" is the implementer's own item unless it names a section of the report.
      if ((v === top + 1 || (v === top + 2 && top >= 1)) && (!inImplementer() || section)) {
        if (v === top + 2)
          ctx.warn(p.n, 'NUMBERING_GAP', {
            key: 'numberingGap',
            values: { found: roman[1]!, previous: toRomanSimple(top), missing: toRomanSimple(top + 1) },
          });
        flush();
        top = v;
        topPart = current = ctx.part(null, section?.id ?? sections.otherTop, roman[2]!.trim(), p.n);
        topSection = section?.children.length ? section : undefined;
        implementer = null;
        letter = 0;
        continue;
      }
    }
    const impl = head.match(/^([A-H])\.\s+(\S.*|)$/);
    if (impl && short && topPart && topSection && impl[1]!.charCodeAt(0) - 64 === letter + 1) {
      flush();
      letter++;
      implementer = current = ctx.part(topPart, implementerKind(topSection)!, impl[2]!.trim(), p.n);
      continue;
    }
    const unit = head.match(/^([A-H])\.(\d)\.?\s+(\S.*|)$/);
    if (unit && implementer && unitKind(topSection) && unit[1]!.charCodeAt(0) - 64 === letter) {
      flush();
      current = ctx.part(implementer, unitKind(topSection)!, unit[3]!.trim(), p.n);
      continue;
    }
    if (!current) current = ctx.part(null, sections.first.id, sections.first.title, p.n);
    // "A.  Program objectives:" outside the activity report: a heading of its section.
    const lettered = head.match(/^([A-H])\.\s+(\S.{2,79})$/);
    if (lettered && !inImplementer() && !/\.\s*$/.test(lettered[2]!)) {
      flushList();
      body.push(heading(levels.of('A'), parseInline(lettered[2]!, inline)));
      continue;
    }
    const bullet = t.match(/^·\s*(\S.*|)$/);
    if (bullet) {
      addItem(false, '-', bullet[1]!, p.n);
      continue;
    }
    const num = t.match(LABELLED);
    if (num && (!/^[A-H]/.test(num[1]!) || inImplementer())) {
      const rest = num[2]!;
      const label = num[1]!;
      const family = familyOf(label);
      const runin = rest.match(/^([^.:]{3,80}):\s+(\S.*)$/);
      // "a. Specialized course …:  It is planned …." is a lettered item with a run-in head; without the sentence, a heading.
      if (family === 'a' && runin && /[.!?]["”’]?\s*$/.test(runin[2]!)) {
        flushList();
        body.push(runIn(`${label} ${runin[1]}:`, parseInline(runin[2]!, inline)));
        continue;
      }
      const v = valueOf(label);
      const last = open?.items[open.items.length - 1];
      const next = paras[i + 1]?.text.match(LABELLED)?.[1];
      // Labels in sequence, one line after the other, are a list ("1. …" "2. …"), however short their text.
      const inSequence =
        (last !== undefined && familyOf(last.marker) === family && valueOf(last.marker) === v - 1) ||
        (next !== undefined && familyOf(next) === family && valueOf(next) === v + 1);
      const continuesItems = family === 'R' && v > 1 && v === lastRoman + 1;
      // A label and a title without a final period is a heading; upper-roman titles can be long (PAHO's).
      if (
        !inSequence &&
        !continuesItems &&
        family !== 'A' &&
        plainInline(rest).length < (family === 'R' ? 250 : 150) &&
        !/\.\s*$/.test(rest)
      ) {
        flushList();
        body.push(heading(levels.of(family), parseInline(rest.replace(/:\s*$/, ''), inline)));
        continue;
      }
      // The label as printed: its value and its format (upper roman) carry into the list.
      addItem(true, label, rest, p.n);
      if (family === 'R') lastRoman = v;
      continue;
    }
    flushList();
    if (isQuoted(plain)) {
      body.push(quote(parseInline(t, inline)));
      continue;
    }
    const head2 = runInOf(template, t);
    if (head2) {
      body.push(runIn(head2.label, parseInline(head2.rest, inline)));
      continue;
    }
    if (/^[A-Z0-9][A-Z0-9 ,-]{3,60}$/.test(plain) && /[A-Z]{3}/.test(plain)) {
      if (!warnedUnlabelled && implementer && current !== implementer && current !== topPart) {
        warnedUnlabelled = true;
        ctx.warn(
          p.n,
          'UNLABELLED_BLOCK',
          { key: 'unlabelledBlock', values: { text: plain, part: current.title } },
          { partId: current.id },
        );
      }
      body.push(heading(levels.of(CAPITALS), [text(titleCase(plain))]));
      continue;
    }
    if (
      plain.length < 90 &&
      !/[.:;,]$/.test(plain) &&
      /^[A-Z]/.test(plain) &&
      paras[i + 1] &&
      !/^·/.test(paras[i + 1]!.text)
    ) {
      body.push(heading(levels.of('short'), parseInline(t, inline)));
      continue;
    }
    const annex = attachmentMentioned(template, t);
    if (annex) ctx.warn(p.n, 'ANNEX_ABSENT', { key: 'annexAbsent.referred' }, { partId: current.id, quote: annex });
    body.push(paragraph(parseInline(t, inline)));
  }
  flush();
}

const CAPITALS = 'capitals';

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

/** The section of the parts inside a top-level part (an implementing body), and of the parts inside those (its offices). */
const implementerKind = (top: TemplateSection | undefined) => top?.children[0]?.id;
const unitKind = (top: TemplateSection | undefined) => top?.children[0]?.children[0]?.id;

const toRomanSimple = (n: number) => ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? String(n);
