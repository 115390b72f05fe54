/**
 * Markdown sources read as a tree (mdast-util-from-markdown with GFM) into the importer's
 * blocks, with each repair of what conversions and OCR broke.
 */
import { describe, expect, it } from 'vitest';
import type { Block, ListBlock } from '../markdown-blocks';
import { toLines } from '../source';
import { readMarkdownTree } from './markdown-read';

const read = (text: string) => readMarkdownTree(toLines(text));
const kinds = (blocks: Block[]) => blocks.map((b) => b.t);
const items = (b: Block | undefined) => (b as ListBlock).items.map((i) => [i.marker, i.text]);
const LONG =
  'The delegates agreed that the protection of migrants and refugees in mixed flows requires the cooperation of every State of the region, of civil society and of the organizations, and';

describe('markdown read as a tree', () => {
  it('gives headings, paragraphs (lines joined), quotes, GFM tables and notes, with their source lines', () => {
    const doc = read(
      '# Report\n\nFirst line\nsecond line.[^1]\n\n> Quoted\n> words.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n[^1]: The note,\n  continued.\n',
    );
    expect(doc.blocks).toEqual([
      { t: 'heading', level: 1, text: 'Report', line: 1 },
      { t: 'para', text: 'First line second line.[^1]', line: 3 },
      { t: 'quote', text: 'Quoted words.', line: 6 },
      {
        t: 'table',
        rows: [
          ['A', 'B'],
          ['1', '2'],
        ],
        header: true,
        line: 9,
      },
    ]);
    expect([...doc.notes]).toEqual([['1', { text: 'The note, continued.', line: 13 }]]);
  });

  it('reads an address as text wherever it stands, a heading’s start included', () => {
    const doc = read('# Report\n\n## www.example.org and more\n\nWrite to me@example.org or see http://a.org.\n');
    expect(doc.blocks).toEqual([
      { t: 'heading', level: 1, text: 'Report', line: 1 },
      { t: 'heading', level: 2, text: 'www.example.org and more', line: 3 },
      { t: 'para', text: 'Write to me@example.org or see http://a.org.', line: 5 },
    ]);
  });

  it('reads what a report never means as code or HTML as text: indented lines, fences, a lone <b>', () => {
    const doc = read('Intro.\n\n    An indented OCR line.\n\n```\n\n<b>\nBold title</b>\n\nTitle\n---\n');
    expect(kinds(doc.blocks)).toEqual(['para', 'para', 'para', 'para', 'para']);
    expect(doc.blocks.map((b) => (b as { text: string }).text)).toEqual([
      'Intro.',
      'An indented OCR line.',
      '```',
      '<b> Bold title</b>',
      'Title',
    ]);
  });

  it('joins lists split by blank lines or by a change of bullet, and nests by indentation', () => {
    const doc = read('- one\n\n- two\n  - two.a\n* three\n\n1. first\n\n2. second\n');
    expect(kinds(doc.blocks)).toEqual(['list', 'list']);
    expect(items(doc.blocks[0])).toEqual([
      ['-', 'one'],
      ['-', 'two'],
      ['*', 'three'],
    ]);
    expect((doc.blocks[0] as ListBlock).items[1]!.sub?.items.map((i) => i.text)).toEqual(['two.a']);
    expect(items(doc.blocks[1])).toEqual([
      ['1.', 'first'],
      ['2.', 'second'],
    ]);
  });

  it('makes items of markers CommonMark does not know, also where it saw lazy text of an item', () => {
    const doc = read(
      'Intro:\n(a) first;\n(b) second.\n\n• bullet one\n• bullet two\n\n1.  Activities\n· Since 2008\n· Then\n\ni. roman\nii. next\n',
    );
    expect(kinds(doc.blocks)).toEqual(['para', 'list', 'list', 'list', 'list', 'list']);
    expect(items(doc.blocks[1])).toEqual([
      ['(a)', 'first;'],
      ['(b)', 'second.'],
    ]);
    expect(items(doc.blocks[2])).toEqual([
      ['•', 'bullet one'],
      ['•', 'bullet two'],
    ]);
    // "1. Activities" is a numbered list; the "·" lines CommonMark took as its lazy text are a bullet list after it.
    expect(items(doc.blocks[3])).toEqual([['1.', 'Activities']]);
    expect(items(doc.blocks[4])).toEqual([
      ['·', 'Since 2008'],
      ['·', 'Then'],
    ]);
    expect(items(doc.blocks[5])).toEqual([
      ['i.', 'roman'],
      ['ii.', 'next'],
    ]);
  });

  it('rejoins a paragraph or an item cut by a page break, whole, but not short lines', () => {
    const doc = read(
      `${LONG}\n\nthe work goes on\nover two lines.\n\n- ${LONG}\n\nends the item.\n\nA cover line\n\nAnother cover line\n`,
    );
    expect(doc.blocks.map((b) => (b.t === 'list' ? b.items.map((i) => i.text) : (b as { text: string }).text))).toEqual(
      [`${LONG} the work goes on over two lines.`, [`${LONG} ends the item.`], 'A cover line', 'Another cover line'],
    );
  });

  it('keeps dotted contents lines as contents, with their page column', () => {
    const doc = read('CONTENTS\nForeword ........\t3\nMigration ..........\t<b>\n12\n');
    expect(doc.blocks).toEqual([
      { t: 'para', text: 'CONTENTS', line: 1 },
      { t: 'toc', text: 'Foreword ........\t3', line: 2 },
      { t: 'toc', text: 'Migration ..........\t<b>', line: 3 },
      { t: 'para', text: '12', line: 4 },
    ]);
  });

  it('reads pipe rows without a delimiter row as a table without a header', () => {
    const doc = read('Text.\n\n| Chile | 3 |\n| Peru | 2 |\n');
    expect(doc.blocks[1]).toEqual({
      t: 'table',
      rows: [
        ['Chile', '3'],
        ['Peru', '2'],
      ],
      header: false,
      line: 3,
    });
  });

  it('reads a bare marker and the line after it as one paragraph, and an empty item holding a list as that list', () => {
    const doc = read('5.\nMIGRATION AND DEVELOPMENT\n\n-\n  1. *Recommendation one.*\n  2. *Recommendation two.*\n');
    expect(doc.blocks[0]).toEqual({ t: 'para', text: '5. MIGRATION AND DEVELOPMENT', line: 1 });
    expect(kinds(doc.blocks)).toEqual(['para', 'list']);
    expect(items(doc.blocks[1])).toEqual([
      ['1.', '*Recommendation one.*'],
      ['2.', '*Recommendation two.*'],
    ]);
  });

  it('bounds nesting: 3,000 levels import, deeper items stay at the limit, and the first too deep is named', () => {
    const text = `# Report\n\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`;
    const doc = read(text);
    expect(doc.tooDeep).toBe(3 + 9);
    let depth = 0;
    let list = doc.blocks[1] as ListBlock;
    while (list.items[0]!.sub) {
      list = list.items[0]!.sub;
      depth++;
    }
    expect(depth).toBe(8);
    expect(list.items.at(-1)!.text).toBe('item 2999');
    expect(list.items).toHaveLength(3000 - 8);
  });

  it('reads long lines whole: CommonMark sees their start, the blocks get their whole text', () => {
    const long = 'word '.repeat(200_000).trim();
    const doc = read(`# ${long}\n\n- ${long} end\n\n| ${long} | x |\n\n${long}\nnext line\n`);
    expect(kinds(doc.blocks)).toEqual(['heading', 'list', 'table', 'para']);
    expect((doc.blocks[0] as { text: string }).text).toBe(long);
    expect(items(doc.blocks[1])).toEqual([['-', `${long} end`]]);
    expect((doc.blocks[2] as { rows: string[][] }).rows).toEqual([[long, 'x']]);
    expect((doc.blocks[3] as { text: string }).text).toBe(`${long} next line`);
  });
});
