/**
 * Issue 12: a warning names the place in its part's text it concerns, so the editor can
 * mark it. On the seeds' own text: the quote stored with a warning is in the block it names.
 */
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../../shared/elements/plain-text';
import type { RawNode } from '../../../shared/elements/spec';
import type { ImportedPart, ImportResult } from '../../../shared/import';
import { findQuote } from '../../../shared/import/warning-places';
// The seeds as the app imports them, imported once per run.
import { seedImport } from '../../../seeds/testing/seed-imports';

const flat = (ps: ImportedPart[]): ImportedPart[] => ps.flatMap((p) => [p, ...flat(p.children)]);
const blockText = (p: ImportedPart, i: number): string =>
  plainTextOf({ type: 'root', children: [(p.doc.root.children as RawNode[])[i]] } as RawNode);

/** Each placed warning's quote is found in the block it names; returns how many of the part's warnings are placed. */
function checkPlaces(r: ImportResult): { placed: number; withPart: number } {
  const parts = new Map(flat(r.parts).map((p) => [p.id, p]));
  let placed = 0;
  const withPart = r.warnings.filter((w) => w.partId !== null);
  for (const w of withPart) {
    if (w.quote == null) {
      expect(w.block ?? null, w.message).toBeNull();
      continue;
    }
    const part = parts.get(w.partId!)!;
    expect(w.block, w.message).toEqual(expect.any(Number));
    expect(
      findQuote(blockText(part, w.block!), w.quote),
      `${w.code}: “${w.quote}” in block ${w.block}`,
    ).toBeGreaterThanOrEqual(0);
    placed++;
  }
  return { placed, withPart: withPart.length };
}

describe('warnings carry their place in the text', () => {
  it('seed 000: the OCR repairs and most warnings with a part quote words found in the block they name', async () => {
    const r = await seedImport('000');
    const { placed, withPart } = checkPlaces(r);
    console.info(
      `seed 000: ${placed} of ${withPart} warnings with a part are placed (${r.warnings.length} warnings in all)`,
    );
    expect(withPart).toBeGreaterThan(10);
    expect(placed / withPart).toBeGreaterThanOrEqual(0.75);
    // An OCR repair quotes the damaged word itself, as a whole word.
    const repairs = r.warnings.filter((w) => w.code === 'OCR_REPAIR' && w.partId);
    expect(repairs.length).toBeGreaterThan(0);
    for (const w of repairs) if (w.quote) expect(w.quote).toBe(w.suggestion!.find);
  });

  it('seed 004: warnings with a part are placed in it', async () => {
    const r = await seedImport('004');
    const { placed, withPart } = checkPlaces(r);
    console.info(
      `seed 004: ${placed} of ${withPart} warnings with a part are placed (${r.warnings.length} warnings in all)`,
    );
    expect(placed).toBeGreaterThan(0);
  });

  it('a word is found whole: “socia” is not found inside “social”', () => {
    expect(findQuote('social and socia1', 'socia')).toBe(-1);
    expect(findQuote('the socia rights', 'socia')).toBe(4);
    expect(findQuote('Unit 3. Migration', 'Unit 3.')).toBe(0);
  });
});
