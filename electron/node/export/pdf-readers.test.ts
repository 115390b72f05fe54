import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richConference, richTemplate } from '../../../shared/compile/fixtures';
import { ChromiumPrinter } from '../pdf/chromium-pdf';
import { exportBytes } from './export-service';
import { pdfFonts, pdfInfo, pdfText, qpdfCheck, tempDir, tool } from './readers.testkit';

let dir: string;
let pdf: string;
let pages: number;
let printer: ChromiumPrinter;

beforeAll(async () => {
  dir = tempDir('pdf');
  printer = await ChromiumPrinter.launch();
  // Three copies of the unit: footnotes and tables cross page boundaries.
  const source = richConference(3);
  // A list of participants long enough to run over several pages.
  for (let i = 1; i <= 90; i++) {
    source.participants.push({ id: `d${i}`, honorific: '', name: `Delegate ${i}`, title: 'Adviser', organisation: 'Ministry of Foreign Affairs', country: 'Mexico', group: 'A. Member States', role: 'Delegation members' });
  }
  const r = await exportBytes({ source, template: richTemplate(), format: 'pdf', options: { partIds: null, annexes: true, watermark: false, issueDate: '2026-11-24' }, printer });
  pdf = path.join(dir, 'rich.pdf');
  fs.writeFileSync(pdf, r.bytes);
  pages = r.pages ?? 0;
});

afterAll(async () => { await printer?.close(); });

/** Text of one page. */
const page = (n: number) => pdfText(pdf, n, n);

describe('PDF export through Chromium and paged.js', () => {
  it('numbers footnotes per part when the template says so, as the DOCX does', async () => {
    const template = richTemplate();
    template.style.footnotes = 'per-part';
    const r = await exportBytes({ source: richConference(), template, format: 'pdf', options: { partIds: null, annexes: false, watermark: false }, printer });
    const file = path.join(dir, 'per-part.pdf');
    fs.writeFileSync(file, r.bytes);
    const text = pdfText(file);
    // Part A's first note and part B's first note are both note 1.
    expect(text).toMatch(/(?:^|\s)1\.\s*See the list of participants in annex III\./);
    expect(text).toMatch(/(?:^|\s)1\.\s*UNIFEM, Progress of the World’s Women 2002\./);
  });

  it('is a valid, tagged PDF with every font embedded', () => {
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(Number(info.Pages)).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(8);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors found/);
  });

  it('has a bookmark outline from the headings', () => {
    // qpdf lists the outline items in its JSON view.
    const json = JSON.parse(tool('qpdf', ['--json', '--json-key=outlines', pdf])) as { outlines: { title: string; kids: unknown[] }[] };
    const titles: string[] = [];
    const walk = (items: { title: string; kids: unknown[] }[]) => items.forEach((o) => { titles.push(o.title); walk(o.kids as never); });
    walk(json.outlines);
    expect(titles.some((t) => t.includes('Introduction and opening statements'))).toBe(true);
    expect(titles.some((t) => t.includes('List of participants'))).toBe(true);
  });

  it('prints the masthead on the cover, no header there, and the symbol and page X of Y elsewhere', () => {
    const cover = page(1);
    expect(cover).toContain('LC/L.1234-P');
    expect(cover).toContain('Original: Spanish');
    expect(cover).not.toMatch(/Page 1 of/);
    const p3 = page(3);
    expect(p3).toContain('LC/L.1234-P');
    expect(p3).toContain(`Page 3 of ${pages}`);
  });

  it('fills the contents with the right page numbers', () => {
    const toc = page(2).replace(/[ .]+/g, ' ');
    for (const heading of ['B. Trafficking in persons', 'Annex III List of participants']) {
      const m = new RegExp(`${heading.replace(/\./g, '')} (\\d+)`).exec(toc.replace(/\./g, ''));
      expect(m, heading).not.toBeNull();
      const n = Number(m![1]);
      expect(page(n).replace(/\s+/g, ' ')).toContain(heading.replace(/^([A-Z]+|Annex [IVX]+)\.? /, ''));
    }
  });

  it('puts each footnote at the foot of the page that calls it', () => {
    // The note on the first presentation's speaker and the note text sit on one page.
    for (let n = 1; n <= pages; n++) {
      const text = page(n);
      if (!text.includes('The first presentation was given')) continue;
      expect(text).toMatch(/\d+\.?\s*Note by editors: In March 2003/);
    }
    const all = pdfText(pdf);
    expect(all.match(/Note by editors: In March 2003/g)?.length).toBe(3);
  });

  it('prints the table of recommendations on a landscape page, with a header row on each page of a long table', () => {
    const sizes = tool('pdfinfo', ['-f', '1', '-l', String(pages), pdf]).split('\n').filter((l) => /Page\s+\d+ size/.test(l));
    const landscape = sizes.filter((l) => /841\.\d+ x 59[45]\.\d+/.test(l)).map((l) => Number(/Page\s+(\d+)/.exec(l)![1]));
    expect(landscape.length).toBeGreaterThanOrEqual(1);
    const recs = page(landscape[0]!);
    expect(recs).toContain('Table of recommendations');
    expect(recs).toContain('Addressee(s)');
    expect(recs).toContain('Strengthen consular protection');
    const withDelegates = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => /Delegate \d+/.test(page(n)));
    expect(withDelegates.length).toBeGreaterThanOrEqual(2);
    for (const n of withDelegates) expect(page(n), `page ${n}`).toContain('Title / position');
    // No blank page before or after the landscape section.
    for (let n = 2; n <= pages; n++) expect(page(n).replace(/LC\/L\.1234-P|Page \d+ of \d+/g, '').trim().length, `page ${n}`).toBeGreaterThan(0);
  });
});
