import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ConferenceStore } from './conference-store';
import { docFromText, textFromDoc } from './testing/typing';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-compact-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const freePages = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('freelist_count', { simple: true }) as number;
  } finally {
    db.close();
  }
};

/** A conference that had 40 long parts, 39 of them deleted since: most of its pages are free. */
function mostlyFree(file: string): string {
  const s = ConferenceStore.create(file);
  const text = Array.from({ length: 6000 }, (_, i) => `word${i}`).join(' ');
  // Each in one transaction (one sync to disk).
  const ids = s.writeWith(() =>
    Array.from(
      { length: 40 },
      (_, i) => s.addPart({ parentId: null, kind: 'unit', title: `Part ${i}`, doc: docFromText(text) }).id,
    ),
  );
  s.writeWith(() => {
    for (const id of ids.slice(1)) s.deletePart(id);
  });
  s.close();
  return ids[0]!;
}

describe('compaction on opening', () => {
  test('a file mostly of free pages is compacted when opened, its content whole', () => {
    const file = path.join(dir, 'c.rapporteur');
    const kept = mostlyFree(file);
    const before = fs.statSync(file).size;
    expect(freePages(file)).toBeGreaterThan(before / 4096 / 2);
    const s = ConferenceStore.open(file);
    expect(s.listParts().map((p) => p.id)).toEqual([kept]);
    expect(textFromDoc(s.getPart(kept).doc)).toMatch(/^word0 word1 .* word5999$/);
    s.close();
    expect(fs.statSync(file).size).toBeLessThan(before / 2);
    expect(freePages(file)).toBe(0);
  });

  test('while another program reads the file, it opens at once uncompacted, and is compacted on a later opening', () => {
    const file = path.join(dir, 'c.rapporteur');
    mostlyFree(file);
    const before = fs.statSync(file).size;
    const reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) AS n FROM parts').get();
    const s = ConferenceStore.open(file);
    expect(s.listParts()).toHaveLength(1);
    s.close();
    expect(fs.statSync(file).size).toBe(before);
    reader.exec('COMMIT');
    reader.close();
    ConferenceStore.open(file).close();
    expect(fs.statSync(file).size).toBeLessThan(before / 2);
  });
});
