/**
 * Annex 2 of seed 000, "Programme of the conference" (anatomy §1.3). In print it is two
 * columns, time | item; the OCR tore them apart, so the times (and the column's labels
 * "Speakers:", "Commentators:", a day name) stand in runs between pieces of the items.
 * Each column kept its own order, so the slots are rebuilt by zipping the two streams:
 * the n-th time goes with the n-th item. An item starts at a time printed on its own
 * line, a break ("Coffee break", "Lunch"), a unit ("Unit II:", "Block III:"), the report
 * of civil society or the conclusions; everything else belongs to the item above it.
 * These words, and each line's opener ("Moderator:", "Presentation by"), are the template's
 * (reading.programme in conference-proceedings.json, in English, Spanish and French).
 */
import type { DocNode } from '../model/doc-nodes';
import type { Template } from '../templates/schema';
import type { ImportContext } from './result';
import type { BodyLine } from './ocr';
import { paragraph as plainParagraph, text } from './nodes';
import { squash } from './util';
import { afterOpener, endsWord, isOneOf } from './proceedings/openers';

const BOLD = 1;
/** Lexical writes a paragraph's text format as that of its first text. */
const paragraph = (children: DocNode[]): DocNode => {
  const first = children[0];
  return { ...plainParagraph(children), textFormat: first?.type === 'text' ? first.format : 0 } as DocNode;
};
const ITALIC = 2;

/** "8:30 - 9:30 a.m.", "10:45a.m. - 12:45 p.m.", "4:15—-4:30 p.m.", "11:00 a.m.", "4:00 — 4:15 hrs." */
const TIME =
  /^(\d{1,2}:\d{2})\s?(a\.m\.|p\.m\.|hrs\.)?(?:\s?[-—–]{1,2}\s?(\d{1,2}:\d{2})\s?(a\.m\.|p\.m\.|hrs\.)?)?(?:\s|$)/;

type Phrases = readonly string[] | undefined;
const longestFirst = (phrases: Phrases) => [...(phrases ?? [])].sort((x, y) => y.length - x.length);

/** A kind of line known by how it opens: `printed` is the opener as the line prints it. */
interface Opener {
  test(t: string): boolean;
  printed(t: string): string | undefined;
}
const opener = (printed: (t: string) => string | undefined): Opener => ({
  test: (t) => printed(t) !== undefined,
  printed,
});
/** "Moderator:": a phrase and its colon. */
const colonOpener = (phrases: Phrases) =>
  opener((t) => {
    const p = longestFirst(phrases).find((w) => t.startsWith(`${w}:`));
    return p === undefined ? undefined : `${p}:`;
  });
/** "Presentation by": a phrase as whole words. */
const wordOpener = (phrases: Phrases) =>
  opener((t) => longestFirst(phrases).find((w) => t.startsWith(w) && endsWord(t.slice(w.length))));

/** The programme's words, from the template's reading.programme (conference-proceedings.json). */
export interface ProgrammeWords {
  /** "Wednesday 20 November", "Miércoles 20 de noviembre". */
  day: { test(t: string): boolean };
  /** The time column's own labels ("Speakers:", "Commentators:"). */
  columnLabel: { test(t: string): boolean };
  /** Lines that open an item of their own: a break, a unit's label, the named items. */
  opensItem: (t: string) => boolean;
  /** A unit's label alone ("Unit I:"), whose title is printed on the next line. */
  unitAlone: { test(t: string): boolean };
  /** Each kind of line by its opener ("Moderator:", "Presentation by", "Debate"). */
  openers: Record<'moderator' | 'presentation' | 'remarks' | 'commentators' | 'speakers' | 'debate', Opener>;
  /** The label printed before the names of a line of that kind, as the template names it first. */
  label: Record<'moderator' | 'commentators' | 'speakers', string>;
}

export function programmeWords(template: Template | undefined): ProgrammeWords {
  const w = template?.reading?.programme ?? {};
  const unit = wordOpener(w.units);
  return {
    day: {
      test: (t) => {
        const rest = afterOpener(t, w.days);
        return rest !== undefined && /^ \d{1,2} (?:de )?\p{L}+$/u.test(rest);
      },
    },
    columnLabel: {
      test: (t) => t.endsWith(':') && [...(w.speakers ?? []), ...(w.commentators ?? [])].includes(t.slice(0, -1)),
    },
    opensItem: (t) => isOneOf(t, w.breaks) || unit.test(t) || isOneOf(t, w.items),
    unitAlone: {
      test: (t) => {
        const rest = afterOpener(t, w.units);
        return rest !== undefined && /^ \S+$/.test(rest);
      },
    },
    openers: {
      moderator: colonOpener(w.moderator),
      presentation: wordOpener(w.presentation),
      remarks: wordOpener(w.remarks),
      commentators: colonOpener(w.commentators),
      speakers: colonOpener(w.speakers),
      debate: opener((t) => (w.debate ?? []).find((d) => d === t)),
    },
    label: {
      moderator: `${w.moderator?.[0] ?? ''}:`,
      commentators: `${w.commentators?.[0] ?? ''}:`,
      speakers: `${w.speakers?.[0] ?? ''}:`,
    },
  };
}
/** A part of the conference ("I. International migration …", "Il. The human rights …", OCR'd numerals). */
const SECTION = /^[IVXl|1]{1,4}\. \S/;

