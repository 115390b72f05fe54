import { describe, expect, test } from 'vitest';
import { conferenceLanguageOf, spellCheckLanguageFor } from './spell-check';

const available = ['en-GB', 'en-US', 'es', 'fr', 'pt-BR'];

describe('the spell-checker follows the conference language', () => {
  test('the same tag, else the bare language, else the language in another region; none leaves it alone', () => {
    expect(spellCheckLanguageFor('en-US', available)).toBe('en-US');
    expect(spellCheckLanguageFor('fr-CA', available)).toBe('fr');
    expect(spellCheckLanguageFor('es-CL', available)).toBe('es');
    expect(spellCheckLanguageFor('pt', available)).toBe('pt-BR');
    expect(spellCheckLanguageFor('EN-gb', available)).toBe('en-GB');
    expect(spellCheckLanguageFor('de', available)).toBeUndefined();
    expect(spellCheckLanguageFor('', available)).toBeUndefined();
    // "e" is not "es" nor "en-…".
    expect(spellCheckLanguageFor('e', available)).toBeUndefined();
  });

  test('the language comes from an opened conference’s view or from a metadata patch that changes it', () => {
    expect(conferenceLanguageOf('openConference', { path: '/x' }, { meta: { language: 'fr' } })).toBe('fr');
    expect(conferenceLanguageOf('getConference', { handle: 'h' }, { meta: { language: 'es-CL' } })).toBe('es-CL');
    expect(conferenceLanguageOf('updateMeta', { handle: 'h', patch: { language: 'pt' } }, { metaRevision: 2 })).toBe(
      'pt',
    );
    expect(
      conferenceLanguageOf('updateMeta', { handle: 'h', patch: { title: 'T' } }, { metaRevision: 2 }),
    ).toBeUndefined();
    expect(conferenceLanguageOf('savePart', { handle: 'h' }, { meta: { language: 'fr' } })).toBeUndefined();
  });
});
