/**
 * The proceedings model: what the compile step makes of a conference, and the only
 * thing the exporters (DOCX, print HTML, markdown) read. Every number a reader sees
 * (heading labels, paragraph numbers, footnote numbers, presentation letters,
 * recommendation numbers) is computed here once, so both formats say the same thing.
 */
import type { ConferenceMeta } from '../model/conference';
import type { NumberFormat } from '../elements/number-formats';
import type { LabelFormat } from '../templates/numbering';
import type { HouseStyle } from '../templates/schema';
import type { ExportNote } from '../i18n/export-notes';

export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  sup?: boolean;
  sub?: boolean;
  /** A named character style for the element kind (e.g. speaker names). */
  charStyle?: CharStyle;
  /** Ids of the comment threads on this text (shared/review/comments.ts); only a DOCX with comments writes them. */
  comments?: string[];
  /** A cross-reference: the `id` of the note whose number this run prints (exports link it and let Word renumber it). */
  refersToNote?: number;
}
export interface LinkRun {
  kind: 'link';
  url: string;
  children: TextRun[];
}
/** What a note's body holds: runs, links and line breaks (never a note within a note). */
export type NoteInline = TextRun | LinkRun | LineBreak;
/** A footnote reference; the note's text travels with it. `id` is unique in the document. */
export interface NoteRef {
  kind: 'note';
  id: number;
  label: string;
  /** The note as plain text (revisions, estimates, markdown). */
  text: string;
  /** The note as written, with its italics, bold and links; absent when it is plain text only. */
  content?: NoteInline[];
  /** 'affiliation': added by the template's attribution policy (not written in the conference). */
  origin?: 'text' | 'affiliation';
}
export interface LineBreak {
  kind: 'break';
}
export type Inline = TextRun | LinkRun | NoteRef | LineBreak;

/** 'person': a registry person cited in the text (a person reference), named so that an import of the DOCX knows it again. */
export type CharStyle = 'speaker-name' | 'run-in-label' | 'block-label' | 'person';

/** Named paragraph styles, one per element kind, so a secretariat can restyle them in Word. */
export type ParaStyle =
  | 'body'
  | 'moderator'
  | 'presentation'
  | 'commentator'
  | 'run-in'
  | 'epigraph'
  | 'attribution'
  | 'quote'
  | 'statement'
  | 'statement-heading'
  | 'caption'
  | 'figure-source'
  | 'list-item'
  | 'table-text'
  | 'table-heading'
  | 'participants-country'
  | 'participants-role'
  | 'note';

export interface HeadingBlock {
  kind: 'heading';
  /** Outline level 1..6 (top-level parts are 1). */
  level: number;
  /** Computed label ("A.", "Session II:", "Annex I"); empty when unnumbered. */
  label: string;
  text: Inline[];
  /** The heading as plain text, label excluded (outline, TOC, properties). */
  plain: string;
  /** Bookmark / anchor id, unique in the document. */
  anchor: string;
  inToc: boolean;
  /** Starts a new page (annexes, the contents). */
  newPage?: boolean;
  /** The part whose heading this is (absent for headings inside a document). */
  partId?: string;
  /** That part's kind (its template section), which the DOCX marks on the heading for a later import. */
  partKind?: string;
}

export interface ParaBlock {
  kind: 'para';
  style: ParaStyle;
  /** UN-style paragraph number (1, 2, …) when the template numbers paragraphs. */
  number?: number;
  content: Inline[];
  keepNext?: boolean;
}

export interface ListItem {
  /** The label as printed: "1.", "(a)", "iv." or "•". */
  label: string;
  /** The counter value behind the label. */
  value: number;
  blocks: Block[];
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** Label format of ordered lists. */
  format: ListFormat;
  start: number;
  /** False when items carry explicit, non-consecutive values (the label must be written out). */
  sequential: boolean;
  /** Nesting depth (0 = outermost). */
  depth: number;
  role: 'plain' | 'highlights' | 'recommendations' | 'conclusions';
  /** Inside a numbered paragraph sequence: sub-paragraphs (a), (i). */
  subparagraphs: boolean;
  items: ListItem[];
}

