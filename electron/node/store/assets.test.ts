import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { doc, p } from '../../../shared/compile/fixtures';
import type { LexicalDoc, SnapshotInfo } from '../../../shared/model/conference';
import { snapshotsToPrune } from '../../../shared/model/snapshot-retention';
import { prepareKit } from '../kits/prepare-kit';
import { ConferenceStore } from './conference-store';
import { assetTotals } from './tables/assets';
import { figure, pngBytes, pngDataUrl } from './testing/images';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-assets-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const DAY = 86_400_000;
const MAP = pngDataUrl(320, 240, 11);
const CHART = pngDataUrl(120, 90, 12);
const LOGO = pngDataUrl(48, 48, 13);
const imageBytes = [MAP, CHART, LOGO].reduce((n, u) => n + Buffer.from(u.split(',')[1]!, 'base64').length, 0);

const sources = (d: LexicalDoc): string[] =>
  (d.root.children as { type: string; src?: string }[]).filter((n) => n.type === 'figure').map((n) => n.src!);

/** What the file holds, read by a connection of its own (the store closed). */
function inFile(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      assets: assetTotals(db),
      inlineParts: count("SELECT COUNT(*) AS n FROM parts WHERE instr(doc, 'data:image/') > 0"),
      inlineSnapshots: count("SELECT COUNT(*) AS n FROM snapshots WHERE instr(data, 'data:image/') > 0"),
      largestSnapshot: count('SELECT COALESCE(MAX(length(data)), 0) AS n FROM snapshots'),
      bytes: fs.statSync(file).size,
    };
  } finally {
    db.close();
  }
}

/** Five parts showing three images, the map in three of them. */
function conferenceWithImages(file: string): { store: ConferenceStore; docs: Map<string, LexicalDoc> } {
  const store = ConferenceStore.create(file, { title: 'Hemispheric Conference on International Migration' });
  const docs = new Map<string, LexicalDoc>();
  const add = (title: string, d: LexicalDoc) => {
    docs.set(store.addPart({ parentId: null, kind: 'unit', title, doc: d }).id, d);
  };
  add('Opening', doc(p('Welcome.'), figure(LOGO, 'EMBLEM')));
  add(
    'Panel I',
    doc(p('Flows since 1970.'), figure(MAP, 'LATIN AMERICA: IMMIGRANT POPULATION'), figure(CHART, 'REMITTANCES')),
  );
  add('Panel II', doc(figure(MAP, 'THE SAME MAP'), p('Trafficking in persons.')));
  add('Panel III', doc(p('Return migration.'), figure(MAP, 'AND AGAIN')));
  add('Closing', doc(p('Conclusions without images.')));
  return { store, docs };
}

