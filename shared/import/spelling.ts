/**
 * Hunspell dictionaries (`dictionary-en`, `dictionary-en-gb`, `dictionary-es`, read by
 * `nspell`) for telling an OCR-damaged word from a real one. English is American and British
 * spelling together (UN texts write "labour", "programme", "offence"). shared/ reads no files:
 * the Node side provides the .aff/.dic texts (electron/node/importer/spelling-files.ts, which
 * the app's bundles embed). A dictionary is built on first use only (about 1.5 s for English,
 * 4 s for Spanish) and kept.
 */
import nspell from 'nspell';

/** The two files of a Hunspell dictionary, as text. */
export interface DictionaryFiles {
  aff: string;
  dic: string;
}

export type SpellingLanguage = 'en' | 'es';

/** Whether a word (as written, capitalised or not) is a word of the language. */
export interface WordList {
  readonly language: SpellingLanguage;
  knows(word: string): boolean;
  /** Short words that OCR glues to their neighbour ("Thisis", "theright", "Argentinaen"). */
  readonly joiners: ReadonlySet<string>;
}

/** The dictionary packages of each language. */
export const DICTIONARY_PACKAGES: Record<SpellingLanguage, string[]> = {
  en: ['dictionary-en', 'dictionary-en-gb'],
  es: ['dictionary-es'],
};
const JOINERS: Record<SpellingLanguage, string[]> = {
  en: [
    'a',
    'the',
    'of',
    'and',
    'to',
    'in',
    'is',
    'as',
    'at',
    'on',
    'by',
    'for',
    'or',
    'an',
    'his',
    'her',
    'its',
    'their',
    'this',
    'that',
    'with',
    'from',
    'are',
    'was',
    'be',
    'see',
    'such',
    'into',
    'which',
    'has',
    'have',
    'not',
  ],
  es: [
    'de',
    'la',
    'el',
    'en',
    'y',
    'que',
    'los',
    'las',
    'del',
    'al',
    'por',
    'para',
    'con',
    'un',
    'una',
    'se',
    'su',
    'sus',
    'es',
    'no',
    'lo',
  ],
};
const built = new Map<SpellingLanguage, WordList>();
let filesOf: ((pkg: string) => DictionaryFiles) | null = null;

/** Called once by the Node side that can read (or has embedded) the dictionary packages. */
export function provideDictionaryFiles(read: (pkg: string) => DictionaryFiles): void {
  filesOf = read;
}

/** The language's dictionary; null when none was provided (the OCR check is then skipped). */
export function dictionaryFor(language: SpellingLanguage): WordList | null {
  let list = built.get(language);
  if (!list) {
    if (!filesOf) return null;
    const read = filesOf;
    const spellers = DICTIONARY_PACKAGES[language].map((pkg) => {
      const f = read(pkg);
      return nspell(f.aff, f.dic);
    });
    const joiners = new Set(JOINERS[language]);
    list = { language, joiners, knows: (word) => spellers.some((s) => s.correct(word)) };
    built.set(language, list);
  }
  return list;
}

/** The other dictionary: Spanish names and titles quoted in an English text, and the reverse. */
export function otherLanguage(language: SpellingLanguage): SpellingLanguage {
  return language === 'en' ? 'es' : 'en';
}

/** The spelling language of a text, from its commonest short words (English unless Spanish ones dominate). */
export function guessSpellingLanguage(text: string, hint?: string): SpellingLanguage {
  if (hint?.startsWith('es')) return 'es';
  if (hint?.startsWith('en')) return 'en';
  const tally = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) tally.set(m[0], (tally.get(m[0]) ?? 0) + 1);
  const count = (words: string[]) => words.reduce((n, w) => n + (tally.get(w) ?? 0), 0);
  return count(['de', 'la', 'que', 'el', 'los', 'las', 'y']) > count(['the', 'of', 'and', 'to', 'in', 'is'])
    ? 'es'
    : 'en';
}
