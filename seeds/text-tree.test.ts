/**
 * Plain-text seeds read by the text tree (shared/import/tree/text-read.ts): every line in a
 * block, where the source has it, and seed 003's page breaks, note lines and list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, ListBlock } from '../shared/import/markdown-blocks';
import { type SourceLine, toLines } from '../shared/import/source';
import { readSourceTree } from '../shared/import/tree/markdown-read';
import { readTextTree, TEXT_PROFILE } from '../shared/import/tree/text-read';

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

describe('plain-text seeds read as a tree', () => {
  describe.each([
    ['003_8e756b4ff03bf913', 59],
    ['002_8cf466c86ef9360d', 192],
  ])('seed %s', (seed, count) => {
    const source = toLines(readFileSync(new URL(`source/${seed}.txt`, import.meta.url), 'utf8'));
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
    const source = toLines(readFileSync(new URL('source/003_8e756b4ff03bf913.txt', import.meta.url), 'utf8'));
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

  it('gives the same blocks parsing the first 120 characters of each line as parsing 2,000 (seeds 000, 002, 003)', () => {
    for (const seed of ['000_2cce3bbd4d3fadd6', '002_8cf466c86ef9360d', '003_8e756b4ff03bf913']) {
      const source = toLines(readFileSync(new URL(`source/${seed}.txt`, import.meta.url), 'utf8'));
      expect(readTextTree(source), seed).toEqual(readSourceTree(source, { ...TEXT_PROFILE, parsedWidth: 2000 }));
    }
  });
});