describe('images as assets', () => {
  test('each image is stored once however many parts and snapshots show it, and reads back as it was given', () => {
    const file = path.join(dir, 'images.rapporteur');
    const { store, docs } = conferenceWithImages(file);
    const withoutSnapshots = fs.statSync(file).size;
    for (let i = 0; i < 30; i++) store.createSnapshot(`Version ${i}`, 'manual');
    const snapshotsCost = fs.statSync(file).size - withoutSnapshots;
    const [firstId, first] = [...docs][1]!;
    const part = store.getPart(firstId);
    expect(part.doc).toEqual(first);
    store.savePartDoc(firstId, doc(...(first.root.children as never[]), p('A new paragraph.')), part.revision);
    const dup = store.duplicatePart(firstId);
    expect(sources(store.getPart(dup.id).doc)).toEqual([MAP, CHART]);
    const snapshot = JSON.parse(store.snapshotRow(store.listSnapshots().at(-1)!.id)!.data) as {
      parts: { id: string; doc: LexicalDoc }[];
    };
    expect(snapshot.parts.map((x) => x.doc)).toEqual([...docs.values()]);
    expect(store.readContent().parts.flatMap((x) => sources(x.doc))).toEqual([LOGO, MAP, CHART, MAP, CHART, MAP, MAP]);
    store.close();

    const held = inFile(file);
    expect(held.assets).toEqual({ count: 3, bytes: imageBytes });
    expect(held.inlineParts).toBe(0);
    expect(held.inlineSnapshots).toBe(0);
    // A snapshot costs the text only: far less than one copy of the map.
    expect(held.largestSnapshot).toBeLessThan(MAP.length / 4);
    // 30 snapshots of parts showing 7 images cost less than one copy of the images.
    expect(snapshotsCost).toBeLessThan(imageBytes);
    expect(snapshotsCost).toBeLessThan(30 * (held.largestSnapshot + 4096));
  });

  test('data URLs that would not read back byte for byte stay in the document as they are', () => {
    const file = path.join(dir, 'odd.rapporteur');
    const store = ConferenceStore.create(file);
    const bytes = pngBytes(8, 8, 3).toString('base64');
    const odd = [
      `data:image/png;base64,${bytes.slice(0, 20)}\n${bytes.slice(20)}`,
      `data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg"/>`,
      'https://example.org/map.png',
      'asset:sha256-' + '0'.repeat(64),
    ];
    const d = doc(...odd.map((src, i) => figure(src, `Figure ${i}`)));
    const id = store.addPart({ parentId: null, kind: 'unit', title: 'Odd images', doc: d }).id;
    expect(store.getPart(id).doc).toEqual(d);
    store.close();
    expect(inFile(file).assets.count).toBe(0);
  });

  test('an image only pruned snapshots showed goes with them; one a kept snapshot or a part shows stays', () => {
    const file = path.join(dir, 'pruned.rapporteur');
    const store = ConferenceStore.create(file);
    const old = pngDataUrl(64, 64, 21);
    const named = pngDataUrl(64, 64, 22);
    const kept = pngDataUrl(64, 64, 23);
    const id = store.addPart({ parentId: null, kind: 'unit', title: 'Figures', doc: doc(figure(old, 'OLD')) }).id;
    const save = (src: string) => store.savePartDoc(id, doc(figure(src, 'FIGURE')), store.getPart(id).revision);
    const a1 = store.createSnapshot('Before importing the draft', 'before-import');
    save(named);
    const mine = store.createSnapshot('Before the plenary', 'manual');
    const a2 = store.createSnapshot('Before merging the kits', 'before-merge');
    save(kept);
    // The two automatic ones were taken on one day about two months ago (a Wednesday: one week, one day).
    const WEEK = 7 * DAY;
    const wednesday = Math.floor((Date.now() - 60 * DAY + 3 * DAY) / WEEK) * WEEK - 3 * DAY + 2.5 * DAY;
    store.writeWith((db) => {
      const date = db.prepare('UPDATE snapshots SET created_at = ? WHERE id = ?');
      date.run(new Date(wednesday - 3_600_000).toISOString(), a1.id);
      date.run(new Date(wednesday).toISOString(), a2.id);
    });
    expect(store.readWith((db) => assetTotals(db).count)).toBe(3);

    // 20 newer automatic ones: the policy keeps the latest of that week (a2) and lets a1 go.
    for (let i = 0; i < 20; i++) store.createSnapshot(`Before replacing ${i}`, 'before-replace');
    const ids = store.listSnapshots().map((x) => x.id);
    expect(ids).not.toContain(a1.id);
    expect(ids).toEqual(expect.arrayContaining([a2.id, mine.id]));
    // No snapshot and no part shows the old image any more: it went with a1.
    const left = store
      .readWith((db) => db.prepare('SELECT bytes FROM assets').all() as { bytes: Buffer }[])
      .map((r) => `data:image/png;base64,${r.bytes.toString('base64')}`);
    expect(left.sort()).toEqual([kept, named].sort());
    store.restoreSnapshot(mine.id);
    expect(sources(store.getPart(id).doc)).toEqual([named]);
    store.close();
  });

  test('a kit carries the images of its parts, not those only the desk’s snapshots show', () => {
    const file = path.join(dir, 'desk.rapporteur');
    const store = ConferenceStore.create(file);
    const gone = pngDataUrl(64, 64, 31);
    const id = store.addPart({
      parentId: null,
      kind: 'unit',
      title: 'Panel I',
      rapporteur: 'Ana Gómez',
      doc: doc(figure(gone, 'REMOVED')),
    }).id;
    store.createSnapshot('Before the plenary', 'manual');
    store.savePartDoc(id, doc(figure(MAP, 'KEPT')), store.getPart(id).revision);
    const kit = prepareKit(store, { rapporteur: 'Ana Gómez', target: path.join(dir, 'kit.rapporteur') });
    expect(store.readWith((db) => assetTotals(db).count)).toBe(2);
    store.close();
    const opened = ConferenceStore.open(kit.path);
    expect(opened.listSnapshots()).toEqual([]);
    expect(sources(opened.getPart(id).doc)).toEqual([MAP]);
    expect(opened.readWith((db) => assetTotals(db).count)).toBe(1);
    opened.close();
  });

  test('a conference with images and 200 automatic snapshots opens, saves and is thinned as the retention says', () => {
    const file = path.join(dir, 'history.rapporteur');
    const { store, docs } = conferenceWithImages(file);
    // And the text of a long session (some 25 KB in every snapshot).
    store.addPart({
      parentId: null,
      kind: 'unit',
      title: 'Debate',
      doc: doc(p(Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' '))),
    });
    const reasons: SnapshotInfo['reason'][] = ['before-import', 'before-restore', 'before-merge', 'before-replace'];
    const start = Date.now();
    // Taken as the store takes them (in one transaction: one sync to disk), then dated over the last 90 days.
    store.writeWith(() => {
      for (let i = 0; i < 200; i++) store.createSnapshot(`Automatic ${i}`, reasons[i % reasons.length]);
    });
    store.writeWith((db) => {
      const date = db.prepare('UPDATE snapshots SET created_at = ? WHERE id = ?');
      store
        .listSnapshots()
        .forEach((s, newest) => date.run(new Date(start - (newest * 90 * DAY) / 199 - 60_000).toISOString(), s.id));
    });
    store.close();
    const before = inFile(file);
    expect(before.assets).toEqual({ count: 3, bytes: imageBytes });
    // 200 snapshots of a conference with 7 figures: one copy of each image, and text.
    expect(before.inlineSnapshots).toBe(0);
    expect(before.largestSnapshot).toBeLessThan(MAP.length / 4);
    expect(before.bytes).toBeLessThan(imageBytes * 1.5 + 200 * before.largestSnapshot * 2);

    const s = ConferenceStore.open(file);
    expect(s.problems).toEqual([]);
    const listed = s.listSnapshots();
    expect(listed).toHaveLength(200);
    const [id, given] = [...docs][1]!;
    expect(s.getPart(id).doc).toEqual(given);
    const saved = s.savePartDoc(id, doc(p('Rewritten without its figures.')), s.getPart(id).revision);
    expect(saved.wordCount).toBe(4);

    const taken = s.createSnapshot('Before replacing “figures”', 'before-replace');
    const gone = snapshotsToPrune([...listed, taken], new Date(taken.createdAt));
    const left = s.listSnapshots();
    expect(gone.length).toBeGreaterThan(100);
    expect(left).toHaveLength(201 - gone.length);
    for (const x of gone) expect(left.some((l) => l.id === x)).toBe(false);
    // Every kept snapshot still shows its images: the oldest kept one restores with them.
    s.restoreSnapshot(left.at(-1)!.id);
    expect(s.getPart(id).doc).toEqual(given);
    s.close();

    const after = inFile(file);
    expect(after.assets).toEqual({ count: 3, bytes: imageBytes });
    expect(after.inlineSnapshots).toBe(0);
    const db = new Database(file, { readonly: true });
    const free = db.pragma('freelist_count', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.close();
    // The deleted snapshots' pages are free for the next ones; the file did not grow by their size.
    expect(after.bytes).toBeLessThanOrEqual(before.bytes + 10 * before.largestSnapshot);
    expect(free).toBeGreaterThan(0);
    expect(free).toBeLessThan(pages);

    // Opened again with those pages free, the file is compacted: it shrinks as the retention said.
    ConferenceStore.open(file).close();
    const compacted = inFile(file);
    expect(compacted.bytes).toBeLessThan(after.bytes - free * 4096 * 0.5);
    expect(compacted.assets).toEqual({ count: 3, bytes: imageBytes });
  });
});
