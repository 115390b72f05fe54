import { describe, expect, it } from 'vitest';
import { ConferenceMeta, ConferenceMetaPatch, emptyMeta } from './conference';
import { coerceLanguage, CONFERENCE_LANGUAGES, languageLabel, listedLanguage } from './language';

describe('the conference language', () => {
  it('canonicalises listed tags and refuses the rest', () => {
    expect(listedLanguage('ES_cl')).toBe('es-CL');
    expect(listedLanguage('en-gb')).toBe('en-GB');
    expect(listedLanguage('fr')).toBe('fr');
    expect(listedLanguage('es-PE')).toBeNull();
    expect(listedLanguage('Spanish')).toBeNull();
    expect(listedLanguage('')).toBeNull();
  });

  it('a written value is checked, with a message in words', () => {
    expect(ConferenceMetaPatch.parse({ language: 'es_CL' })).toEqual({ language: 'es-CL' });
    const r = ConferenceMetaPatch.safeParse({ language: 'the language of the Andes' });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.message).toContain('“the language of the Andes” is not a conference language');
    expect(issue.message).toContain('es-CL');
    expect(ConferenceMetaPatch.safeParse({ language: 'x'.repeat(200) }).success).toBe(false);
  });

  it('a stored value of an older file is coerced, never refused', () => {
    const read = (language: unknown) => ConferenceMeta.parse({ ...emptyMeta(), language }).language;
    expect(read('es-CL')).toBe('es-CL');
    expect(read('Spanish')).toBe('es');
    expect(read('Français')).toBe('fr');
    expect(read('es-PE')).toBe('es');
    expect(read('ES')).toBe('es');
    expect(read('klingon!!')).toBe('en');
    expect(read('')).toBe('en');
    expect(read(42)).toBe('en');
    expect(coerceLanguage('pt_br')).toBe('pt-BR');
  });

  it('every listed tag is canonical and has a name of its own', () => {
    for (const tag of CONFERENCE_LANGUAGES) {
      expect(Intl.getCanonicalLocales(tag)[0]).toBe(tag);
      expect(languageLabel(tag, 'en')).not.toBe(tag);
    }
    expect(languageLabel('es-CL', 'es')).toBe('Español (Chile)');
    expect(languageLabel('fr-CA', 'en')).toBe('Canadian French');
  });
});
