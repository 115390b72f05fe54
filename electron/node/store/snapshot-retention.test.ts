import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SnapshotInfo } from '../../../shared/model/conference';
import { snapshotsToPrune } from '../../../shared/model/snapshot-retention';
import { ConferenceStore } from './conference-store';
import { docFromText, textFromDoc } from './testing/typing';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-retention-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const DAY = 86_400_000;
const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ');

/** Page counts read from the closed file by a connection of its own. */
function pages(file: string): { pageCount: number; freelist: number; bytes: number } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      pageCount: db.pragma('page_count', { simple: true }) as number,
      freelist: db.pragma('freelist_count', { simple: true }) as number,
      bytes: fs.statSync(file).size,
    };
  } finally {
    db.close();
  }
}

/**
 * A conference of 8 parts with 200 automatic snapshots spread over the last 90 days (rows
 * written with chosen dates, each a full copy of the content as the store writes them) and
 * 5 named ones among them.
 */
function conferenceWithHistory(file: string): { partId: string; named: number[] } {
  const s = ConferenceStore.create(file, { title: 'Hemispheric Conference' });
  let partId = '';
  for (let i = 0; i < 8; i++)
    partId = s.addPart({
      parentId: null,
      kind: 'summary',
      title: `Part ${i}`,
      doc: docFromText(words(400, `p${i}w`)),
    }).id;
  const data = JSON.stringify(s.readContent());
  const reasons: SnapshotInfo['reason'][] = ['before-import', 'before-restore', 'before-merge', 'before-replace'];
  const named: number[] = [];
  const start = Date.now();
  s.writeWith((db) => {
    const insert = db.prepare('INSERT INTO snapshots (name, reason, created_at, data) VALUES (?, ?, ?, ?)');
    for (let i = 199; i >= 0; i--) {
      const createdAt = new Date(start - (i * 90 * DAY) / 199 - 60_000).toISOString();
      insert.run(`Automatic ${i}`, reasons[i % reasons.length], createdAt, data);
      if (i % 40 === 7) named.push(Number(insert.run(`Named ${i}`, 'manual', createdAt, data).lastInsertRowid));
    }
  });
  s.close();
  return { partId, named };
}

describe('snapshot retention in the file', () => {
  test('200 automatic snapshots over 90 days: the next automatic one thins them as the policy says, named ones all kept', () => {
    const file = path.join(dir, 'history.rapporteur');
    const { partId, named } = conferenceWithHistory(file);
    const before = pages(file);

    const s = ConferenceStore.open(file);
    const listed = s.listSnapshots();
    expect(listed).toHaveLength(205);
    // It saves as usual.
    const part = s.getPart(partId);
    const saved = s.savePartDoc(partId, docFromText('the latest draft'), part.revision);
    expect(saved.revision).toBe(part.revision + 1);
    // A named snapshot thins nothing.
    const mine = s.createSnapshot('Before the plenary', 'manual');
    expect(s.listSnapshots()).toHaveLength(206);

    const taken = s.createSnapshot('Before replacing “draft”', 'before-replace');
    const expectedGone = snapshotsToPrune([...listed, mine, taken], new Date(taken.createdAt));
    const left = s.listSnapshots();
    const leftIds = new Set(left.map((x) => x.id));
    expect(left.length).toBe(207 - expectedGone.length);
    for (const id of expectedGone) expect(leftIds.has(id)).toBe(false);
    for (const id of [...named, mine.id, taken.id]) expect(leftIds.has(id)).toBe(true);
    // Of 200 automatic ones: the 20 newest (9 days), one a day to day 30, one a week to day 90.
    const automaticLeft = left.filter((x) => x.reason !== 'manual');
    expect(automaticLeft.length).toBeGreaterThanOrEqual(20 + 8);
    expect(automaticLeft.length).toBeLessThanOrEqual(21 + 22 + 10);
    expect(expectedGone.length).toBeGreaterThan(140);
    s.close();

    // Reopened, it holds the same snapshots, the saved text, and a restorable kept snapshot.
    const again = ConferenceStore.open(file);
    expect(again.listSnapshots().map((x) => x.id)).toEqual(left.map((x) => x.id));
    expect(textFromDoc(again.getPart(partId).doc)).toBe('the latest draft');
    again.restoreSnapshot(automaticLeft.at(-1)!.id);
    expect(textFromDoc(again.getPart(partId).doc)).toBe(words(400, 'p7w'));
    again.close();

    // Reopened with most of its pages free (the deleted snapshots'), the file was compacted:
    // it shrank to what the kept snapshots hold.
    const after = pages(file);
    expect(before.freelist).toBe(0);
    expect(after.pageCount).toBeLessThan(before.pageCount * 0.5);
    expect(after.freelist).toBeLessThan(after.pageCount * 0.1);
    expect(after.bytes).toBeLessThan(before.bytes * 0.5);
  });

  test('when the operation fails, its snapshot and the thinning are both undone', () => {
    const file = path.join(dir, 'history.rapporteur');
    conferenceWithHistory(file);
    const s = ConferenceStore.open(file);
    const ids = s.listSnapshots().map((x) => x.id);
    const content = s.readContent();
    // Two parts with one id: the replacement fails after its snapshot was taken and thinned.
    const broken = { ...content, parts: [content.parts[0]!, content.parts[0]!] };
    expect(() => s.replaceContent(broken, { reason: 'before-import', name: 'Before importing “x”' })).toThrow();
    expect(s.listSnapshots().map((x) => x.id)).toEqual(ids);
    expect(s.listParts()).toHaveLength(8);
    // The same operation, succeeding, does thin them.
    s.replaceContent(content, { reason: 'before-import', name: 'Before importing “x”' });
    expect(s.listSnapshots().length).toBeLessThan(ids.length - 100);
    s.close();
  });
});
