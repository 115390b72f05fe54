/**
 * The serialized node vocabulary of a part's document (Lexical JSON).
 *
 * This file is the meeting point of the editor (renderer/editor/nodes), the importer
 * (electron/node/importer) and the compile step (shared/compile): each writes or reads
 * exactly these shapes. Lexical's own nodes keep their own JSON; report elements
 * are our nodes, listed here. Numbers (recommendation labels, footnote numbers,
 * presentation letters) are never stored: they are computed where they are shown.
 */

export type TextFormatFlag = 'bold' | 'italic' | 'underline' | 'superscript' | 'subscript' | 'strikethrough';

/** Lexical's format bitmask for text nodes. */
export const TEXT_FORMAT: Record<TextFormatFlag, number> = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  subscript: 32,
  superscript: 64,
};

interface Base {
  type: string;
  version: number;
  [k: string]: unknown;
}
interface ElementBase extends Base {
  children: DocNode[];
  direction: 'ltr' | 'rtl' | null;
  format: string | number;
  indent: number;
}

export interface TextNodeJSON extends Base {
  type: 'text';
  text: string;
  format: number;
  style: string;
  mode: 'normal' | 'token' | 'segmented';
  detail: number;
}
export interface LineBreakJSON extends Base {
  type: 'linebreak';
}
export interface ParagraphJSON extends ElementBase {
  type: 'paragraph';
}
export interface HeadingJSON extends ElementBase {
  type: 'heading';
  tag: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}
export interface QuoteJSON extends ElementBase {
  type: 'quote';
}
export interface LinkJSON extends ElementBase {
  type: 'link';
  url: string;
}
/** A comment's range (Lexical's MarkNode): the ids of the comment threads on its text (shared/review/comments.ts). */
export interface MarkJSON extends ElementBase {
  type: 'mark';
  ids: string[];
}

/** Number formats the seeds use (declared once, in shared/elements/number-formats). */
export type { NumberFormat } from '../elements/number-formats';
/** Role of a list in the report: ordinary, the unit's highlights, a block of recommendations or conclusions. */
export type { ListRole } from '../elements/list';
import type { NumberFormat } from '../elements/number-formats';
import type { ListRole } from '../elements/list';

export interface ListJSON extends ElementBase {
  type: 'list';
  listType: 'bullet' | 'number' | 'check';
  start: number;
  tag: 'ul' | 'ol';
  /** Our additions, kept in Lexical's NodeState bag. */
  $?: { numberFormat?: NumberFormat; role?: ListRole };
}
export interface ListItemJSON extends ElementBase {
  type: 'listitem';
  value: number;
  checked?: boolean;
  /** For recommendation items: who it is addressed to, its thematic area. */
  $?: { addressee?: string; theme?: string; explicitValue?: boolean };
}

export interface TableJSON extends ElementBase {
  type: 'table';
  $?: { role?: 'plain' | 'recommendations' };
}
export interface TableRowJSON extends ElementBase {
  type: 'tablerow';
}
export interface TableCellJSON extends ElementBase {
  type: 'tablecell';
  headerState: number;
  colSpan?: number;
  rowSpan?: number;
}

/**
 * Inline footnote: the note's text lives in the node; its number is computed. `id` names it for cross-references.
 * `children`: the note as rich text (runs, links, line breaks), with `text` its plain text (shared/elements/footnote.ts).
 */
export interface FootnoteJSON extends Base {
  type: 'footnote';
  text: string;
  id?: string;
  children?: DocNode[];
}
/** A cross-reference to a footnote by its id; prints the note's current number. */
export interface NoteRefJSON extends Base {
  type: 'note-ref';
  noteId: string;
}

/** Inline reference to a participant in the registry (e.g. a person cited in running text). */
export interface PersonRefJSON extends Base {
  type: 'person-ref';
  participantId: string;
  name: string;
}

/**
 * Attributed blocks. The children are the inline content: the paper title for a
 * presentation, the remark's text for a commentator, the person line for a moderator.
 * Speakers are ids into the participants registry; `names` keeps their display names
 * so a document stays readable if the registry entry is removed.
 */
export interface PresentationJSON extends ElementBase {
  type: 'presentation';
  speakerIds: string[];
  names: string[];
}
export interface CommentatorJSON extends ElementBase {
  type: 'commentator';
  speakerIds: string[];
  names: string[];
}
export interface ModeratorJSON extends ElementBase {
  type: 'moderator';
  speakerIds: string[];
  names: string[];
}

/** Epigraph or block quotation with an attribution line. */
export interface EpigraphJSON extends ElementBase {
  type: 'epigraph';
  attribution: string;
}
/** A delegation's statement, quoted verbatim. */
export interface DelegationStatementJSON extends ElementBase {
  type: 'delegation-statement';
  delegation: string;
}
/** Run-in label paragraph: "Recommendations:", "Objective:"; children are the text after the label. */
export interface RunInJSON extends ElementBase {
  type: 'run-in';
  label: string;
}

export interface FigureJSON extends Base {
  type: 'figure';
  src: string;
  caption: string;
  source: string;
  alt: string;
}
export interface PageBreakJSON extends Base {
  type: 'page-break';
}

export type DocNode =
  | TextNodeJSON
  | LineBreakJSON
  | ParagraphJSON
  | HeadingJSON
  | QuoteJSON
  | LinkJSON
  | MarkJSON
  | ListJSON
  | ListItemJSON
  | TableJSON
  | TableRowJSON
  | TableCellJSON
  | FootnoteJSON
  | NoteRefJSON
  | PersonRefJSON
  | PresentationJSON
  | CommentatorJSON
  | ModeratorJSON
  | EpigraphJSON
  | DelegationStatementJSON
  | RunInJSON
  | FigureJSON
  | PageBreakJSON;

export interface RootJSON extends ElementBase {
  type: 'root';
}
export interface DocJSON {
  root: RootJSON;
}
