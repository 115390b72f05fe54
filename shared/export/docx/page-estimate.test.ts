import { describe, expect, it } from 'vitest';
import { compile } from '../../compile/compile';
import { richConference, richTemplate } from '../../compile/fixtures';
import type { Block, HeadingBlock, Proceedings, TableRow } from '../../compile/model';
import { estimateHeadingPages } from './page-estimate';

const A4 = { widthPt: (11906 - 2268) / 20, heightPt: (16838 - 2268) / 20 };
const base = compile(richConference(), richTemplate(), {
  partIds: null,
  annexes: true,
  watermark: false,
  issueDate: '2026-11-24',
});
const withBlocks = (blocks: Block[], style: Partial<Proceedings['style']> = {}): Proceedings => ({
  ...base,
  style: { ...base.style, ...style },
  sections: [{ orientation: 'portrait', blocks }],
});
const heading = (anchor: string, plain: string, level = 2): HeadingBlock => ({
  kind: 'heading',
  level,
  label: '',
  text: [{ kind: 'text', text: plain }],
  plain,
  anchor,
  inToc: true,
});
const cell = (text: string, header = false) => ({
  blocks: [{ kind: 'para' as const, style: 'table-text' as const, content: [{ kind: 'text' as const, text }] }],
  colSpan: 1,
  rowSpan: 1,
  header,
});
const participants = (headerRows: number): Block => ({
  kind: 'table',
  role: 'participants',
  columns: 3,
  widths: [3, 4, 4],
  rows: [
    ...Array.from(
      { length: headerRows },
      (): TableRow => ({
        header: true,
        cells: [cell('Name', true), cell('Title / position', true), cell('Organisation', true)],
      }),
    ),
    ...Array.from(
      { length: 400 },
      (_, i): TableRow => ({ header: false, cells: [cell(`Person ${i}`), cell('Adviser'), cell('Ministry')] }),
    ),
  ],
});

describe('the page estimate of the Word contents', () => {
  it('counts the header row a table repeats on every page it runs onto', () => {
    const pageAfter = (headerRows: number) =>
      estimateHeadingPages(
        withBlocks([heading('t', 'Participants'), participants(headerRows), heading('after', 'After')]),
        A4,
      ).pages.get('after')!;
    // 400 one-line rows run over several pages: a repeated header on each costs the last page more room
    const plain = pageAfter(0);
    expect(plain).toBeGreaterThan(3);
    expect(pageAfter(3)).toBeGreaterThan(plain);
  });

  it('measures a heading in the heading face: a long sans heading takes more lines than in the serif body face', () => {
    const long =
      'Organizaciones no gubernamentales reconocidas como entidades consultivas por el Consejo Económico y Social / Non-Governmental Organizations';
    const pageOf = (headingFont: string, words: number) => {
      const filler: Block = { kind: 'para', style: 'body', content: [{ kind: 'text', text: 'word '.repeat(words) }] };
      return estimateHeadingPages(
        withBlocks([filler, heading('long', long), filler], {
          headingFont,
          bodyFont: 'Times New Roman',
          bodySizePt: 11,
          lineSpacing: 1.1,
        }),
        A4,
      ).pages.get('long')!;
    };
    // Filling the first page line by line: the sans heading's extra line sends it to the next page sooner.
    const moved = [];
    for (let words = 1500; words <= 2200; words += 20) {
      const sans = pageOf('Arial', words);
      const serif = pageOf('Times New Roman', words);
      expect(sans).toBeGreaterThanOrEqual(serif);
      if (sans > serif) moved.push(words);
    }
    expect(moved.length).toBeGreaterThan(0);
  });
});
