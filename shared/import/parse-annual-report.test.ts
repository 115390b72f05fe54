/**
 * The annual-report reader (seed 002's genre) on the text tree, its vocabulary read from its
 * template (seeds/templates/annual-activity-report.json): a report in Spanish reads as one in
 * English, the template's run-in heads are run-in heads, Word's one-paragraph-per-line text is
 * mended where a lost endnote mark broke a line, and a label alone on its line opens the next.
 */
import { describe, expect, it } from 'vitest';
import { templateSources } from '../../seeds/templates';
import { type Template, TemplateSchema } from '../templates/schema';
import { type ImportedPart, importText } from './index';

const templates = templateSources.map((t) => TemplateSchema.parse(t));
const read = (text: string, opts: { templates?: Template[] } = {}) =>
  importText(text, { fileName: 'informe.txt', templateId: 'annual-activity-report', templates, ...opts });
const outline = (parts: ImportedPart[]): unknown[] =>
  parts.map((p) => (p.children.length ? [p.kind, p.title, outline(p.children)] : [p.kind, p.title]));
type N = { type: string; text?: string; label?: string; tag?: string; children?: N[]; [k: string]: unknown };
const textOf = (n: N): string => (n.type === 'text' ? (n.text ?? '') : (n.children ?? []).map(textOf).join(''));
const blocks = (p: ImportedPart) =>
  (p.doc.root.children as N[]).map((n) =>
    n.type === 'run-in' ? `run-in ${n.label} ${textOf(n)}` : `${n.tag ?? n.type} ${textOf(n)}`.trim(),
  );

const SPANISH = `INFORME ANUAL SOBRE LAS ACTIVIDADES DEL PROGRAMA
[AG/RES. 2289 (XXXVII-O/07)]
I.  Introducción:
La migración no es un fenómeno nuevo.
II.  Antecedentes:
La Asamblea General adoptó el Programa.
III.  Objetivos y estructura del Programa:
A.  Objetivos del Programa:
El objetivo principal es proteger los derechos humanos de los migrantes.
IV.  Informe anual de actividades
A.  Comisión Interamericana de Mujeres (CIM):
Objetivo:
Fortalecer las capacidades de los gobiernos.
Actividades de seguimiento: El Departamento asistió a la Comisión.
B.  Secretaría de Asuntos Jurídicos
B.1. Departamento de Derecho Internacional
1. Continuación del proyecto
2. Publicación del estudio
iv.
Resolución de la Asamblea de Delegadas
La Asamblea adoptó la resolución.
VI.
Conclusiones:
El Secretario General solicita a los órganos su apoyo.
`;

describe('the annual-report reader, its vocabulary from its template', () => {
  it('reads a Spanish report’s sections, implementing bodies and offices by the template’s source headings', () => {
    const r = read(SPANISH);
    expect(outline(r.parts)).toEqual([
      ['introduction', 'Introducción'],
      ['background', 'Antecedentes'],
      ['objectives', 'Objetivos y estructura del Programa'],
      [
        'activity-report',
        'Informe anual de actividades',
        [
          ['implementer', 'Comisión Interamericana de Mujeres (CIM)'],
          [
            'implementer',
            'Secretaría de Asuntos Jurídicos',
            [['implementer-unit', 'Departamento de Derecho Internacional']],
          ],
        ],
      ],
      ['conclusion', 'Conclusiones'],
    ]);
    expect(r.meta.symbol).toBe('AG/RES. 2289 (XXXVII-O/07)');
    expect(r.warnings.filter((w) => w.code === 'NUMBERING_GAP').map((w) => w.line)).toEqual([22]);
  });

  it('keeps the template’s run-in heads (Spanish too), items in sequence as a list, and a lone label with its title', () => {
    const r = read(SPANISH);
    const [cim, legal] = r.parts[3]!.children;
    expect(blocks(cim!)).toEqual([
      'run-in Objetivo: ',
      'paragraph Fortalecer las capacidades de los gobiernos.',
      'run-in Actividades de seguimiento: El Departamento asistió a la Comisión.',
    ]);
    const office = legal!.children[0]!;
    expect(blocks(office)).toEqual([
      'ol Continuación del proyectoPublicación del estudio',
      'h1 Resolución de la Asamblea de Delegadas',
      'paragraph La Asamblea adoptó la resolución.',
    ]);
  });

  it('without the template’s run-in heads, “Objetivo:” is a paragraph: the words are data, not code', () => {
    const bare = templates.map((t) => (t.id === 'annual-activity-report' ? { ...t, reading: {} } : t));
    const cim = read(SPANISH, { templates: bare }).parts[3]!.children[0]!;
    expect(blocks(cim)[0]).toBe('paragraph Objetivo:');
  });

  it('mends a line broken at a lost endnote mark, places the endnote there, and keeps a field code’s address', () => {
    const text = [
      'I.  Introduction:',
      'PAHO supports the right to enjoy the highest attainable standard of health',
      ' (hereinafter, “the right to health”) in its Members.',
      'II.  Background:',
      'The Program was adopted in 2005.',
      ' \uFFFD.\tAccording to the Constitution of WHO, the highest attainable standard of health is a right.',
      '',
      '',
      '\uFFFD.\tDocument available at:  \uFFFD HYPERLINK "http://example.org/a.pdf" \uFFFD\uFFFDhttp://example.org/a.pdf\uFFFD',
    ].join('\n');
    const r = read(text);
    const intro = r.parts[0]!;
    expect(blocks(intro)).toEqual([
      'paragraph PAHO supports the right to enjoy the highest attainable standard of health (hereinafter, “the right to health”) in its Members.',
    ]);
    const notes = JSON.stringify(r.parts).match(/"type":"footnote"/g) ?? [];
    expect(notes).toHaveLength(2);
    expect(r.warnings.find((w) => w.code === 'ENDNOTE_PLACED')?.line).toBe(2);
    expect(JSON.stringify(r.parts)).toContain('http://example.org/a.pdf');
    expect(JSON.stringify(r.parts)).not.toContain('HYPERLINK');
  });

  it('places every endnote when the text has more broken lines than notes', () => {
    const text = [
      'I.  Introduction:',
      'The first paragraph of the report',
      ' (broken here) goes on.',
      'The second paragraph of the report',
      ' (broken here too) goes on.',
      'II.  Background:',
      'The Program was adopted in 2005.',
      '\uFFFD.\tThe only note.',
    ].join('\n');
    const r = read(text);
    expect(JSON.stringify(r.parts).match(/"type":"footnote"/g)).toHaveLength(1);
    expect(r.warnings.filter((w) => w.code === 'ENDNOTE_PLACED').map((w) => w.line)).toEqual([2]);
  });
});
