import { z } from 'zod';

/** The languages the interface speaks (its menus, screens, messages), apart from any document's language. */
export const UI_LANGUAGES = ['en', 'es', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** What the user chose in the app: a language, or "follow the system / browser". */
export const UiLanguageChoice = z.enum(['system', ...UI_LANGUAGES]);
export type UiLanguageChoice = z.infer<typeof UiLanguageChoice>;

export const DEFAULT_UI_LANGUAGE: UiLanguage = 'en';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The interface language for a list of preferred BCP 47 tags, best first (navigator.languages,
 * Electron's app.getPreferredSystemLanguages()): the first whose primary language we speak
 * ("es-CL" → "es"), else English.
 */
export function pickUiLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isUiLanguage(primary)) return primary;
  }
  return DEFAULT_UI_LANGUAGE;
}

/** The language in force: the user's choice, or the system's when they chose to follow it. */
export function resolveUiLanguage(choice: UiLanguageChoice | undefined, system: readonly string[]): UiLanguage {
  return choice && choice !== 'system' ? choice : pickUiLanguage(system);
}

/**
 * The languages a command line user asked for, best first, from the POSIX locale variables:
 * LANGUAGE (a colon list), then LC_ALL, LC_MESSAGES, LANG ("es_ES.UTF-8" → "es-ES"; "C" and "POSIX" say nothing).
 */
export function posixLocaleLanguages(env: Record<string, string | undefined>): string[] {
  const tags = [...(env.LANGUAGE ?? '').split(':'), env.LC_ALL, env.LC_MESSAGES, env.LANG]
    .map((v) => (v ?? '').split(/[.@]/)[0]!.replace('_', '-').trim())
    .filter((v) => v && v !== 'C' && v !== 'POSIX');
  return [...new Set(tags)];
}
