/** Issue 14.2: what a template writes into the document (starting content, label words) follows the conference language. */
import { describe, expect, it } from 'vitest';
import { templateSources } from '../../seeds/templates';
import { labelFormatIn, localizeTemplate, starterIn, templateInDocumentLanguage } from './localize';
import { TemplateSchema, type TemplateSection } from './schema';

const templates = templateSources.map((src) => TemplateSchema.parse(src));
const flat = (sections: TemplateSection[]): TemplateSection[] => sections.flatMap((s) => [s, ...flat(s.children)]);
const textsOf = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  return [...(n.type === 'text' && typeof n.text === 'string' ? [n.text] : []), ...Object.values(n).flatMap(textsOf)];
};
const annual = templates.find((t) => t.id === 'annual-activity-report')!;
const implementer = flat(annual.sections).find((s) => s.id === 'implementer')!;

describe('starting content in the conference language', () => {
  it('every text of every starter has its Spanish and French', () => {
    const missing: string[] = [];
    for (const t of templates)
      for (const s of flat(t.sections))
        for (const lang of ['es', 'fr'])
          for (const text of textsOf(s.starter)) {
            const out = textsOf(starterIn(t.id, s, lang));
            if (out.includes(text)) missing.push(`${lang}/${t.id}/${s.id}: “${text}”`);
          }
    expect(missing).toEqual([]);
  });

  it('writes the annual report’s four headings in Spanish or French, from English or from another language', () => {
    expect(textsOf(implementer.starter)).toEqual([
      'Activities assigned by the Program',
      'Activities carried out',
      'Activities planned',
      'Calendar',
    ]);
    const es = starterIn(annual.id, implementer, 'es-CL');
    expect(textsOf(es)).toEqual([
      'Actividades asignadas por el Programa',
      'Actividades realizadas',
      'Actividades previstas',
      'Calendario',
    ]);
    // A starter taken from the template in the interface's language (Spanish) is written in the conference's (French).
    const fromSpanish = { ...implementer, starter: es };
    expect(textsOf(starterIn(annual.id, fromSpanish, 'fr'))).toEqual([
      'Activités confiées par le Programme',
      'Activités menées',
      'Activités prévues',
      'Calendrier',
    ]);
    expect(textsOf(starterIn(annual.id, fromSpanish, 'en'))).toEqual(textsOf(implementer.starter));
    // Only the texts change: the same nodes, the same structure.
    expect(JSON.stringify(es).replace(/"text":"[^"]*"/g, '')).toBe(
      JSON.stringify(implementer.starter).replace(/"text":"[^"]*"/g, ''),
    );
    // A template in a language carries its starters in it (a conference created in Spanish starts with them).
    const localized = flat(localizeTemplate(annual, 'es').sections).find((s) => s.id === 'implementer')!;
    expect(textsOf(localized.starter)).toEqual(textsOf(es));
  });
});

describe('label words in the conference language', () => {
  it('translates the word before the counter and spaces the French colon', () => {
    const session = { style: 'upper-roman', prefix: 'Session ', suffix: ':' } as const;
    expect(labelFormatIn(session, 'es')).toEqual({ ...session, prefix: 'Sesión ' });
    expect(labelFormatIn(session, 'fr-CA')).toEqual({ ...session, prefix: 'Séance ', suffix: '\u00a0:' });
    expect(labelFormatIn(session, 'en-GB')).toBe(session);
    const plain = { style: 'lower-alpha', prefix: '(', suffix: ')' } as const;
    expect(labelFormatIn(plain, 'fr')).toBe(plain);
  });

  it('keeps ids, titles and what each section is; English is the template itself', () => {
    for (const t of templates) {
      expect(templateInDocumentLanguage(t, 'en')).toBe(t);
      expect(templateInDocumentLanguage(t, undefined)).toBe(t);
      const fr = templateInDocumentLanguage(t, 'fr');
      expect(flat(fr.sections).map((s) => [s.id, s.title])).toEqual(flat(t.sections).map((s) => [s.id, s.title]));
    }
  });
});
