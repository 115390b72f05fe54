/**
 * Plain text read by the same parse as markdown, in a plain-text profile: paragraphs and lists
 * only, each paragraph with its source lines and the blank lines before it.
 */
import { describe, expect, it } from 'vitest';
import type { Block, ListBlock, ListEntry } from '../markdown-blocks';
import { toLines } from '../source';
import { readTextTree } from './text-read';

const read = (text: string) => readTextTree(toLines(text));
const kinds = (blocks: Block[]) => blocks.map((b) => b.t);
const texts = (blocks: Block[]) =>
  blocks.map((b) => (b.t === 'list' ? b.items.map((i) => i.text) : (b as { text: string }).text));
const LONG =
  'The delegates agreed that the protection of migrants and refugees in mixed flows requires the cooperation of every State of the region, of civil society and of the organizations, and';

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

  it('bounds nesting and reads long lines whole, as markdown does: 3,000 levels of list, a 1 MB line', () => {
    const deep = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const long = 'word '.repeat(200_000).trim();
    const doc = read(`Intro\n\n${deep}\n\n${long}\nnext line\n`);
    expect(doc.tooDeep).toBe(3 + 9);
    expect(kinds(doc.blocks)).toEqual(['para', 'list', 'para']);
    expect(doc.blocks[2]).toMatchObject({ text: `${long} next line`, line: 3004, blankBefore: 1 });
    expect((doc.blocks[2] as { lines: unknown[] }).lines).toHaveLength(2);
  });
});