/** Label format of ordered lists (shared/elements/number-formats). */
export type ListFormat = NumberFormat;

export interface TableCell {
  blocks: Block[];
  colSpan: number;
  rowSpan: number;
  header: boolean;
}
export interface TableRow {
  cells: TableCell[];
  /** Header rows repeat at the top of each page. */
  header: boolean;
  /** A row that heads a group (a day, a country), spanning the table. */
  group?: boolean;
}
export interface TableBlock {
  kind: 'table';
  role: 'plain' | 'recommendations' | 'participants' | 'programme';
  columns: number;
  /** Relative column widths (any unit), one per column. */
  widths: number[];
  rows: TableRow[];
  caption?: string;
}

export interface FigureBlock {
  kind: 'figure';
  number: number;
  src: string;
  caption: string;
  source: string;
  alt: string;
}

export interface QuoteBlock {
  kind: 'quote';
  variant: 'epigraph' | 'quote' | 'statement';
  /** A lead line ("Statement by the delegation of Canada"). */
  lead?: string;
  blocks: Block[];
  attribution?: string;
}

export interface PageBreakBlock {
  kind: 'page-break';
}

export interface TocEntry {
  level: number;
  label: string;
  title: string;
  anchor: string;
}
export interface TocBlock {
  kind: 'toc';
  title: string;
  entries: TocEntry[];
  /** The kind of the conference's part that is the contents, when it has one (the DOCX marks it for a later import). */
  partKind?: string;
}

export type Block =
  | HeadingBlock
  | ParaBlock
  | ListBlock
  | TableBlock
  | FigureBlock
  | QuoteBlock
  | PageBreakBlock
  | TocBlock;

/** A run of pages with one orientation (wide annex tables go landscape). */
export interface Section {
  orientation: 'portrait' | 'landscape';
  /** Footnote numbers start again here (per-part numbering); the section continues on the same page. */
  restartNotes?: boolean;
  blocks: Block[];
}

export interface Cover {
  issuingBodies: string[];
  symbol: string;
  distribution: string;
  /** Date of issue, as printed ("24 November 2026"). */
  date: string;
  /** "Original: Spanish", or empty. */
  original: string;
  series: string;
  title: string;
  subtitle: string;
  /** "Santiago, Chile, 20–22 November 2002". */
  placeAndDates: string;
  organisers: string[];
  /** Lines the details have no field for, from the title block ("Under the auspices of …", "With the cooperation of …"). */
  lines?: string[];
}

export interface CompileOptions {
  /** Only these parts (and their descendants); null = all. */
  partIds: string[] | null;
  /** Generated annexes (recommendations, participants, programme) and annex parts. */
  annexes: boolean;
  /** A "DRAFT" watermark on every page. */
  watermark: boolean;
  /** Date of issue (YYYY-MM-DD); the caller passes today's date (compile stays pure). */
  issueDate?: string;
}

export interface Proceedings {
  meta: ConferenceMeta;
  /** BCP 47 tag of the edition ("en", "es"). */
  language: string;
  templateId: string;
  style: HouseStyle;
  watermark: boolean;
  cover: Cover;
  sections: Section[];
  /** Running header text (the symbol, else a short title). */
  runningHeader: string;
  /** The template's heading numbering per outline level, for exporters that number headings themselves (Word's multilevel lists). */
  headingNumbering?: LabelFormat[];
  footnoteCount: number;
  /** Endnotes gather the notes at the end of the report (template style 'endnotes'). */
  noteMode: 'footnotes' | 'endnotes';
  /** Things the compile step skipped or guessed, for the export dialog to show. */
  notes: ExportNote[];
  /** Comment threads to write as Word comments (DOCX with comments only), anchored by the runs' `comments` ids. */
  comments?: ExportedComment[];
}

/** A comment thread as a DOCX writes it: the comment, then its replies. */
export interface ExportedComment {
  id: string;
  resolved: boolean;
  messages: { author: string; date: string; text: string }[];
}
