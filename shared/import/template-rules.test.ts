import { describe, expect, test } from 'vitest';
import type { Template } from '../templates/schema';
import { runInHeadOf, sectionForHeading, startsWithPhrase } from './template-rules';

const section = (id: string, sourceHeadings: string[], children: Template['sections'] = []) => ({
  id,
  title: id,
  required: false,
  repeatable: false,
  allows: [],
  guidance: '',
  sourceHeadings,
  children,
});
const template = {
  sections: [
    section('background', ['Background', 'Antecedentes']),
    section('sessions', ['Summary'], [section('interventions', ['Summary of interventions'])]),
  ],
  reading: { runInHeads: ['Recommendations'] },
} as unknown as Template;

describe('template rules', () => {
  test('a phrase matches whole words, without case or accents', () => {
    expect(startsWithPhrase('OBJECTIVES OF THE MEETING', 'Objectives')).toBe(true);
    expect(startsWithPhrase('Objectivesx', 'Objectives')).toBe(false);
    expect(startsWithPhrase('Séance I :', 'seance i')).toBe(true);
    expect(startsWithPhrase('anything', '')).toBe(false);
  });

  test('a heading opens the section whose source heading it starts with, the longest phrase winning', () => {
    expect(sectionForHeading(template, 'BACKGROUND')?.id).toBe('background');
    expect(sectionForHeading(template, 'Antecedentes y contexto')?.id).toBe('background');
    expect(sectionForHeading(template, 'Summary of the interventions')?.id).toBe('sessions');
    expect(sectionForHeading(template, 'SUMMARY OF INTERVENTIONS')?.id).toBe('interventions');
    expect(sectionForHeading(template, 'Conclusions')).toBeUndefined();
    expect(sectionForHeading(undefined, 'Background')).toBeUndefined();
  });

  test('a run-in head is found at the start of a paragraph only', () => {
    expect(runInHeadOf(template, 'Recommendations: the States should')).toBe('Recommendations');
    expect(runInHeadOf(template, 'The recommendations were')).toBeUndefined();
  });
});
