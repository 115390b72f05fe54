/**
 * Plain text read by the same parse as markdown, in a plain-text profile: paragraphs and lists
 * only, each paragraph with its source lines and the blank lines before it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, ListBlock, ListEntry } from '../markdown-blocks';
import { type SourceLine, toLines } from '../source';
import { readTextTree } from './text-read';

const read = (text: string) => readTextTree(toLines(text));
const kinds = (blocks: Block[]) => blocks.map((b) => b.t);
const texts = (blocks: Block[]) =>
  blocks.map((b) => (b.t === 'list' ? b.items.map((i) => i.text) : (b as { text: string }).text));
const LONG =
  'The delegates agreed that the protection of migrants and refugees in mixed flows requires the cooperation of every State of the region, of civil society and of the organizations, and';

/** Every source line a block or list entry says it holds, in reading order. */
function linesOf(blocks: Block[]): SourceLine[] {
  const out: SourceLine[] = [];
  const entries = (l: ListBlock) => {
    for (const e of l.items) {
      out.push(...(e.lines ?? []));
      if (e.sub) entries(e.sub);
    }
  };
  for (const b of blocks) {
    if (b.t === 'para') out.push(...(b.lines ?? []));
    else if (b.t === 'list') entries(b);
    else out.push({ n: b.line, text: '' });
  }
  return out;
}

describe('plain text read as a tree', () => {
  it('reads what markdown would take for headings, quotes, rules, tables and notes as paragraphs', () => {
    const doc = read('# 3 delegations\n\n> 50 % of them\n\n---\n\n| Chile | 3 |\n\n[^1]: not a note\n\n    indented\n');
    expect(kinds(doc.blocks)).toEqual(['para', 'para', 'para', 'para', 'para', 'para']);
    expect(texts(doc.blocks)).toEqual([
      '# 3 delegations',
      '> 50 % of them',
      '---',
      '| Chile | 3 |',
      '[^1]: not a note',
      'indented',
    ]);
    expect(doc.notes.size).toBe(0);
  });

  it('keeps each paragraph’s source lines as written and counts the blank lines before it', () => {
    const doc = read('\n\nTitle line\n\nUnited Nations Plaza\n  DC1- 603, New York\n\n\n\nnext page\n');
    expect(doc.blocks).toEqual([
      { t: 'para', text: 'Title line', line: 3, lines: [{ n: 3, text: 'Title line' }], blankBefore: 2 },
      {
        t: 'para',
        text: 'United Nations Plaza DC1- 603, New York',
        line: 5,
        lines: [
          { n: 5, text: 'United Nations Plaza' },
          { n: 6, text: '  DC1- 603, New York' },
        ],
        blankBefore: 1,
      },
      { t: 'para', text: 'next page', line: 10, lines: [{ n: 10, text: 'next page' }], blankBefore: 3 },
    ]);
  });

  it('leaves a paragraph cut by a page break in two: the genre reader rejoins it, seeing blankBefore', () => {
    const doc = read(`${LONG}\n\n¹ A note at the page foot.\n\n\n\nthe work goes on.\n`);
    expect(texts(doc.blocks)).toEqual([LONG, '¹ A note at the page foot.', 'the work goes on.']);
    expect(doc.blocks.map((b) => (b as { blankBefore?: number }).blankBefore)).toEqual([0, 1, 3]);
  });

  it('reads lists with markdown’s list-marker repairs, each item with its lines', () => {
    const doc = read(
      'Intro:\n(a) first;\n(b) second,\ncontinued.\n\n- one\n\n- two\n  - two.a\n\n5.\nMIGRATION AND DEVELOPMENT\n',
    );
    expect(kinds(doc.blocks)).toEqual(['para', 'list', 'list', 'para']);
    const abc = doc.blocks[1] as ListBlock;
    expect(abc.items.map((i) => [i.marker, i.text, i.lines])).toEqual([
      ['(a)', 'first;', [{ n: 2, text: '(a) first;' }]],
      [
        '(b)',
        'second, continued.',
        [
          { n: 3, text: '(b) second,' },
          { n: 4, text: 'continued.' },
        ],
      ],
    ]);
    const dashes = doc.blocks[2] as ListBlock;
    expect(dashes.items.map((i) => [i.text, i.lines?.map((l) => l.n)])).toEqual([
      ['one', [6]],
      ['two', [8]],
    ]);
    expect(dashes.items[1]!.sub?.items.map((i: ListEntry) => [i.text, i.lines])).toEqual([
      ['two.a', [{ n: 9, text: '  - two.a' }]],
    ]);
    expect(doc.blocks[3]).toMatchObject({
      text: '5. MIGRATION AND DEVELOPMENT',
      line: 11,
      lines: [
        { n: 11, text: '5.' },
        { n: 12, text: 'MIGRATION AND DEVELOPMENT' },
      ],
      blankBefore: 1,
    });
  });

  describe.each([
    ['003_8e756b4ff03bf913', 59],
    ['002_8cf466c86ef9360d', 192],
  ])('seed %s', (seed, count) => {
    const source = toLines(readFileSync(new URL(`../../../seeds/source/${seed}.txt`, import.meta.url), 'utf8'));
    const doc = readTextTree(source);

    it(`gives ${count} blocks, which hold every non-blank line once, in order, as written`, () => {
      expect(doc.blocks).toHaveLength(count);
      const held = linesOf(doc.blocks);
      const nonBlank = source.filter((l) => l.text.trim() !== '');
      expect(held.map((l) => l.n)).toEqual(nonBlank.map((l) => l.n));
      for (const l of held) if (l.text) expect(l.text).toBe(source[l.n - 1]!.text);
    });

    it('starts each block at its first line and counts the blank lines above each paragraph', () => {
      for (const b of doc.blocks) {
        if (b.t !== 'para') continue;
        expect(b.lines![0]!.n).toBe(b.line);
        let blanks = 0;
        while (b.line - 2 - blanks >= 0 && source[b.line - 2 - blanks]!.text.trim() === '') blanks++;
        expect(b.blankBefore).toBe(blanks);
      }
    });
  });

  it('finds seed 003’s page breaks, note lines and its one list where they are printed', () => {
    const source = toLines(
      readFileSync(new URL('../../../seeds/source/003_8e756b4ff03bf913.txt', import.meta.url), 'utf8'),
    );
    const blocks = readTextTree(source).blocks;
    const paras = blocks.filter((b) => b.t === 'para');
    expect(paras.filter((p) => (p.blankBefore ?? 0) >= 2).map((p) => p.line)).toEqual([
      5, 39, 55, 69, 83, 95, 111, 129,
    ]);
    expect(paras.filter((p) => /^[¹²]/.test(p.text)).map((p) => p.line)).toEqual([33, 35]);
    const lists = blocks.filter((b): b is ListBlock => b.t === 'list');
    expect(lists.map((l) => [l.line, l.items.map((i) => i.text.slice(0, 3))])).toEqual([[117, ['1.)', '2.)', '3.)']]]);
    // The contact block keeps its three lines.
    expect(paras.find((p) => p.line === 135)?.lines?.map((l) => l.n)).toEqual([135, 136, 137]);
  });
});
