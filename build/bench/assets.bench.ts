// Images stored once (issue 9.2): the file's size and the cost of a snapshot and an autosave,
// before (schema 4: figures as data URLs inside every part and every snapshot) and after
// (assets: each image once, documents and snapshots holding references). The content is the
// largest sample (seed 000) with a few photographs added as figures; 50 snapshots are taken.
// "Before" is written as version 4 of the store wrote it, from the migrations before assets
// only; "after" is the same file migrated by opening it, and a file the store writes itself.
// The two are timed interleaved, round by round. `npm run bench -- assets`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LexicalDoc } from '../../shared/model/conference';
import { countWords, docToPlainText } from '../../shared/model/doc-text';
import { ConferenceStore, type ConferenceContent } from '../../electron/node/store/conference-store';
import { APPLICATION_ID, migrate } from '../../electron/node/store/migrations';
import { assetTotals } from '../../electron/node/store/tables/assets';
import { figure, pngDataUrl } from '../../electron/node/store/testing/images';
import { median, ms, p95, ratio } from './stats';

const SNAPSHOTS = 50;
const ROUNDS = 30;
const root = process.cwd();

function sampleContent(dir: string): ConferenceContent {
  const samples = path.join(root, 'seeds', 'samples');
  const found = fs.existsSync(samples)
    ? fs.readdirSync(samples).find((f) => f.startsWith('Hemispheric Conference') && f.endsWith('.rapporteur'))
    : undefined;
  if (!found) throw new Error('The sample conference of seed 000 is missing: run npm run samples first.');
  const copy = path.join(dir, 'sample.rapporteur');
  fs.copyFileSync(path.join(samples, found), copy);
  const store = ConferenceStore.open(copy, { readOnly: true });
  try {
    return store.readContent();
  } finally {
    store.close();
  }
}

/** Four photographs (noise, as incompressible as a photo), one of them shown in two parts. */
function withImages(content: ConferenceContent): { content: ConferenceContent; imageBytes: number; figures: number } {
  const images = [pngDataUrl(480, 320, 1), pngDataUrl(320, 240, 2), pngDataUrl(320, 240, 3), pngDataUrl(200, 150, 4)];
  const shows = [0, 1, 2, 3, 0];
  const parts = content.parts.map((p, i) => {
    if (i === 0 || i > shows.length) return p;
    const src = images[shows[i - 1]!]!;
    const doc: LexicalDoc = {
      root: { ...p.doc.root, children: [...p.doc.root.children, figure(src, `FIGURE ${i}`) as never] },
    };
    return { ...p, doc };
  });
  const imageBytes = images.reduce((n, u) => n + Buffer.from(u.split(',')[1]!, 'base64').length, 0);
  return { content: { ...content, parts }, imageBytes, figures: shows.length };
}

