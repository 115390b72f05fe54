/**
 * The proceedings model with tracked changes: the same blocks and runs, some of them
 * carrying a `revision` (inserted or deleted, by whom, when). Plain data, so it crosses
 * to the DOCX worker thread unchanged; exporters that know nothing of revisions see an
 * ordinary model (deleted runs included), so only the Word writer reads it.
 */
import type { FigureBlock, NoteRef, TableRow, TextRun } from '../compile/model';

export interface Revision {
  type: 'ins' | 'del';
  /** Unique in the document (Word's w:id). */
  id: number;
  author: string;
  /** ISO 8601 without fractions of a second, as Word writes it. */
  date: string;
}

/** A text run inserted or deleted; `paragraphMark` runs are empty and mark their paragraph's end. */
export type RevisedText = TextRun & { revision?: Revision; paragraphMark?: boolean };

/**
 * A note reference: `revision` when the reference itself was inserted or deleted;
 * `revisedText` when the note is kept but its words changed.
 */
export type RevisedNote = NoteRef & { revision?: Revision; revisedText?: RevisedText[] };

export type RevisedRow = TableRow & { revision?: Revision };

/**
 * A figure inserted or deleted whole (`revision`: its picture, label and paragraphs), or
 * kept with its caption or source changed word by word (`captionRuns`, `sourceRuns`).
 */
export type RevisedFigure = FigureBlock & {
  revision?: Revision;
  captionRuns?: RevisedText[];
  sourceRuns?: RevisedText[];
};

/** Hands out revisions with ids unique in one document. */
export class RevisionIds {
  private next: number;
  constructor(
    readonly author: string,
    readonly date: string,
    first = 1_000_000,
  ) {
    this.next = first;
  }

  make(type: Revision['type']): Revision {
    return { type, id: this.next++, author: this.author, date: this.date };
  }
}

/** ISO date as Word stores revision dates (no milliseconds). */
export const wordDate = (iso: string): string => iso.replace(/\.\d+Z$/, 'Z');
