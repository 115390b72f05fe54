import { describe, expect, it } from 'vitest';
import { compile } from '../../compile/compile';
import { richConference, richTemplate } from '../../compile/fixtures';
import type { Proceedings } from '../../compile/model';
import { findAddresses, inlineData, quoteParts } from './inline';
import { typstInput, typstLanguage } from './typst-data';
import type { TypstBlock } from './types';

const proc = (): Proceedings =>
  compile(richConference(), richTemplate(), {
    partIds: null,
    annexes: true,
    watermark: false,
    issueDate: '2026-11-24',
  });

describe('proceedings → Typst data', () => {
  it('makes bare web and e-mail addresses links, leaving sentence punctuation outside', () => {
    expect(findAddresses('See www.iom.int, or write to info@iom.int. (http://x.org/a?b=1)')).toEqual([
      { text: 'See ' },
      { text: 'www.iom.int', url: 'https://www.iom.int' },
      { text: ', or write to ' },
      { text: 'info@iom.int', url: 'mailto:info@iom.int' },
      { text: '. (' },
      { text: 'http://x.org/a?b=1', url: 'http://x.org/a?b=1' },
      { text: ')' },
    ]);
    expect(findAddresses('a @ b, user@, @handle, 5 @ 10 %')).toEqual([{ text: 'a @ b, user@, @handle, 5 @ 10 %' }]);
  });

  it('keeps only http, https and mailto links; other schemes and dangling anchors print as their words', () => {
    const runs = (url: string) =>
      inlineData([{ kind: 'link', url, children: [{ kind: 'text', text: 'words' }] }], { anchors: new Set(['h1']) });
    expect(runs('https://www.iom.int')[0]).toMatchObject({ k: 'link', url: 'https://www.iom.int' });
    expect(runs('mailto:info@iom.int')[0]).toMatchObject({ k: 'link' });
    expect(runs('#h1')[0]).toMatchObject({ k: 'ref', anchor: 'h1' });
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '#h99'])
      expect(runs(bad), bad).toEqual([{ k: 'text', parts: ['words'] }]);
  });

  it('splits straight quotes out for the language’s own marks, and keeps Typst syntax as plain strings', () => {
    expect(quoteParts('He said "no" and it\'s #read("x")')).toEqual([
      'He said ',
      { quote: 'double' },
      'no',
      { quote: 'double' },
      ' and it',
      { quote: 'single' },
      's #read(',
      { quote: 'double' },
      'x',
      { quote: 'double' },
      ')',
    ]);
  });

  it('reads the conference language as Typst needs it', () => {
    expect(typstLanguage('es-CL')).toEqual({ lang: 'es', region: 'cl' });
    expect(typstLanguage('fr')).toEqual({ lang: 'fr', region: null });
    expect(typstLanguage('')).toEqual({ lang: 'en', region: null });
    expect(typstLanguage('#{panic()}')).toEqual({ lang: 'en', region: null });
  });

  it('carries title, language, fonts, paper and every section of the model', () => {
    const p = proc();
    const { data } = typstInput(p);
    expect(data.title).toBe(p.cover.title);
    expect(data.lang).toBe('en');
    expect(data.style).toMatchObject({ bodyFont: 'Liberation Serif', headingFont: 'Liberation Sans', paper: 'a4' });
    expect(data.sections.map((s) => s.landscape)).toEqual(p.sections.map((s) => s.orientation === 'landscape'));
    expect(data.templateId).toBe('test-proceedings');
  });

  it('puts pictures beside the data as files, with alternative text', () => {
    const { data, files } = typstInput(proc());
    const figure = data.sections
      .flatMap((s) => s.blocks)
      .find((b): b is Extract<TypstBlock, { k: 'figure' }> => b.k === 'figure')!;
    expect(figure).toMatchObject({ file: 'figures/1.png', alt: 'Bar chart' });
    expect([...files['figures/1.png']!.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it('never lets heading levels skip (PDF/UA), and numbers endnotes where the template gathers them', () => {
    const p = proc();
    p.sections[0]!.blocks.push({
      kind: 'heading',
      level: 5,
      label: '',
      text: [{ kind: 'text', text: 'Deep' }],
      plain: 'Deep',
      anchor: 'hx',
      inToc: false,
    });
    const levels = typstInput(p)
      .data.sections.flatMap((s) => s.blocks)
      .filter((b) => b.k === 'heading')
      .map((b) => (b.k === 'heading' ? b.level : 0));
    levels.forEach((l, i) => expect(l - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    p.noteMode = 'endnotes';
    const { data } = typstInput(p);
    expect(data.endnotes.length).toBe(p.footnoteCount);
    expect(JSON.stringify(data.sections)).not.toContain('"k":"note"');
    expect(JSON.stringify(data.sections)).toContain('"k":"endnote-ref"');
  });
});
