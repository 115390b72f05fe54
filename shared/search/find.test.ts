import { describe, expect, it } from 'vitest';
import type { LexicalDoc } from '../model/conference';
import { docToPlainText } from '../model/doc-text';
import { AppError } from '../errors';
import { compileFind, findInDoc, hasNestedQuantifier, matchSegments, replaceInDoc, type FindOptions } from './find';

const el = { direction: 'ltr', format: '', indent: 0, version: 1 };
const t = (text: string, format = 0) => ({
  type: 'text',
  text,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
});
const p = (...children: unknown[]) => ({ type: 'paragraph', ...el, children });
const doc = (...children: unknown[]) => ({ root: { type: 'root', ...el, children } }) as unknown as LexicalDoc;
const opts = (query: string, o: Partial<FindOptions> = {}): FindOptions => ({
  query,
  matchCase: false,
  wholeWord: false,
  regex: false,
  ...o,
});

describe('compiling what to find', () => {
  it('refuses empty, overlong, invalid, empty-matching and nested-quantifier patterns with messages', () => {
    const refused = (o: FindOptions) => {
      try {
        compileFind(o);
        return '';
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return (e as AppError).message;
      }
    };
    expect(refused(opts(''))).toMatch(/Type what to find/);
    expect(refused(opts('x'.repeat(501)))).toMatch(/too long/);
    expect(refused(opts('(ab', { regex: true }))).toMatch(/not valid/);
    expect(refused(opts('a*', { regex: true }))).toMatch(/empty text/);
    expect(refused(opts('(a+)+b', { regex: true }))).toMatch(/repeats a group/);
    expect(refused(opts('(a+)+b'))).toBe(''); // literal: fine
    expect(hasNestedQuantifier('(?:\\w*\\s)*x')).toBe(true);
    expect(hasNestedQuantifier('(ab)+[(+)]*c{2}')).toBe(false);
    expect(hasNestedQuantifier('\\(a+\\)+')).toBe(false);
  });

  it('whole word sees letters of the neighbouring runs, accents included', () => {
    const f = compileFind(opts('Internationa', { wholeWord: true, matchCase: true }));
    const hits = (segs: (string | null)[]) => matchSegments(f, segs).matches.map((m) => [m.segment, m.start, m.end]);
    expect(hits(['the Internationa Labour', null, 'International'])).toEqual([[0, 4, 16]]);
    expect(hits(['the Internationa', 'l Labour'])).toEqual([]); // the word goes on in the next run
    expect(hits(['Internationa', null, 'Internationa'])).toEqual([
      [0, 0, 12],
      [2, 0, 12],
    ]);
    expect(
      matchSegments(compileFind(opts('migr', { wholeWord: true })), ['migración migr']).matches.map((m) => m.start),
    ).toEqual([10]);
  });

  it('a hit across two runs is not a hit (its formatting could not be kept)', () => {
    expect(matchSegments(compileFind(opts('bold text')), ['some bold', ' text']).matches).toEqual([]);
  });
});

describe('find and replace in a part', () => {
  const sample = doc(
    p(t('The Internationa Organization for Migration and the '), t('International', 1), t(' Labour Office.')),
    p(
      t('A note'),
      { type: 'footnote', text: 'See Internationa Covenant.', version: 1 },
      t(' and Internationa'),
      { type: 'linebreak', version: 1 },
      t('law'),
    ),
    {
      type: 'list',
      listType: 'bullet',
      start: 1,
      tag: 'ul',
      ...el,
      children: [{ type: 'listitem', value: 1, ...el, children: [t('Internationally')] }],
    },
  );

  it('lists every hit with its context and what it would become, footnotes included', () => {
    const f = compileFind(opts('Internationa', { wholeWord: true }));
    const hits = findInDoc(sample, f, 'International');
    expect(hits.map((h) => [h.index, h.before, h.match, h.after.slice(0, 12), h.replacement])).toEqual([
      [0, 'The ', 'Internationa', ' Organizatio', 'International'],
      [1, 'A note and ', 'Internationa', ' law', 'International'],
      [2, 'See ', 'Internationa', ' Covenant.', 'International'], // a footnote follows the block that holds it
    ]);
  });

  it('replaces exactly the chosen hits, keeps formatting and every other node, leaves the input alone', () => {
    const before = JSON.stringify(sample);
    const f = compileFind(opts('Internationa', { wholeWord: true }));
    const { doc: out, count } = replaceInDoc(sample, f, 'International', new Set([0, 1]));
    expect(count).toBe(2);
    expect(JSON.stringify(sample)).toBe(before);
    const text = docToPlainText(out);
    expect(text).not.toMatch(/Internationall\b/);
    expect(text).toContain('The International Organization');
    expect(text).toContain('See Internationa Covenant'); // unticked
    expect(text).toContain('Internationally');
    // Only the text of the two runs changed: the same JSON once they are put back.
    expect(
      JSON.stringify(out)
        .replace('"The International Org', '"The Internationa Org')
        .replace('" and International"', '" and Internationa"'),
    ).toBe(before);
    expect(replaceInDoc(sample, f, 'International', null).count).toBe(3);
  });

  it('without whole word, the plain query would have damaged correct words (the bug this prevents)', () => {
    const { doc: out, count } = replaceInDoc(sample, compileFind(opts('Internationa')), 'International', null);
    expect(count).toBe(5);
    expect(docToPlainText(out)).toMatch(/Internationall/);
  });

  it('finds and replaces in the text a node keeps in its fields: figure captions and sources, run-in labels', () => {
    const d = doc(
      { type: 'figure', src: 'data:x', caption: 'Internationa migrants', source: 'IMILA', alt: '', version: 1 },
      { type: 'run-in', label: 'Internationa:', ...el, children: [t('text')] },
    );
    const f = compileFind(opts('Internationa', { wholeWord: true }));
    expect(findInDoc(d, f, 'X').map((h) => h.after)).toEqual([' migrants', ':']);
    const out = replaceInDoc(d, f, 'International', null).doc as unknown as {
      root: { children: Record<string, unknown>[] };
    };
    expect(out.root.children[0]).toMatchObject({ caption: 'International migrants', src: 'data:x', source: 'IMILA' });
    expect(out.root.children[1]).toMatchObject({ label: 'International:' });
  });

  it('regular expressions: groups in the replacement, case as asked; an unchanged hit is not counted', () => {
    const d = doc(p(t('Dates: 12/03/2025 and 1/4/2024.')));
    const f = compileFind(opts('(\\d{1,2})/(\\d{1,2})/(?<y>\\d{4})', { regex: true }));
    const r = replaceInDoc(d, f, '$<y>-$2-$1 ($$)', null);
    expect(docToPlainText(r.doc)).toBe('Dates: 2025-03-12 ($) and 2024-4-1 ($).');
    expect(r.count).toBe(2);
    expect(replaceInDoc(d, compileFind(opts('dates', { matchCase: true })), 'x', null).count).toBe(0);
    expect(replaceInDoc(d, compileFind(opts('and')), 'and', null)).toEqual({ doc: d, count: 0 });
  });
});
