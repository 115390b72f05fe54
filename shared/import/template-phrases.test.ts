import { describe, expect, test } from 'vitest';
import {
  earliestPhrase,
  isPhrase,
  mentionsPhrase,
  openingPhrase,
  phraseInside,
  phraseSpan,
  withoutClosingPhrase,
} from './template-rules';

describe('template phrases (the genre vocabulary a template carries)', () => {
  test('an opening phrase is matched as whole words, and the text after it is kept', () => {
    expect(openingPhrase('Best Practices: US-Mexican Border', ['Best Practice', 'Best Practices'])).toEqual({
      phrase: 'Best Practices',
      rest: 'US-Mexican Border',
      after: ': US-Mexican Border',
    });
    expect(openingPhrase('APPENDIX: 1998 SOA PLAN', ['Apéndice', 'Appendix'])?.rest).toBe('1998 SOA PLAN');
    expect(openingPhrase('Apéndice', ['apendice'])?.rest).toBe('');
    expect(openingPhrase('Best Practices Concerning Migrants', ['Best Practice'])).toBeUndefined();
    expect(openingPhrase('Anything', undefined)).toBeUndefined();
  });

  test('a text is a phrase when their words are the same, punctuation and case aside', () => {
    expect(isPhrase('RECOMMENDATIONS:', ['Recommendations'])).toBe(true);
    expect(isPhrase('Recomendaciones', ['Recommendations', 'Recomendaciones'])).toBe(true);
    expect(isPhrase('Recommendations for States', ['Recommendations'])).toBe(false);
    expect(isPhrase('', [''])).toBe(false);
  });

  test('a phrase inside a text is found after its first word only, at a word boundary', () => {
    const line = 'Organized by IOM With the cooperation of ECLAC';
    expect(line.slice(phraseInside(line, ['With the cooperation of']))).toBe('With the cooperation of ECLAC');
    expect(phraseInside('With the cooperation of ECLAC', ['With the cooperation of'])).toBe(-1);
    expect(phraseInside('Organized by IOM Withthe cooperation', ['With the cooperation of'])).toBe(-1);
  });

  test('a mention is a phrase anywhere, as whole words', () => {
    expect(mentionsPhrase('read with the Attached Spreadsheet, which', ['attached spreadsheet'])).toBe(true);
    expect(mentionsPhrase('the attached spreadsheets', ['attached spreadsheet'])).toBe(false);
    expect(mentionsPhrase('anything', undefined)).toBe(false);
  });

  test('a closing phrase and the dash before it are left out; a heading that is only the phrase stays', () => {
    const suffixes = ['Best Practices', 'Best Practice'];
    expect(withoutClosingPhrase('MIGRANT PROTECTION - BEST PRACTICES', suffixes)).toBe('MIGRANT PROTECTION');
    expect(withoutClosingPhrase('INTEGRATION AND CULTURE- BEST PRACTICES', suffixes)).toBe('INTEGRATION AND CULTURE');
    expect(withoutClosingPhrase('Managing Migration Best Practices', suffixes)).toBe('Managing Migration');
    expect(withoutClosingPhrase('Best Practices', suffixes)).toBe('Best Practices');
    expect(withoutClosingPhrase(`X${' '.repeat(50_000)}-y Best Practices`, suffixes)).toBe(`X${' '.repeat(50_000)}-y`);
  });
  test('the earliest of several phrases is found, as whole words, from a given word on', () => {
    const text = 'States should ensure that those who are encouraged to';
    expect(earliestPhrase(text, ['are encouraged', 'should'], 1)).toEqual({ start: 7, end: 13 });
    expect(earliestPhrase(text, ['States'], 1)).toBeNull();
    expect(earliestPhrase(text, undefined)).toBeNull();
    expect(phraseSpan(text, 'ARE encouraged')).toEqual({ start: 36, end: 50 });
  });
});
