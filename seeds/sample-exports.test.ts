/**
 * The samples as exported (compiled with their templates): what the seeds' annexes
 * become in the document, not only in the importer's result.
 */
import { describe, expect, it } from 'vitest';
import { compileSource, readConferenceFile } from '../electron/node/export/load-proceedings';
import type { Block, TableBlock } from '../shared/compile/model';
import { SAMPLES, samplePath } from './build-samples';

const compiled = (seed: string) =>
  compileSource(readConferenceFile(samplePath(SAMPLES.find((s) => s.seed === seed)!.name)), {
    partIds: null,
    annexes: true,
    watermark: false,
  });
const plainText = (b: Block): string =>
  JSON.stringify(b)
    .match(/"text":"[^"]*"/g)
    ?.map((t) => t.slice(8, -1))
    .join('') ?? '';

describe('seed 000 exported', () => {
  const blocks = compiled('000').sections.flatMap((s) => s.blocks);
  const after = (title: string) => {
    const at = blocks.findIndex((b) => b.kind === 'heading' && b.plain === title);
    const end = blocks.findIndex(
      (b, k) => k > at && b.kind === 'heading' && b.level <= (blocks[at] as { level: number }).level,
    );
    return blocks.slice(at + 1, end < 0 ? undefined : end);
  };

  it('prints the programme once, as the seed prints it: a narrow time column, 21 slots under 3 days', () => {
    const tables = after('Programme of the conference').filter((b): b is TableBlock => b.kind === 'table');
    expect(tables.length).toBe(1);
    const t = tables[0]!;
    expect(t.widths).toEqual([130, 500]);
    expect(t.rows.filter((r) => r.cells.length === 2).length).toBe(21);
    const friday = t.rows.findIndex((r) => plainText(r.cells[0]!.blocks[0]!) === 'Friday 22 November');
    expect(t.rows.slice(friday + 1).map((r) => plainText(r.cells[0]!.blocks[0]!))).toEqual([
      '9:00 -10:30 a.m.',
      '10:30 — 11:00 a.m.',
      '11:00 a.m.',
    ]);
  });
});
