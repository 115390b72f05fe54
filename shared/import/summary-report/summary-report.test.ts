/**
 * The summary-report reader on small sources: its words come from the template
 * (seeds/templates/summary-report.json), so a report written in Spanish or French reads as
 * one in English does; without those words nothing is guessed.
 */
import { describe, expect, test } from 'vitest';
import summaryReport from '../../../seeds/templates/summary-report.json' with { type: 'json' };
import { TemplateSchema } from '../../templates/schema';
import { importText, type ImportedPart } from '../index';
import { addresseeOf } from './addressee';
import { labelled } from './headings';

const template = TemplateSchema.parse(summaryReport);
const rules = template.reading?.addressee;

type N = { type: string; text?: string; label?: string; children?: N[]; $?: Record<string, unknown> };
const all = (parts: ImportedPart[]): ImportedPart[] => parts.flatMap((p) => [p, ...all(p.children)]);
const nodes = (parts: ImportedPart[], type: string): N[] => {
  const out: N[] = [];
  const walk = (n: N) => {
    if (n.type === type) out.push(n);
    (n.children ?? []).forEach(walk);
  };
  for (const p of all(parts)) walk(p.doc.root as unknown as N);
  return out;
};
const textOf = (n: N): string =>
  n.type === 'text' ? (n.text ?? '') : n.type === 'footnote' ? '' : (n.children ?? []).map(textOf).join('');

describe('headings numbered as the template numbers them', () => {
  test('“1.” is a chapter and “a.” a sub-section, any number of digits; a label glued to its title is not one', () => {
    const [chapter, sub] = template.numbering;
    expect(labelled('1. Profiling and referral', chapter)).toEqual({ label: '1', title: 'Profiling and referral' });
    expect(labelled('1000. Late themes', chapter)).toEqual({ label: '1000', title: 'Late themes' });
    expect(labelled('b. Trafficked persons', sub)).toEqual({ label: 'b', title: 'Trafficked persons' });
    expect(labelled('b. Trafficked persons', chapter)).toBeNull();
    expect(labelled('1.Profiling', chapter)).toBeNull();
    expect(labelled('Introduction', chapter)).toBeNull();
  });
});

describe('addressees, by the template’s rules', () => {
  test('the subject of the first verb, after a lead-in, in English, Spanish and French', () => {
    expect(addresseeOf('States are encouraged to harmonize their legislation.', rules)).toBe('States');
    expect(addresseeOf('Where appropriate, States are encouraged to conclude agreements.', rules)).toBe('States');
    expect(addresseeOf('UNHCR and IOM should undertake a joint study.', rules)).toBe('UNHCR and IOM');
    expect(addresseeOf('Los Estados deberían armonizar su legislación.', rules)).toBe('Los Estados');
    expect(addresseeOf('Cuando proceda, las organizaciones de la sociedad civil podrían colaborar.', rules)).toBe(
      'Las organizaciones de la sociedad civil',
    );
    expect(addresseeOf('Les États sont encouragés à harmoniser leur législation.', rules)).toBe('Les États');
  });

  test('the agent of a passive, and none where the subject is acted upon or a dummy', () => {
    expect(
      addresseeOf('A joint screening instrument should be elaborated by all stakeholders to better identify.', rules),
    ).toBe('All stakeholders');
    expect(
      addresseeOf('Un instrumento común debería ser elaborado por todas las partes para identificar.', rules),
    ).toBe('Todas las partes');
    expect(addresseeOf('Detention should be a measure of last resort.', rules)).toBe('');
    expect(addresseeOf('Regional fora could be used to enhance awareness campaigns.', rules)).toBe('');
    expect(addresseeOf('It is important to institutionalize cooperation; States should help.', rules)).toBe('');
    expect(addresseeOf('Create funds for the voluntary return of rejected asylum seekers.', rules)).toBe('');
    expect(addresseeOf('States are encouraged to act.', undefined)).toBe('');
  });
});

