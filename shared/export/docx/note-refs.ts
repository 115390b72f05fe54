/**
 * Cross-references to notes in the DOCX as Word writes them: the referenced note's mark in
 * the body sits inside a hidden bookmark, and "see note 7" is a `NOTEREF` field on that
 * bookmark whose cached result is the number the compile step gave. It reads right on
 * opening, and Word (F9, print) and LibreOffice renumber it when notes are added before it.
 */
import { Bookmark, type ParagraphChild, SimpleField } from 'docx';

/**
 * The bookmark around note `id`'s mark. Word hides bookmarks whose name starts with "_"
 * (its own cross-references use "_Ref…"); a number keeps it within Word's 40 characters.
 */
export const noteBookmarkName = (noteId: number): string => {
  if (!Number.isSafeInteger(noteId) || noteId < 0)
    throw new RangeError(`A note id must be a whole number, not ${noteId}.`);
  return `_RefNote${noteId}`;
};

/**
 * The field that prints note `noteId`'s number, `\h` making it a link to the note.
 * The instruction holds only the bookmark name (built from a number), never user text.
 */
export const noteRefField = (noteId: number, label: string): SimpleField =>
  new SimpleField(`NOTEREF ${noteBookmarkName(noteId)} \\h`, label);

/** A note's reference mark, inside its bookmark when a cross-reference points to it. */
export function markNote(noteId: number, mark: ParagraphChild, referenced: ReadonlySet<number>): ParagraphChild {
  return referenced.has(noteId) ? new Bookmark({ id: noteBookmarkName(noteId), children: [mark] }) : mark;
}
