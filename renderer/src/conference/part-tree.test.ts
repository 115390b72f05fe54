import { describe, expect, it } from 'vitest';
import type { PartSummary } from '../../../shared/model/conference';
import { TemplateSchema } from '../../../shared/templates/schema';
import { templateSources } from '../../../seeds/templates';
import { partLabels } from '../../../shared/elements/part-labels';
import { missingRequired } from './part-tree';

const part = (id: string, parentId: string | null, position: number, kind: string, wordCount = 0): PartSummary => ({
  id,
  parentId,
  position,
  kind,
  title: id,
  status: 'drafting',
  rapporteur: '',
  wordCount,
  revision: 1,
  updatedAt: '',
});

describe('outline numbering and required flags from the template', () => {
  // The template as the renderer receives it: the seed data, validated by the shared schema.
  const t = templateSources.map((src) => TemplateSchema.parse(src)).find((x) => x.id === 'conference-proceedings')!;
  const parts = [
    part('toc', null, 0, 'toc'),
    part('abstract', null, 1, 'abstract', 120),
    part('intro', null, 2, 'introduction'),
    part('tp1', null, 3, 'thematic-part'),
    part('u1', 'tp1', 0, 'unit'),
    part('s1', 'u1', 0, 'speakers', 300),
    part('c1', 'u1', 1, 'comments'),
    part('u2', 'tp1', 1, 'unit'),
    part('tp2', null, 4, 'thematic-part'),
    part('annex1', null, 5, 'annex-final-report'),
    part('prog', null, 6, 'programme'),
    part('people', null, 7, 'participants'),
  ];

  it('numbers each level in the template’s style and annexes with their own counter', () => {
    const l = partLabels(parts, t);
    expect([l.get('tp1'), l.get('u1'), l.get('s1'), l.get('c1'), l.get('u2'), l.get('tp2')]).toEqual([
      'A.',
      'Unit I.',
      '1.',
      '2.',
      'Unit II.',
      'B.',
    ]);
    expect([l.get('annex1'), l.get('prog'), l.get('people')]).toEqual(['Annex 1', 'Annex 2', 'Annex 3']);
    expect(l.has('abstract')).toBe(false); // unnumbered section
  });

  it('flags required sections that are still empty, never generated ones', () => {
    const m = missingRequired(parts, t);
    expect(m.has('intro')).toBe(true);
    expect(m.has('c1')).toBe(true);
    expect(m.has('abstract')).toBe(false);
    expect(m.has('s1')).toBe(false);
    expect(m.has('toc')).toBe(false);
    // A thematic part whose units hold text is not empty; one with nothing written below it is.
    expect(m.has('tp1')).toBe(false);
    expect(m.has('u1')).toBe(false);
    expect(m.has('tp2')).toBe(true);
  });
});