export interface ProgrammeLine {
  kind: 'title' | 'moderator' | 'topic' | 'presenter' | 'remarks' | 'commentators' | 'speakers' | 'debate' | 'text';
  text: string;
}
export interface ProgrammeSlot {
  day: string;
  start: string;
  end: string;
  time: string;
  /** The part of the conference the slot opens, when the programme names one above it. */
  section: string;
  lines: ProgrammeLine[];
  n: number;
}

interface Time {
  day: string;
  start: string;
  end: string;
  time: string;
  n: number;
}

/** Reads the programme's lines into slots, in order; reports when the two columns do not pair up. */
export function programmeSlots(lines: BodyLine[], ctx: ImportContext, words: ProgrammeWords): ProgrammeSlot[] {
  const times: Time[] = [];
  const items: { section: string; n: number; blocks: string[][] }[] = [];
  let day = '';
  let section = '';
  let block: string[] | null = null;
  const item = () => items[items.length - 1];
  const open = (n: number, first: string) => {
    block = [first];
    items.push({ section, n, blocks: [block] });
    section = '';
  };
  for (const l of lines) {
    const t = squash(l.text);
    if (!t) {
      block = null;
      continue;
    }
    if (words.day.test(t)) {
      day = t;
      block = null;
      continue;
    }
    if (words.columnLabel.test(t)) continue;
    const m = TIME.exec(t);
    if (m) {
      // Times as printed: "9:30 a.m.", "4:15 hrs."; the pair as one text for the programme's time column.
      const start = m[1]! + (m[2] ? ` ${m[2]}` : '');
      const end = m[3] ? m[3] + (m[4] ? ` ${m[4]}` : '') : '';
      times.push({ day, start, end, time: t.slice(0, m[0].length).trim(), n: l.n });
      const rest = t.slice(m[0].length).trim();
      if (rest) open(l.n, rest);
      continue;
    }
    if (SECTION.test(t) && !t.includes(',')) {
      section = t;
      block = null;
      continue;
    }
    if (words.opensItem(t) || !item()) {
      open(l.n, t);
      continue;
    }
    if (!block) {
      block = [];
      item()!.blocks.push(block);
    }
    (block as string[]).push(t);
  }
  if (times.length !== items.length) {
    ctx.warn(lines[0]?.n ?? null, 'PROGRAMME_COLUMNS', {
      key: 'programmeColumns',
      values: { times: times.length, items: items.length },
    });
  }
  return items.map((it, k) => {
    const tm = times[k] ?? { day, start: '', end: '', time: '', n: it.n };
    return {
      day: tm.day,
      start: tm.start,
      end: tm.end,
      time: tm.time,
      section: it.section,
      lines: itemLines(it.blocks, words),
      n: it.n,
    };
  });
}

/**
 * The item's printed lines, each with its role. Within a block (lines between blank
 * lines) a line continues the one above unless it starts a line of its own; the lines
 * of the item's title stay lines.
 */
