import { describe, expect, it } from 'vitest';
import { templateSources } from '../../seeds/templates';
import { TemplateSchema } from '../templates/schema';
import { BlockLetters } from './attributed';
import { listFormat } from './list';
import { listLabel, NUMBER_FORMATS } from './number-formats';
import { docHeadingLabels, outlineOf, sectionNumbersBody } from './outline';
import { ELEMENTS } from './registry';

const templates = templateSources.map((s) => TemplateSchema.parse(s));
const t = (id: string) => templates.find((x) => x.id === id)!;
const part = (id: string, parentId: string | null, kind: string, position = 0) => ({ id, parentId, kind, position });

describe('element rules', () => {
  it('labels sessions inside an unnumbered section as the workshop seed prints them', () => {
    const parts = [
      part('title', null, 'title-block', 0),
      part('int', null, 'interventions', 1),
      part('s1', 'int', 'session', 0),
      part('s2', 'int', 'session', 1),
      part('c', null, 'contact', 2),
    ];
    const o = outlineOf(parts, t('workshop-report'));
    expect(['int', 's1', 's2', 'c'].map((id) => o.get(id)!.label)).toEqual(['', 'Session I:', 'Session II:', '']);
    expect(o.get('s2')!.numbersBody).toBe(true);
    expect(o.get('int')!.numbersBody).toBe(false);
  });

  it('prints a label format without a counter as its words, and keeps annex counters among consecutive siblings', () => {
    const o = outlineOf(
      [part('ch', null, 'chapter', 0), part('ap', null, 'appendix', 1), part('m', null, 'matrix', 2)],
      t('best-practices-compendium'),
    );
    expect(o.get('ap')!.label).toBe('Appendix:');
    expect(o.get('m')!.label).toBe('Annex:');
    expect(o.get('ap')!.role).toBe('annex');
    const sr = outlineOf(
      [
        part('c1', null, 'chapter', 0),
        part('c2', null, 'chapter', 1),
        part('r', null, 'recommendations-table', 2),
        part('p', null, 'participants', 3),
      ],
      t('summary-report'),
    );
    expect(['c1', 'c2', 'r', 'p'].map((id) => sr.get(id)!.label)).toEqual(['1.', '2.', 'Annex I:', 'Annex II:']);
  });

  it('numbers headings inside a document one level below the part, restarting below each heading', () => {
    const tpl = t('conference-proceedings');
    expect(docHeadingLabels([1, 2, 2, 1, 2], 1, true, tpl)).toEqual(['Unit I.', '1.', '2.', 'Unit II.', '1.']);
    expect(docHeadingLabels([1, 1], 1, false, tpl)).toEqual(['', '']);
    expect(sectionNumbersBody(tpl, 'unit')).toBe(true);
    expect(sectionNumbersBody(tpl, 'abstract')).toBe(false);
    expect(sectionNumbersBody(tpl, 'annex-statement')).toBe(false);
  });

  it('letters presentations and commentators apart, starting again after a heading', () => {
    const l = new BlockLetters();
    const out = [l.next('presentation'), l.next('presentation'), l.next('commentator'), l.next('moderator')];
    l.heading();
    out.push(l.next('presentation'), l.next('commentator'));
    expect(out).toEqual(['(a)', '(b)', '(a)', '', '(a)', '(a)']);
  });

  it('numbers a recommendations block as the template’s genre does, whether the format is stored or not', () => {
    const place = { role: 'recommendations' as const, depth: 0, subparagraphs: false };
    expect(listFormat(place, t('summary-report'))).toBe('lower-roman');
    expect(listFormat(place, t('conference-proceedings'))).toBe('decimal');
    expect(listFormat({ ...place, explicit: 'upper-alpha' }, t('summary-report'))).toBe('upper-alpha');
    expect(listFormat({ role: 'plain', depth: 1, subparagraphs: true }, null)).toBe('lower-roman-paren');
    expect(NUMBER_FORMATS.map((f) => listLabel(4, f))).toEqual(['4.', '4)', 'd.', '(d)', 'iv.', '(iv)', 'IV.', 'D.']);
  });
});

describe('the element registry', () => {
  it('gives every kind its compile step in its own module: inline kinds as runs, blocks as blocks', () => {
    // Rows, cells and list items compile inside their table or list; the root is the part itself.
    const inside = new Set(['root', 'listitem', 'tablerow', 'tablecell']);
    const missing = ELEMENTS.filter(
      (e) => !inside.has(e.type) && !(e.role === 'inline' ? e.compileInline : e.compileBlock),
    ).map((e) => e.type);
    expect(missing).toEqual([]);
    expect(ELEMENTS.filter((e) => e.role === 'inline' && e.compileBlock).map((e) => e.type)).toEqual([]);
  });
});