const SPANISH = `**Conferencia Regional sobre Protección de Refugiados – Consideraciones de Protección  
San José, Costa Rica  
19-20 November 2009**

**Informe resumido**

## Índice

<b>Introducción.....</b>	<b>3</b>
<b>1. Derechos humanos de las personas en movimiento.....</b>	<b>4</b>
a. Protección en la frontera.....	4
<b>Anexos</b>	
I. Cuadro de recomendaciones	
II. Lista de participantes	

## **Introducción:**

El 19 y 20 de noviembre de 2009 se celebró la Conferencia en San José.<sup>1</sup>

---

<sup>1</sup> Véase <http://www.acnur.org/conferencia-regional-2009>.

## **1. Derechos humanos de las personas en movimiento**

### **a. Protección en la frontera**

Los participantes señalaron que el aumento de la migración irregular ha planteado numerosos desafíos de protección en los puntos de entrada, en particular para la Comisión Interamericana de

---

Derechos Humanos, cuyo papel fue reconocido.

**Recomendaciones:**

- i. *Los Estados deberían armonizar su legislación nacional con sus obligaciones internacionales.*
- ii. *La detención debería ser una medida de último recurso.*
`;

describe('a summary report in Spanish, read with the template’s Spanish words', () => {
  const r = importText(SPANISH, {
    fileName: 'informe.md',
    templateId: 'summary-report',
    templates: [template],
  });

  test('its contents, introduction, chapter and lettered sub-section', () => {
    expect(r.parts.map((p) => [p.kind, p.title])).toEqual([
      ['introduction', 'Introducción'],
      ['chapter', 'Derechos humanos de las personas en movimiento'],
    ]);
    expect(r.parts[1]!.children.map((p) => [p.kind, p.title])).toEqual([['subsection', 'Protección en la frontera']]);
    expect(r.meta).toMatchObject({
      title: 'Conferencia Regional sobre Protección de Refugiados',
      subtitle: 'Consideraciones de Protección. Informe resumido',
      city: 'San José',
      country: 'Costa Rica',
    });
    // The contents page is not a part; its annexes are reported, each by what it is.
    expect(r.warnings.filter((w) => w.code === 'ANNEX_ABSENT').map((w) => [w.line, w.key])).toEqual([
      [13, 'annexAbsent.generated'],
      [14, 'annexAbsent.participants'],
    ]);
    expect(r.warnings.filter((w) => w.code === 'TOC_MISMATCH')).toEqual([]);
  });

  test('its “Recomendaciones:” block, its addressees, its note and the sentence a page break cut', () => {
    expect(nodes(r.parts, 'run-in').map((n) => n.label)).toEqual(['Recomendaciones:']);
    const recs = nodes(r.parts, 'list').filter((l) => l.$?.role === 'recommendations');
    expect(recs.map((l) => l.children!.map((li) => li.$?.addressee ?? ''))).toEqual([['Los Estados', '']]);
    expect(r.warnings.filter((w) => w.code === 'ADDRESSEE_UNKNOWN').map((w) => w.line)).toEqual([37]);
    const notes = nodes(r.parts, 'footnote');
    expect(notes).toHaveLength(1);
    expect(JSON.stringify(notes[0])).toContain('http://www.acnur.org/conferencia-regional-2009');
    expect(nodes(r.parts, 'paragraph').map(textOf)).toContain(
      'Los participantes señalaron que el aumento de la migración irregular ha planteado numerosos desafíos de protección en los puntos de entrada, en particular para la Comisión Interamericana de Derechos Humanos, cuyo papel fue reconocido.',
    );
    expect(JSON.stringify(r.parts)).not.toMatch(/<sup>|---/);
  });

  test('without the template’s words, no heading is taken for the contents, the introduction or a run-in head', () => {
    const bare = importText(SPANISH, { fileName: 'informe.md', templateId: 'summary-report' });
    expect(nodes(bare.parts, 'run-in')).toEqual([]);
    expect(all(bare.parts).map((p) => p.title)).toContain('Índice');
  });
});

describe('a summary report whose notes are markdown footnotes (as a converted .docx writes them)', () => {
  test('its marks take their notes, links kept', () => {
    const r = importText(
      '**A Conference**\n\n**Summary Report**\n\n## **1. Protection**\n\nParticipants met.[^1]\n\n**Recommendations:**\n\n- i. States should act.[^2]\n\n[^1]: See <http://example.org/a>.\n\n[^2]: As agreed.\n',
      { fileName: 'r.md', templateId: 'summary-report', templates: [template] },
    );
    const notes = nodes(r.parts, 'footnote');
    expect(notes).toHaveLength(2);
    expect(JSON.stringify(notes[0])).toContain('http://example.org/a');
    expect(nodes(r.parts, 'paragraph').map(textOf)).toContain('Participants met.');
    expect(r.warnings.filter((w) => w.code === 'NOTE_UNANCHORED')).toEqual([]);
  });
});