/** A version 4 file as the store wrote it then: every document and snapshot whole, images inline. */
function writeVersion4(file: string, content: ConferenceContent): Database.Database {
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  migrate(db, 4);
  db.transaction(() => {
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?), ('conference_revision', '1')").run(
      JSON.stringify(content.meta),
    );
    const part =
      db.prepare(`INSERT INTO parts (id, parent_id, position, kind, title, status, rapporteur, doc, word_count, revision, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const index = db.prepare('INSERT INTO parts_fts (part_id, title, body) VALUES (?, ?, ?)');
    for (const p of content.parts) {
      const text = docToPlainText(p.doc);
      part.run(
        p.id,
        p.parentId,
        p.position,
        p.kind,
        p.title,
        p.status,
        p.rapporteur,
        JSON.stringify(p.doc),
        countWords(text),
        p.revision,
        p.updatedAt,
      );
      index.run(p.id, p.title, text);
    }
    const person = db.prepare(
      `INSERT INTO participants (id, position, honorific, name, title, organisation, country, grp, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    content.participants.forEach((p, i) =>
      person.run(p.id, i, p.honorific, p.name, p.title, p.organisation, p.country, p.group, p.role),
    );
    const item = db.prepare(
      `INSERT INTO agenda (id, position, day, start, end, title, part_id, moderator_id, speaker_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const a of content.agenda)
      item.run(a.id, a.position, a.day, a.start, a.end, a.title, a.partId, a.moderatorId, JSON.stringify(a.speakerIds));
  })();
  return db;
}

/** The old way of taking a snapshot: the parts read back (images inline), the whole content in one row. */
function oldSnapshot(db: Database.Database, content: ConferenceContent, i: number): void {
  db.transaction(() => {
    const parts = (
      db
        .prepare(
          'SELECT id, parent_id, position, kind, title, status, rapporteur, word_count, revision, updated_at, doc FROM parts ORDER BY position',
        )
        .all() as { doc: string }[]
    ).map((r) => ({ ...r, doc: JSON.parse(r.doc) as LexicalDoc }));
    db.prepare('INSERT INTO snapshots (name, reason, created_at, data) VALUES (?, ?, ?, ?)').run(
      `Before import ${i}`,
      'before-import',
      new Date().toISOString(),
      JSON.stringify({ ...content, parts }),
    );
  })();
}

/** The old autosave: the document whole, images included, and its index entry. */
function oldSave(db: Database.Database, id: string, doc: LexicalDoc): void {
  db.transaction(() => {
    const text = docToPlainText(doc);
    db.prepare('UPDATE parts SET doc = ?, word_count = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(
      JSON.stringify(doc),
      countWords(text),
      new Date().toISOString(),
      id,
    );
    db.prepare('DELETE FROM parts_fts WHERE part_id = ?').run(id);
    db.prepare('INSERT INTO parts_fts (part_id, title, body) VALUES (?, ?, ?)').run(id, '', text);
  })();
}

function sizes(file: string): { bytes: number; free: number; assets: string } {
  const db = new Database(file, { readonly: true });
  try {
    const free =
      (db.pragma('freelist_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    const hasAssets = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'assets'").get();
    const totals = hasAssets ? assetTotals(db) : null;
    return { bytes: fs.statSync(file).size, free, assets: totals ? `${totals.count} (${mb(totals.bytes)})` : '—' };
  } finally {
    db.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(2)} MB`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

export default async function assetsBench(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-assets-'));
  const loadBefore = load();
  try {
    const { content, imageBytes, figures } = withImages(sampleContent(dir));
    const files = {
      before: path.join(dir, 'v4.rapporteur'),
      after: path.join(dir, 'assets.rapporteur'),
      migrated: path.join(dir, 'migrated.rapporteur'),
    };
    const old = writeVersion4(files.before, content);
    const store = ConferenceStore.create(files.after);
    store.replaceContent(content, null);
    const times = {
      oldSnapshot: [] as number[],
      newSnapshot: [] as number[],
      oldSave: [] as number[],
      newSave: [] as number[],
    };
    const time = (into: number[], fn: () => void) => {
      const t0 = performance.now();
      fn();
      into.push(performance.now() - t0);
    };
    for (let i = 0; i < SNAPSHOTS; i++) {
      // Each round: the old snapshot (the content serialised whole) against the store's.
      const first = i % 2 === 0;
      if (first) time(times.oldSnapshot, () => oldSnapshot(old, content, i));
      time(times.newSnapshot, () => store.createSnapshot(`Before import ${i}`, 'before-import'));
      if (!first) time(times.oldSnapshot, () => oldSnapshot(old, content, i));
    }
    const withFigure = content.parts[1]!;
    let revision = store.getPart(withFigure.id).revision;
    for (let i = 0; i < ROUNDS; i++) {
      const doc: LexicalDoc = {
        root: {
          ...withFigure.doc.root,
          children: [
            ...withFigure.doc.root.children,
            { type: 'paragraph', children: [{ type: 'text', text: `edit ${i}` }] } as never,
          ],
        },
      };
      const first = i % 2 === 0;
      if (first) time(times.oldSave, () => oldSave(old, withFigure.id, doc));
      time(times.newSave, () => {
        revision = store.savePartDoc(withFigure.id, doc, revision).revision;
      });
      if (!first) time(times.oldSave, () => oldSave(old, withFigure.id, doc));
    }
    old.close();
    store.close();
    fs.copyFileSync(files.before, files.migrated);
    ConferenceStore.open(files.migrated).close();
    const compacted = path.join(dir, 'compacted.rapporteur');
    const reopened = ConferenceStore.open(files.migrated, { readOnly: true });
    reopened.saveCopy(compacted);
    reopened.close();

    const row = (label: string, file: string) => {
      const s = sizes(file);
      return `| ${label} | ${mb(s.bytes)} | ${mb(s.free)} | ${s.assets} |`;
    };
    return [
      "### Images stored once: the file's size (issue 9.2)",
      '',
      `Largest sample (seed 000) with ${figures} figures of 4 photographs (${mb(imageBytes)} of PNG, one shown twice), then ${SNAPSHOTS} automatic snapshots (all within a day: all kept) and ${ROUNDS} autosaves of a part with a figure.`,
      `Load average before: ${loadBefore}; after: ${load()}.`,
      '',
      '| file | size | of which free pages | assets |',
      '|---|---|---|---|',
      row('version 4 (before): images inline in parts and snapshots', files.before),
      row('the same file opened by this version (migrated in place)', files.migrated),
      row('the migrated file, compacted (Save a copy: VACUUM INTO)', compacted),
      row('written by this version from the start', files.after),
      '',
      '| operation | before (inline), median | p95 | after (assets), median | p95 | after / before |',
      '|---|---|---|---|---|---|',
      `| take a snapshot | ${ms(median(times.oldSnapshot))} | ${ms(p95(times.oldSnapshot))} | ${ms(median(times.newSnapshot))} | ${ms(p95(times.newSnapshot))} | ${ratio(median(times.newSnapshot), median(times.oldSnapshot))} |`,
      `| autosave a part with a figure | ${ms(median(times.oldSave))} | ${ms(p95(times.oldSave))} | ${ms(median(times.newSave))} | ${ms(p95(times.newSave))} | ${ratio(median(times.newSave), median(times.oldSave))} |`,
    ].join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