function itemLines(blocks: string[][], words: ProgrammeWords): ProgrammeLine[] {
  const out: ProgrammeLine[] = [];
  let presented = false;
  for (const b of blocks) {
    let cur: ProgrammeLine | null = null;
    const push = (kind: ProgrammeLine['kind'], t: string) => {
      cur = { kind, text: t };
      out.push(cur);
    };
    for (const t of b) {
      const c = cur as ProgrammeLine | null;
      if (words.openers.moderator.test(t)) push('moderator', t);
      else if (/^[a-h]\)/.test(t)) push('topic', t);
      else if (words.openers.presentation.test(t)) {
        push('presenter', t);
        presented = true;
      } else if (words.openers.remarks.test(t)) push('remarks', t);
      else if (words.openers.commentators.test(t)) push('commentators', t);
      else if (words.openers.debate.test(t)) push('debate', t);
      else if (c?.kind === 'remarks') push('text', t);
      else if (
        c &&
        c.kind === 'title' &&
        out.length > 0 &&
        out.every((l) => l.kind === 'title') &&
        !words.unitAlone.test(c.text) &&
        !/^[\p{Ll}(]/u.test(t)
      )
        push('title', t);
      else if (c) c.text += ` ${t}`;
      // A block of its own with names and titles: the commentators after the presentations, else the speakers.
      else if (t.includes(',') && out.length > 0) push(presented ? 'commentators' : 'speakers', t);
      else push(out.every((l) => l.kind === 'title') ? 'title' : 'topic', t);
    }
  }
  // "Unit I:" / "Human rights and …": a unit's label and its title printed apart are one line.
  const merged: ProgrammeLine[] = [];
  for (const line of out) {
    const prev = merged[merged.length - 1];
    if (prev?.kind === 'title' && line.kind === 'title' && (/:$/.test(prev.text) || words.unitAlone.test(prev.text)))
      prev.text = `${prev.text} ${line.text}`;
    else merged.push(line);
  }
  // A paper's title without a letter ("Main features of …") is the line above its "Presentation by".
  merged.forEach((l, k) => {
    if (k > 0 && l.kind === 'title' && merged[k + 1]?.kind === 'presenter') l.kind = 'topic';
  });
  return merged;
}

/** The slot's item cell as printed: title in bold, the labels in italics, one paragraph a line. */
export function slotParagraphs(slot: ProgrammeSlot, words: ProgrammeWords): DocNode[] {
  return slot.lines.map((l) => {
    switch (l.kind) {
      case 'title':
        return paragraph([text(l.text, BOLD)]);
      case 'moderator':
        return labelled(words.openers.moderator, words.label.moderator, l.text);
      case 'commentators':
        return labelled(words.openers.commentators, words.label.commentators, l.text);
      case 'speakers':
        return labelled(words.openers.speakers, words.label.speakers, l.text);
      case 'debate':
        return paragraph([text(l.text, ITALIC)]);
      default:
        return paragraph([text(l.text)]);
    }
  });
}

/** The line's label in italics: the one printed (`opener`), else the template's (`label`) before a line without one. */
function labelled(opener: Opener, label: string, t: string): DocNode {
  const printed = opener.printed(t);
  const rest = printed ? t.slice(printed.length).trim() : t;
  return paragraph([text(printed ?? label, ITALIC), text(` ${rest}`)]);
}

/** People named in a line: "Presentation by Name, title", "Remarks by Name", "Moderator: Name, …", "A, title; B, title". */
export function namesIn(line: ProgrammeLine, words: ProgrammeWords): string[] {
  const { moderator, commentators, presentation, remarks } = words.openers;
  const printed = [moderator, commentators, presentation, remarks].map((o) => o.printed(line.text)).find(Boolean);
  const head = printed ? line.text.slice(printed.length).trimStart() : line.text;
  if (line.kind === 'commentators' || line.kind === 'speakers')
    return head
      .split(';')
      .map((s) => s.split(',')[0]!.trim())
      .filter(Boolean);
  if (line.kind === 'moderator' || line.kind === 'presenter' || line.kind === 'remarks')
    return [head.split(',')[0]!.trim()].filter(Boolean);
  return [];
}

const el = { direction: 'ltr' as const, format: '', indent: 0, version: 1 };
const cell = (children: DocNode[], colSpan = 1): DocNode =>
  ({
    type: 'tablecell',
    headerState: 0,
    colSpan,
    rowSpan: 1,
    backgroundColor: null,
    ...el,
    children,
  }) as unknown as DocNode;
const row = (cells: DocNode[]): DocNode => ({ type: 'tablerow', ...el, children: cells }) as unknown as DocNode;

/**
 * The programme as printed: a row per day and per part of the conference across both
 * columns, then a row per slot, time | item. The time column is narrow, as in print.
 */
export function programmeTable(slots: ProgrammeSlot[], words: ProgrammeWords): DocNode {
  const rows: DocNode[] = [];
  let day = '';
  for (const s of slots) {
    if (s.day && s.day !== day) {
      day = s.day;
      rows.push(row([cell([paragraph([text(day, BOLD)])], 2)]));
    }
    if (s.section) rows.push(row([cell([paragraph([text(s.section, BOLD)])], 2)]));
    rows.push(row([cell([paragraph(s.time ? [text(s.time)] : [])]), cell(slotParagraphs(s, words))]));
  }
  return { type: 'table', ...el, colWidths: [130, 500], children: rows } as unknown as DocNode;
}
