import { describe, expect, test } from 'vitest';
import source from '../../../seeds/templates/conference-proceedings.json' with { type: 'json' };
import { TemplateSchema } from '../../templates/schema';
import type { ImportedPart } from '../result';
import { ImportContext } from '../result';
import { toLines } from '../source';
import { parseProceedings } from './read-proceedings';
import { proceedingsVocabulary } from './vocabulary';
import { namesIn, programmeWords, slotParagraphs } from '../read-programme';

const template = TemplateSchema.parse(source);
const vocab = proceedingsVocabulary(template);

const outline = (parts: ImportedPart[], depth = 0): string[] =>
  parts.flatMap((p) => [`${'  '.repeat(depth)}${p.kind}: ${p.title}`, ...outline(p.children, depth + 1)]);
const nodeTypes = (p: ImportedPart) => (p.doc.root.children as { type: string }[]).map((n) => n.type);

describe('the proceedings vocabulary comes from the template', () => {
  test('units, sub-headings, annexes and moderators in the three languages, OCR damage read through', () => {
    expect(vocab.unitHeading('Unidad II: Trata de personas')).toEqual({ label: 'II', title: 'Trata de personas' });
    expect(vocab.unitHeading('Unité III : Protection')).toEqual({ label: 'III', title: 'Protection' });
    expect(vocab.unitHeading('Unitl:  Human rights')).toEqual({ label: 'l', title: 'Human rights' });
    expect(vocab.opensUnit('United Nations')).toBe(false);
    expect(vocab.subsection('3. Aspectos destacados de la unidad', 'unit')).toEqual({
      kind: 'highlights',
      label: '3',
      title: 'Aspectos destacados de la unidad',
    });
    expect(vocab.subsection('Commentaires', 'unit')).toMatchObject({ kind: 'comments', label: undefined });
    // A section of another part is not a sub-heading here.
    expect(vocab.subsection('1. Report of civil society organizations', 'unit')).toBeNull();
    expect(vocab.subsection('1. Report of civil society organizations', 'final-panel')?.kind).toBe('cso-report');
    expect(vocab.annexNumber('Anexo 3')).toBe(3);
    expect(vocab.annexNumber('Annexe 2 :')).toBe(2);
    expect(vocab.annexNumber('Annex 2 was adopted')).toBeNull();
    expect(vocab.annexKind('Lista de participantes', 1)).toBe('participants');
    expect(vocab.annexKind('Programme of the conference', 4)).toBe('programme');
    expect(vocab.partKind('Report of civil society organizations and final panel')).toBe('final-panel');
    expect(vocab.partKind('Trafficking in persons')).toBe('thematic-part');
    expect(
      ['Moderadora: Ana Pérez', 'M oder ator: Ann Jordan', 'Modératrice : Claire Dubois'].map(vocab.afterModerator),
    ).toEqual(['Ana Pérez', 'Ann Jordan', 'Claire Dubois']);
    expect(vocab.afterModerator('The moderator: Ann Jordan')).toBeUndefined();
    expect(vocab.afterModerator('M  oderator: Ann Jordan')).toBeUndefined();
    expect(vocab.subheadingLevel('Objetivos específicos')).toBe(2);
    expect(vocab.subheadingLevel('Contexte')).toBe(1);
    expect(vocab.subheadingLevel('Background of the conference')).toBeUndefined();
    expect(vocab.labels.figure('Gráfico 2 Población inmigrante')).toBe('Población inmigrante');
    expect(vocab.labels.figure('Figure 1')).toBe('');
    expect(vocab.labels.figure('Figures show')).toBeUndefined();
    expect(vocab.labels.source('Fuente: CELADE')).toBe('CELADE');
    expect(vocab.labels.note('Nota: Canadá pidió')).toBe('Canadá pidió');
    expect(vocab.labels.note('Notably, Canada')).toBeUndefined();
  });

  test('the programme’s words come from the template too: days, breaks, units and each line’s opener', () => {
    const w = programmeWords(template);
    expect(w.day.test('Wednesday 20 November')).toBe(true);
    expect(w.day.test('Miércoles 20 de noviembre')).toBe(true);
    expect(w.day.test('Wednesday was long')).toBe(false);
    expect(
      ['Pausa para el café', 'Unidad II:', 'Block III:', 'Conclusions and recommendations'].map(w.opensItem),
    ).toEqual([true, true, true, true]);
    expect(w.opensItem('United Nations')).toBe(false);
    expect(namesIn({ kind: 'moderator', text: 'Moderadora: Ana Pérez, CEPAL' }, w)).toEqual(['Ana Pérez']);
    expect(namesIn({ kind: 'presenter', text: 'Presentación de Luis Gómez, OIM' }, w)).toEqual(['Luis Gómez']);
    expect(namesIn({ kind: 'commentators', text: 'Comentaristas: Ana Pérez, CEPAL; Luis Gómez, OIM' }, w)).toEqual([
      'Ana Pérez',
      'Luis Gómez',
    ]);
    // The label printed stays as printed; a line of names without one gets the template's.
    const cell = slotParagraphs(
      {
        day: '',
        start: '',
        end: '',
        time: '',
        section: '',
        n: 1,
        lines: [
          { kind: 'moderator', text: 'Moderadora: Ana Pérez' },
          { kind: 'speakers', text: 'Luis Gómez, OIM' },
        ],
      },
      w,
    ) as unknown as { children: { text: string }[] }[];
    expect(cell.map((p) => p.children.map((c) => c.text).join(''))).toEqual([
      'Moderadora: Ana Pérez',
      'Speakers: Luis Gómez, OIM',
    ]);
    expect(programmeWords(undefined).day.test('Wednesday 20 November')).toBe(false);
  });

  test('without a template nothing is a heading of the genre', () => {
    const none = proceedingsVocabulary(undefined);
    expect(none.unitHeading('Unit I: Migration')).toBeNull();
    expect(none.subsection('1. Speakers', 'unit')).toBeNull();
    expect(none.afterModerator('Moderator: Ann Jordan')).toBeUndefined();
    expect(none.annexNumber('Annex 1')).toBeNull();
    expect(none.labels.figure('Figure 1')).toBeUndefined();
  });

  test('a proceedings text in Spanish is read into its parts by the same reader', () => {
    const text = [
      'Resumen',
      '',
      'Este documento resume las ponencias y los comentarios de la conferencia.',
      '',
      'Introducción',
      '',
      'Antecedentes',
      '',
      'La conferencia fue convocada por la CEPAL.',
      '',
      'A. Migración internacional en las Américas',
      '',
      'Unidad I: Migración y derechos',
      '',
      'Moderadora: Ana Pérez, Directora del programa.',
      '',
      '1. Ponentes',
      '',
      '(a) Luis Gómez, La migración en cifras',
      '',
      'El señor Gómez presentó las cifras de la región.',
      '',
      '2. Comentarios',
      '',
      'El primer comentarista fue breve.',
      '',
      '3. Aspectos destacados de la unidad',
      '',
      'La migración crece en toda la región.',
      '',
      'La protección de los migrantes es necesaria.',
      '',
      'Síntesis',
      '',
      'La conferencia concluyó con recomendaciones.',
    ].join('\n');
    const ctx = new ImportContext();
    parseProceedings(toLines(text), ctx, template);
    expect(outline(ctx.parts)).toEqual([
      'abstract: Resumen',
      'introduction: Introducción',
      'thematic-part: Migración internacional en las Américas',
      '  unit: Migración y derechos',
      '    speakers: Ponentes',
      '    comments: Comentarios',
      '    highlights: Aspectos destacados de la unidad',
      'summary: Síntesis',
    ]);
    const [, intro, part] = ctx.parts;
    expect(nodeTypes(intro!)).toEqual(['heading', 'paragraph']);
    const unit = part!.children[0]!;
    expect(nodeTypes(unit)).toEqual(['moderator']);
    expect(nodeTypes(unit.children[0]!)).toEqual(['presentation', 'paragraph']);
    expect(nodeTypes(unit.children[2]!)).toEqual(['list']);
    expect(ctx.people.find('Ana Pérez')?.role).toBe('Moderator');
    // The details are what the text states: no organiser, venue or series it does not name, in its language.
    expect(ctx.meta).toMatchObject({ organisers: [], language: 'es' });
    expect([ctx.meta.venue, ctx.meta.series, ctx.meta.seriesNumber]).toEqual([undefined, undefined, undefined]);
  });
});
