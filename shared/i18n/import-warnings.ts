import { z } from 'zod';
import { isMessageKey, type SourceCatalogue } from './catalogues';
import { translator } from './translate';
import type { UiLanguage } from './ui-language';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of shared/i18n/messages/en/importWarnings.json ("noteUnanchored.noMark"). */
export type ImportWarningKey = Leaves<SourceCatalogue['importWarnings']>;

/** One entry of a list a warning names (a name and its line): worded by the catalogue's `listItem.<warning key>`. */
export type WarningListEntry = Record<string, string | number>;

/**
 * The words a warning quotes and the numbers it counts: plain values, so a stored warning can be shown
 * in any language; a list of entries is worded entry by entry and joined as the language joins a list.
 */
export type WarningValues = Record<string, string | number | WarningListEntry[]>;

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
  const t = translator(language);
  const values = Object.fromEntries(
    Object.entries(text.values ?? {}).map(([name, value]) => {
      if (!Array.isArray(value)) return [name, value];
      // An entry quotes the source (a name, a line number): its numbers are references, printed ungrouped.
      const asQuoted = (entry: WarningListEntry) =>
        Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, String(v)]));
      const entries = value.map((entry) => String(t(`importWarnings:listItem.${text.key}` as never, asQuoted(entry))));
      return [name, new Intl.ListFormat(language, { type: 'conjunction' }).format(entries)];
    }),
  );
  return String(t(`importWarnings:${text.key}` as never, values));
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

const PlainValue = z.union([z.string().max(2000), z.number().finite()]);
const ListEntry = z
  .record(z.string().max(50), PlainValue)
  .refine((v) => Object.keys(v).length <= 10, { message: 'too many values in a list entry' });

/** Its values at a boundary: plain strings and finite numbers, or a list of such entries; a few of them, none long. */
export const WarningValuesSchema = z
  .record(z.string().max(50), z.union([PlainValue, z.array(ListEntry).max(500)]))
  .refine((v) => Object.keys(v).length <= 20, { message: 'too many values' });
