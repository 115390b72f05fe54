import type { Participant } from '../model/conference';
import type { Template } from '../templates/schema';
import { documentTerms, type DocumentTerms } from '../i18n/document-terms';
import type { NoteInline, NoteRef, TextRun } from './model';
import type { MessageValues } from '../errors';
import { exportNote, type CataloguedNote, type ExportNoteKey } from '../i18n/export-notes';

/** A recommendation item as the table of recommendations needs it. */
export interface CollectedRecommendation {
  number: string;
  theme: string;
  text: string;
  addressee: string;
}

/** State shared by the pieces of one compile run: counters and what was collected. */
export class CompileContext {
  private noteId = 0;
  private noteLabel = 0;
  private figure = 0;
  private anchorSeq = 0;
  readonly notes: CataloguedNote[] = [];
  readonly recommendations: CollectedRecommendation[] = [];
  readonly participants: Map<string, Participant>;
  /** People whose affiliation the report has given already (by a note of ours or of the text). */
  readonly attributed = new Set<string>();
  /** Every name a document may write (registry names with and without honorifics), longest first. */
  readonly personNames: string[];

  /** The generated words, in the conference language. */
  readonly terms: DocumentTerms;

  constructor(
    readonly template: Template,
    participants: Participant[],
    language = 'en',
  ) {
    this.terms = documentTerms(language);
    this.participants = new Map(participants.map((p) => [p.id, p]));
    const names = new Set(
      participants
        .flatMap((p) => [p.name.trim(), [p.honorific, p.name].filter(Boolean).join(' ').trim()])
        .filter((n) => n.includes(' ')),
    );
    this.personNames = [...names].sort((a, b) => b.length - a.length);
  }

  /** A new footnote; its printed number follows the template's footnote policy. */
  footnote(text: string, kind: NoteRef['origin'] = 'text', content?: NoteInline[]): NoteRef {
    this.noteId += 1;
    this.noteLabel += 1;
    return {
      kind: 'note',
      id: this.noteId,
      label: String(this.noteLabel),
      text: text.trim(),
      ...(content?.length ? { content } : {}),
      ...(kind === 'affiliation' ? { origin: kind } : {}),
    };
  }

  /** Notes by their id (for cross-references) and the references waiting for their number. */
  private readonly notesById = new Map<string, NoteRef>();
  private readonly refs: { run: TextRun; noteId: string }[] = [];

  /** A note that cross-references may point to. */
  nameNote(id: string, note: NoteRef): void {
    this.notesById.set(id, note);
  }

  /** A cross-reference: a text run that will print the note's number once every note is numbered. */
  noteRef(noteId: string): TextRun {
    const run: TextRun = { kind: 'text', text: '' };
    this.refs.push({ run, noteId });
    return run;
  }

  /** Fills in the cross-references (a reference may come before its note). */
  resolveNoteRefs(): void {
    for (const { run, noteId } of this.refs) {
      const note = this.notesById.get(noteId);
      if (note) {
        run.text = note.label;
        run.refersToNote = note.id;
      } else {
        run.text = '?';
        this.note('noteNotInExport');
      }
    }
  }

  /** Per-part footnote numbering starts again at each top-level part. */
  restartFootnotes(): void {
    this.noteLabel = 0;
  }

  get footnoteCount(): number {
    return this.noteId;
  }

  nextFigure(): number {
    return ++this.figure;
  }

  /** A bookmark name Word accepts (letters, digits, underscore; starts with a letter; ≤ 40 chars). */
  anchor(): string {
    return `h${++this.anchorSeq}`;
  }

  /** Said once however often it happens (values and all), at most 200 notes. */
  note(key: ExportNoteKey, values: MessageValues = {}): void {
    const same = (n: CataloguedNote) => n.key === key && JSON.stringify(n.values) === JSON.stringify(values);
    if (!this.notes.some(same) && this.notes.length < 200) this.notes.push(exportNote(key, values));
  }
}
