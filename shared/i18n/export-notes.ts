import type { MessageValues } from '../errors';
import { isMessageKey, type SourceCatalogue } from './catalogues';
import { translator } from './translate';
import type { UiLanguage } from './ui-language';

/** A key of export.json's `note`: something the compile step skipped or guessed ("unknownElement"). */
export type ExportNoteKey = keyof SourceCatalogue['export']['note'];

/** A note of the compile step as a catalogue key and its values, worded at each edge in the user's language. */
export interface CataloguedNote {
  key: ExportNoteKey;
  values: MessageValues;
}

/** A note of a finished export: catalogued (every step's notes are), or plain words as the contract still accepts them. */
export type ExportNote = string | CataloguedNote;

export const exportNote = (key: ExportNoteKey, values: MessageValues = {}): CataloguedNote => ({ key, values });

/** Whether a note key from the wire names a message of the catalogue (anything else is not trusted). */
export function isExportNoteKey(key: string): key is ExportNoteKey {
  return isMessageKey('export', `note.${key}`);
}

/** A note in words, in the language of the edge that shows it (the export dialog, the command line). */
export function noteText(note: ExportNote | { key: string; values: MessageValues }, language: UiLanguage): string {
  if (typeof note === 'string') return note;
  if (!isExportNoteKey(note.key)) return note.key;
  return String(translator(language)(`export:note.${note.key}` as never, note.values));
}
