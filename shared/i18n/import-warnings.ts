import { z } from 'zod';
import { isMessageKey, type SourceCatalogue } from './catalogues';
import { translator } from './translate';
import type { UiLanguage } from './ui-language';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of shared/i18n/messages/en/importWarnings.json ("noteUnanchored.noMark"). */
export type ImportWarningKey = Leaves<SourceCatalogue['importWarnings']>;

/** The words a warning quotes and the numbers it counts: plain values, so a stored warning can be shown in any language. */
export type WarningValues = Record<string, string | number>;

/** What the importer says about a warning: a catalogue key and its values. */
export interface WarningText {
  key: ImportWarningKey;
  values?: WarningValues;
}

/** Whether a key names a message of the import warnings catalogue (a key read from a file is not trusted). */
export function isImportWarningKey(key: string): key is ImportWarningKey {
  return isMessageKey('importWarnings', key);
}

/** The warning's text in a language. */
export function importWarningText(text: WarningText, language: UiLanguage): string {
  return String(translator(language)(`importWarnings:${text.key}` as never, text.values ?? {}));
}

/**
 * A stored warning's message in a language: its catalogued text when it has a known key, else the
 * English message it was stored with (files imported before the catalogue, or a key since removed).
 */
export function localizeWarning(
  w: { message: string; key?: string | null; values?: WarningValues | null },
  language: UiLanguage,
): string {
  if (!w.key || !isImportWarningKey(w.key)) return w.message;
  return importWarningText({ key: w.key, values: w.values ?? {} }, language);
}

/** The key of a warning at a boundary (IPC, a file): a known catalogue key. */
export const ImportWarningKeySchema = z
  .string()
  .max(100)
  .refine(isImportWarningKey, { message: 'not a key of the import warnings catalogue' });

/** Its values at a boundary: plain strings and finite numbers, a few of them, none long. */
export const WarningValuesSchema = z
  .record(z.string().max(50), z.union([z.string().max(2000), z.number().finite()]))
  .refine((v) => Object.keys(v).length <= 20, { message: 'too many values' });
