/**
 * The data a Typst house style reads (seeds/house-styles/lib/rapporteur.typ walks it).
 * Plain JSON: every string in it is shown as text by the template, never evaluated.
 * Keep this file and the template's walker in step.
 */
import type { CharStyle, ParaStyle, Cover } from '../../compile/model';

/** A piece of a text run: text, or a straight quote for the template to print as the language's mark. */
export type TypstTextPart = string | { quote: 'double' | 'single' };

export interface TypstTextRun {
  k: 'text';
  parts: TypstTextPart[];
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  sup?: true;
  sub?: true;
  charStyle?: CharStyle;
}
/** An http(s) or mailto link. */
export interface TypstLink {
  k: 'link';
  url: string;
  runs: TypstTextRun[];
}
/** A link to a heading of the same document (by its anchor). */
export interface TypstRef {
  k: 'ref';
  anchor: string;
  runs: TypstTextRun[];
}
/** A footnote (or an endnote, by the document's noteMode), with the label the model numbered. */
/** A footnote, with the label the model numbered (per-part numbering restarts it). */
export interface TypstNote {
  k: 'note';
  label: string;
  body: TypstInline[];
  /** The label a cross-reference links to (`note-<id>`), only on a note some cross-reference points to. */
  anchor?: string;
}
/** Where an endnote is called (templates whose notes are gathered at the end). */
export interface TypstEndnoteRef {
  k: 'endnote-ref';
  id: number;
  label: string;
}
export interface TypstBreak {
  k: 'break';
}
export type TypstInline = TypstTextRun | TypstLink | TypstRef | TypstNote | TypstEndnoteRef | TypstBreak;
export interface TypstEndnote {
  id: number;
  label: string;
  body: TypstInline[];
}

export interface TypstHeading {
  k: 'heading';
  level: number;
  label: string;
  text: TypstInline[];
  /** The label and the title as one plain string (bookmarks). */
  plain: string;
  anchor: string;
  inToc: boolean;
  newPage: boolean;
}
export interface TypstPara {
  k: 'para';
  style: ParaStyle;
  content: TypstInline[];
  /** UN-style paragraph number. */
  number?: number;
  /** Presentation and commentator paragraphs: the letter printed in the hanging indent. */
  hangingLabel?: string;
  keepNext?: boolean;
}
export interface TypstListItem {
  label: string;
  blocks: TypstBlock[];
}
export interface TypstList {
  k: 'list';
  ordered: boolean;
  role: string;
  depth: number;
  items: TypstListItem[];
}
export interface TypstCell {
  blocks: TypstBlock[];
  colSpan: number;
  rowSpan: number;
}
export interface TypstTable {
  k: 'table';
  role: string;
  /** Relative column widths, summing to 1. */
  widths: number[];
  header: TypstCell[][];
  /** Body rows; `group` rows head a day or a country and span the table. */
  rows: { cells: TypstCell[]; group: boolean }[];
  caption?: string;
}
export interface TypstFigure {
  k: 'figure';
  number: number;
  caption: string;
  source: string;
  /** Alternative text (the caption, or "Figure N", when the author gave none). */
  alt: string;
  /** The picture, a file mapped beside the data (figures/N.png); absent for pictures we cannot read. */
  file?: string;
}
export interface TypstQuote {
  k: 'quote';
  variant: 'epigraph' | 'quote' | 'statement';
  lead?: string;
  blocks: TypstBlock[];
  attribution?: string;
}
export interface TypstPageBreak {
  k: 'page-break';
}
export interface TypstToc {
  k: 'toc';
  title: string;
}
export type TypstBlock =
  | TypstHeading
  | TypstPara
  | TypstList
  | TypstTable
  | TypstFigure
  | TypstQuote
  | TypstPageBreak
  | TypstToc;

export interface TypstSection {
  landscape: boolean;
  restartNotes: boolean;
  blocks: TypstBlock[];
}

/** Words the templates print around the user's text (kept in one place, for translation later). */
export interface TypstWords {
  page: string;
  of: string;
  figure: string;
  source: string;
  notes: string;
  organisedBy: string;
  draft: string;
}

export interface TypstDocument {
  /** The document title (PDF metadata, required by PDF/UA). */
  title: string;
  /** ISO 639 language and optional region, from the conference language ("es", "es-CL"). */
  lang: string;
  region: string | null;
  /** Short title or symbol for the running head. */
  runningHead: string;
  keywords: string[];
  author: string[];
  templateId: string;
  style: {
    bodyFont: string;
    headingFont: string;
    bodySize: number;
    headingSizes: number[];
    lineSpacing: number;
    paragraphSpacing: number;
    paper: 'a4' | 'us-letter';
  };
  noteMode: 'footnotes' | 'endnotes';
  /** The notes, in order, when they are gathered at the end. */
  endnotes: TypstEndnote[];
  watermark: boolean;
  cover: Cover;
  sections: TypstSection[];
  words: TypstWords;
}

/** What goes to the Typst engine: the data, and the pictures as files beside it. */
export interface TypstInput {
  data: TypstDocument;
  files: Record<string, Uint8Array>;
}
