/**
 * The conference language: a BCP 47 tag chosen from a list. Written values are checked
 * (a message in words for anything else); values read from older files are coerced to
 * the nearest listed tag, so such files still open.
 */
import { z } from 'zod';
import { appError } from '../i18n/app-error';

/** The tags the conference language may take, in the order the details panel offers them. */
export const CONFERENCE_LANGUAGES = [
  'en',
  'en-GB',
  'en-US',
  'es',
  'es-AR',
  'es-CL',
  'es-CO',
  'es-CR',
  'es-ES',
  'es-MX',
  'es-419',
  'fr',
  'fr-CA',
  'fr-CH',
  'fr-FR',
  'pt',
  'pt-BR',
  'pt-PT',
] as const;

const LISTED = new Map<string, string>(CONFERENCE_LANGUAGES.map((t) => [t.toLowerCase(), t]));

/** Names typed into the field before it took tags ("Spanish", "español"). */
const NAMES: Record<string, string> = {
  english: 'en',
  inglés: 'en',
  ingles: 'en',
  anglais: 'en',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  castellano: 'es',
  espagnol: 'es',
  french: 'fr',
  francés: 'fr',
  frances: 'fr',
  français: 'fr',
  francais: 'fr',
  portuguese: 'pt',
  portugués: 'pt',
  portugues: 'pt',
  português: 'pt',
  portugais: 'pt',
};

function canonical(raw: string): string | null {
  try {
    return Intl.getCanonicalLocales(raw.trim().replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}

/** The listed tag a value names ("ES_cl" → es-CL), or null when it names none. */
export function listedLanguage(raw: string): string | null {
  const tag = canonical(raw);
  return tag ? (LISTED.get(tag.toLowerCase()) ?? null) : null;
}

/**
 * For reading stored values: the listed tag, else its base language when listed
 * ("es-PE" → es), a language name ("Spanish" → es), and English otherwise.
 */
export function coerceLanguage(raw: unknown): string {
  if (typeof raw !== 'string') return 'en';
  const listed = listedLanguage(raw);
  if (listed) return listed;
  const named = NAMES[raw.trim().toLowerCase()];
  if (named) return named;
  const base = canonical(raw)?.split('-')[0];
  return (base && LISTED.get(base)) || 'en';
}

/** "español (Chile)", "English (United Kingdom)": a tag's name in the reader's language. */
export function languageLabel(tag: string, inLocale: string | readonly string[] = 'en'): string {
  try {
    const name = new Intl.DisplayNames(inLocale as string | string[], { type: 'language' }).of(tag);
    return name
      ? `${name.charAt(0).toLocaleUpperCase(typeof inLocale === 'string' ? inLocale : inLocale[0])}${name.slice(1)}`
      : tag;
  } catch {
    return tag;
  }
}

export const languageProblem = (raw: string) =>
  appError('INVALID_INPUT', 'conference.meta.languageNotOffered', { tag: raw.slice(0, 40) });

/** A written conference language: canonicalised and one of the list, else refused with a message in words. */
export const LanguageTag = z
  .string()
  .max(35)
  .transform((raw, ctx) => {
    const tag = listedLanguage(raw);
    if (tag) return tag;
    // `plain`: the message is for people, shown as it is (shared/contract/dispatch).
    const err = languageProblem(raw);
    ctx.addIssue({ code: 'custom', message: err.message, params: { plain: true, key: err.key, values: err.values } });
    return z.NEVER;
  });

/** A stored conference language: whatever older files hold becomes a listed tag. */
export const StoredLanguageTag = z.preprocess(coerceLanguage, z.string());
