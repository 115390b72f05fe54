import { describe, expect, it } from 'vitest';
import { catalogueProblems, frenchSpacingProblems, icuArguments } from './catalogue-check';
import { translator } from './translate';

describe('interface catalogues (en, es, fr)', () => {
  it('have every key in every language, with the same ICU arguments as English', () => {
    expect(catalogueProblems()).toEqual([]);
  });

  it('space French high punctuation with a no-break space', () => {
    expect(frenchSpacingProblems()).toEqual([]);
  });

  it('reads the arguments a translation could get wrong', () => {
    expect(icuArguments('{count, plural, one {# word} other {# words}} in {part}')).toEqual([
      'count:plural',
      'part:string',
    ]);
    expect(icuArguments('{n, number} of {total, number}')).toEqual(['n:number', 'total:number']);
    expect(() => icuArguments('{count, plural, one {# word}')).toThrow();
  });

  it('speaks each language, with its plurals', () => {
    expect(translator('en')('common:words', { count: 1 })).toBe('1 word');
    expect(translator('en')('common:words', { count: 2 })).toBe('2 words');
    expect(translator('es')('common:words', { count: 1 })).toBe('1 palabra');
    expect(translator('es')('common:words', { count: 1200 })).toBe('1200 palabras');
    expect(translator('fr')('common:words', { count: 0 })).toBe('0 mot');
    expect(translator('fr')('common:words', { count: 2 })).toBe('2 mots');
  });
});
