import { describe, expect, it } from 'vitest';
import { compileFind, matchSegments } from '../search/find';
import { accentInsensitiveSource, fold, foldedIncludes, sameFolded } from './fold';

const find = (query: string, text: string, matchCase = false, wholeWord = false) =>
  matchSegments(compileFind({ query, matchCase, wholeWord, regex: false }), [text]).matches.map((m) =>
    text.slice(m.start, m.end),
  );

describe('accent- and case-insensitive matching', () => {
  it('folds accents and case, precomposed or decomposed', () => {
    expect(fold('María PÉREZ')).toBe('maria perez');
    expect(fold('Mari\u0301a')).toBe('maria');
    expect(fold('François Ñuñez Ångström')).toBe('francois nunez angstrom');
    expect(foldedIncludes('Sra. María Pérez, OIM', 'maria')).toBe(true);
    expect(foldedIncludes('Sra. María Pérez, OIM', 'perex')).toBe(false);
    expect(sameFolded('María  Pérez ', 'maria perez')).toBe(true);
    expect(sameFolded('María Pérez', 'Mario Pérez')).toBe(false);
  });

  it('find without match case ignores accents both ways, keeps offsets of the text, and whole word still holds', () => {
    expect(find('Perez', 'Sr. Pérez y PEREZ; Pe\u0301rez')).toEqual(['Pérez', 'PEREZ', 'Pe\u0301rez']);
    expect(find('pérez', 'Juan Perez')).toEqual(['Perez']);
    expect(find('Perez', 'Perezoso Pérez', false, true)).toEqual(['Pérez']);
    expect(find('a.b', 'axb a.b á.b')).toEqual(['a.b', 'á.b']);
    // Match case is exact: accents count as well.
    expect(find('Perez', 'Pérez Perez', true)).toEqual(['Perez']);
  });

  it('the pattern escapes what is not a letter', () => {
    expect(new RegExp(accentInsensitiveSource('(1+1)?'), 'iu').test('x (1+1)? y')).toBe(true);
    expect(new RegExp(accentInsensitiveSource('(1+1)?'), 'iu').test('11')).toBe(false);
  });
});
