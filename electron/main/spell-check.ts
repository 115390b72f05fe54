/**
 * Which of the spell-checker's dictionaries fits a conference language (a BCP 47 tag): the
 * same tag, else the bare language ("fr-CA" → "fr"), else the language in another region
 * ("pt" → "pt-BR"). Undefined when there is none, so the current choice is left alone.
 */
export function spellCheckLanguageFor(tag: string, available: readonly string[]): string | undefined {
  const wanted = tag.toLowerCase();
  const language = wanted.split('-')[0];
  if (!language) return undefined;
  return (
    available.find((l) => l.toLowerCase() === wanted) ??
    available.find((l) => l.toLowerCase() === language) ??
    available.find((l) => l.toLowerCase().startsWith(`${language}-`))
  );
}

/** The conference language a successful call sets (its view when opened, its patch when changed). */
export function conferenceLanguageOf(method: string, payload: unknown, value: unknown): string | undefined {
  if (method === 'openConference' || method === 'createConference' || method === 'getConference') {
    return (value as { meta?: { language?: string } } | null)?.meta?.language;
  }
  if (method === 'updateMeta') return (payload as { patch?: { language?: string } } | null)?.patch?.language;
  return undefined;
}
