// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compile } from '../../compile/compile';
import { richConference, richTemplate } from '../../compile/fixtures';
import { proceedingsToMarkdown } from '../markdown/markdown-export';
import { printHtml } from './print-html';

const proc = () => compile(richConference(), richTemplate(), { partIds: null, annexes: true, watermark: true, issueDate: '2026-11-24' });
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('print HTML', () => {
  it('is one self-contained document: masthead, contents linked to headings, footnotes in place', () => {
    const doc = parse(printHtml(proc()));
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.querySelector('.masthead .symbol')?.textContent).toBe('LC/L.1234-P');
    expect(doc.querySelectorAll('link[rel=stylesheet], script[src], img[src^="http"]').length).toBe(0);
    const links = [...doc.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href')!.slice(1));
    expect(links.length).toBeGreaterThan(8);
    for (const id of links) expect(doc.getElementById(id), id).not.toBeNull();
    const notes = [...doc.querySelectorAll('.footnote')];
    expect(notes.map((n) => n.getAttribute('data-label'))).toEqual(notes.map((_, i) => String(i + 1)));
    expect(doc.querySelector('p.presentation .block-label')?.textContent).toBe('(a)');
  });

  it('puts header rows in <thead>, the wide annex in a landscape section, and the paged.js runtime only when given', () => {
    const html = printHtml(proc(), { pagedScript: '/* paged.js */ window.Paged = {};' });
    const doc = parse(html);
    const recs = doc.querySelector('table.table-recommendations')!;
    expect(recs.closest('section')!.className).toBe('landscape');
    expect(recs.querySelectorAll('thead th').length).toBe(4);
    expect(doc.querySelectorAll('table.table-participants thead').length).toBe(3);
    expect(html).toContain('window.PagedConfig = { auto: false };');
    expect(html).toContain('RepeatTableHeaders');
    expect(printHtml(proc())).not.toContain('<script');
    expect(html).toMatch(/content: "DRAFT"/);
  });

  it('escapes what people type', () => {
    const src = richConference();
    src.meta.title = 'A <script>alert(1)</script> & “quotes”';
    src.parts[1]!.doc.root.children.push({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text: '</p><img src=x onerror=alert(1)>', format: 0, style: '', mode: 'normal', detail: 0 }] });
    const doc = parse(printHtml(compile(src, richTemplate(), { partIds: null, annexes: false, watermark: false })));
    expect(doc.querySelectorAll('script, img[onerror]').length).toBe(0);
    expect(doc.querySelector('.cover .title')?.textContent).toBe('A <script>alert(1)</script> & “quotes”');
  });
});

describe('markdown for pandoc', () => {
  it('carries headings, footnotes, lists and tables', () => {
    const md = proceedingsToMarkdown(proc());
    expect(md).toContain('\n# A. Introduction and opening statements\n');
    expect(md).toMatch(/\[\^1\]: See the list of participants in annex III\./);
    expect(md).toMatch(/\n1\. Ratify the International Convention/);
    expect(md).toMatch(/\n- There is a constant tension/);
    expect(md).toContain('| **No.** | **Thematic area** |');
  });
});
