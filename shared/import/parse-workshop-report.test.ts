/**
 * The workshop reader on the text tree, its vocabulary read from its template
 * (seeds/templates/workshop-report.json): a report written in Spanish or French reads as one in
 * English, a sentence opening with a heading's words stays a sentence, and the template's
 * headings, not the code's, open its sections.
 */
import { describe, expect, it } from 'vitest';
import { templateSources } from '../../seeds/templates';
import { type Template, TemplateSchema } from '../templates/schema';
import { type ImportedPart, importText } from './index';

const templates = templateSources.map((t) => TemplateSchema.parse(t));
const read = (text: string, opts: { templateId?: string; templates?: Template[] } = {}) =>
  importText(text, { fileName: 'report.txt', templateId: 'workshop-report', templates, ...opts });
const outline = (parts: ImportedPart[]): unknown[] =>
  parts.map((p) => (p.children.length ? [p.kind, p.title, outline(p.children)] : [p.kind, p.title]));
type N = { type: string; text?: string; name?: string; children?: N[] };
const textOf = (n: N): string =>
  n.type === 'text'
    ? (n.text ?? '')
    : n.type === 'person-ref'
      ? `[${n.name}]`
      : (n.children ?? []).map(textOf).join('');
const paragraphs = (p: ImportedPart) => (p.doc.root.children as N[]).map(textOf);

const ENGLISH = `WORKSHOP REPORT

MIGRATION AND HUMAN RIGHTS

BACKGROUND

The workshop was held in New York.

OBJECTIVES

Objectives of the series were agreed in 2005

SUMMARY OF INTERVENTIONS

Session I: Rights of migrants

Session participants met twice a day.

Session II: Shared responsibilities

The panel spoke of cooperation.
`;

describe('the workshop reader', () => {
  it('reads a report in Spanish by the template’s Spanish words: headings, series, contact statement; notes and page breaks included', () => {
    const r = read(`INFORME DEL TALLER

SERIE DE TALLERES SOBRE MIGRACIÓN

MIGRACIÓN Y DERECHOS HUMANOS¹

ANTECEDENTES

El taller se celebró en Nueva York.

OBJETIVOS

El taller tuvo tres objetivos.

RESUMEN DE LAS INTERVENCIONES

Sesión I: Los derechos de los migrantes

Dr. Jorge Bustamante, Relator Especial de las Naciones Unidas, abrió la sesión con una reflexión sobre los Estados y

¹ Este taller cuenta con el apoyo del UNFPA.



los migrantes indocumentados.

Sesión II: Responsabilidades compartidas

La sesión trató de la cooperación.

UNITAR Nueva York es responsable del contenido de este informe.
`);
    expect(outline(r.parts)).toEqual([
      ['title-block', 'Informe Del Taller'],
      ['background', 'Background'],
      ['objectives', 'Objectives'],
      [
        'interventions',
        'Summary of interventions',
        [
          ['session', 'Los derechos de los migrantes'],
          ['session', 'Responsabilidades compartidas'],
        ],
      ],
      ['contact', 'Contact'],
    ]);
    // (titleCase knows English small words only.)
    expect(r.meta).toMatchObject({
      subtitle: 'Informe Del Taller',
      series: 'Serie De Talleres Sobre Migración',
      title: 'Migración Y Derechos Humanos',
    });
    const first = r.parts[3]!.children[0]!;
    expect(paragraphs(first)).toEqual([
      '[Dr. Jorge Bustamante], Relator Especial de las Naciones Unidas, abrió la sesión con una reflexión sobre los Estados y los migrantes indocumentados.',
    ]);
    expect(r.participants.map((p) => p.name)).toEqual(['Jorge Bustamante']);
    expect(JSON.stringify(r.parts[0]!.doc)).toContain('Este taller cuenta con el apoyo del UNFPA.');
    expect(r.warnings.filter((w) => w.code === 'NOTE_UNANCHORED' || w.code === 'UNKNOWN_SECTION')).toEqual([]);
  });

  it('reads a report in French, its sessions numbered in figures', () => {
    const r = read(`RAPPORT DE L’ATELIER

MIGRATION ET DROITS DE L’HOMME

CONTEXTE

L’atelier s’est tenu à New York.

OBJECTIFS

Trois objectifs.

RÉSUMÉ DES INTERVENTIONS

Séance 1 : Les droits des migrants

Le débat a porté sur la protection.
`);
    expect(outline(r.parts)).toEqual([
      ['title-block', 'Rapport De L’atelier'],
      ['background', 'Background'],
      ['objectives', 'Objectives'],
      ['interventions', 'Summary of interventions', [['session', 'Les droits des migrants']]],
    ]);
  });

  it('leaves a sentence that opens with a heading’s words in the text: “Objectives of the series …”, “Session participants …”', () => {
    const r = read(ENGLISH);
    expect(outline(r.parts)).toEqual([
      ['title-block', 'Workshop Report'],
      ['background', 'Background'],
      ['objectives', 'Objectives'],
      [
        'interventions',
        'Summary of interventions',
        [
          ['session', 'Rights of migrants'],
          ['session', 'Shared responsibilities'],
        ],
      ],
    ]);
    expect(paragraphs(r.parts[2]!)).toEqual(['Objectives of the series were agreed in 2005']);
    expect(paragraphs(r.parts[3]!.children[0]!)).toEqual(['Session participants met twice a day.']);
  });

  it('opens sections by the template’s source headings: renamed there, the old heading is text of the title block', () => {
    const renamed = structuredClone(templates);
    const workshop = renamed.find((t) => t.id === 'workshop-report')!;
    workshop.sections.find((s) => s.id === 'background')!.sourceHeadings = ['Setting'];
    const r = read(ENGLISH.replace('OBJECTIVES', 'SETTING'), { templates: renamed });
    expect(outline(r.parts).slice(0, 2)).toEqual([
      ['title-block', 'Workshop Report'],
      ['background', 'Background'],
    ]);
    expect(r.parts[1]!.line).toBe(9);
    expect(paragraphs(r.parts[0]!)).toEqual([
      'MIGRATION AND HUMAN RIGHTS',
      'BACKGROUND',
      'The workshop was held in New York.',
    ]);
  });

  it('reads unknown plain text with its own vocabulary when the chosen template is another genre’s', () => {
    // The conclusions template has no reader of its own: plain text falls back to this one.
    const r = read(ENGLISH, { templateId: 'conclusions-declaration' });
    expect(r.templateId).toBe('conclusions-declaration');
    expect(r.parts.map((p) => p.title)).toEqual([
      'Workshop Report',
      'Background',
      'Objectives',
      'Summary of interventions',
    ]);
    expect(r.parts[3]!.children.map((p) => p.title)).toEqual(['Rights of migrants', 'Shared responsibilities']);
  });
});
