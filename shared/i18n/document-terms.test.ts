import { describe, expect, it } from 'vitest';
import {
  documentLanguage,
  documentTerms,
  formatDocumentDate,
  formatDocumentDateRange,
  frenchTypography,
  languageNameIn,
  templateWord,
} from './document-terms';

describe('document terms', () => {
  it('looks a tag up by its base language, falling back to English', () => {
    expect(documentLanguage('es-CL')).toBe('es');
    expect(documentLanguage('fr-CA')).toBe('fr');
    expect(documentLanguage('pt-BR')).toBe('en');
    expect(documentLanguage('')).toBe('en');
    expect(documentLanguage('espagnol')).toBe('en');
    expect(documentTerms('es-MX').contents).toBe('Índice');
  });

  it('every language has every term', () => {
    const keys = Object.keys(documentTerms('en')).sort();
    for (const tag of ['es', 'fr']) {
      expect(Object.keys(documentTerms(tag)).sort()).toEqual(keys);
      for (const [k, v] of Object.entries(documentTerms(tag)))
        if (typeof v === 'string') expect(v, `${tag}.${k}`).not.toBe('');
    }
  });

  it('dates through Intl, English written day first as the UN does', () => {
    expect(formatDocumentDate('2009-11-20', 'en-US')).toBe('20 November 2009');
    expect(formatDocumentDate('2009-11-20', 'es-CL')).toBe('20 de noviembre de 2009');
    expect(formatDocumentDate('2009-11-20', 'fr')).toBe('20 novembre 2009');
    expect(formatDocumentDate('next week', 'es')).toBe('next week');
    expect(formatDocumentDate('2009-02-30', 'es')).toBe('2009-02-30');
    expect(formatDocumentDateRange('2009-11-19', '2009-11-20', 'en')).toBe('19–20 November 2009');
    expect(formatDocumentDateRange('2009-11-19', '2009-11-20', 'es')).toBe('19–20 de noviembre de 2009');
    expect(formatDocumentDateRange('2002-11-30', '2002-12-02', 'fr')).toBe('30 novembre – 2 décembre 2002');
    expect(formatDocumentDateRange('2002-11-30', '', 'es')).toBe('30 de noviembre de 2002');
  });

  it('language names as the document language writes them, from tags or typed names', () => {
    expect(languageNameIn('es', 'en')).toBe('Spanish');
    expect(languageNameIn('en', 'es')).toBe('inglés');
    expect(languageNameIn('Spanish', 'fr')).toBe('espagnol');
    expect(languageNameIn('es-CL', 'es')).toBe('español');
    expect(languageNameIn('Klingonese!', 'es')).toBe('Klingonese!');
  });

  it('translates template words it knows, keeps the rest', () => {
    const es = documentTerms('es');
    expect(templateWord('Table of Recommendations', es)).toBe('Cuadro de recomendaciones');
    expect(templateWord('Hemispheric matters', es)).toBe('Hemispheric matters');
  });

  it('French spacing before ; : ! ? and inside quotes, but not in times or addresses', () => {
    expect(frenchTypography('Pourquoi? Voici: "oui"; non!')).toBe(
      'Pourquoi\u202F? Voici\u00A0: «\u00A0oui\u00A0»\u202F; non\u202F!',
    );
    expect(frenchTypography('à 10:30, voir https://x.org')).toBe('à 10:30, voir https://x.org');
    expect(frenchTypography('déjà espacé : oui')).toBe('déjà espacé\u00A0: oui');
    expect(frenchTypography('le “mot” et "l’autre"', false)).toBe('le «\u00A0mot\u00A0» et "l’autre"');
  });
});
