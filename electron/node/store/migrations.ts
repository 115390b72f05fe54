import type Database from 'better-sqlite3';
import { docToPlainText } from '../../../shared/model/doc-text';

/** "RAPP": marks a SQLite file as a Rapporteur conference (PRAGMA application_id). */
export const APPLICATION_ID = 0x52415050;

/**
 * Each migration takes the file from version i to i+1 and runs in one transaction.
 * Never edit a migration that has shipped: add the next one.
 */
export const migrations: ReadonlyArray<(db: Database.Database) => void> = [
  // 1: metadata, the part tree with Lexical documents, participants, agenda, snapshots.
  (db) => db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE parts (
      id TEXT PRIMARY KEY,
      parent_id TEXT REFERENCES parts(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'not-started',
      rapporteur TEXT NOT NULL DEFAULT '',
      doc TEXT NOT NULL,
      word_count INTEGER NOT NULL DEFAULT 0,
      revision INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX parts_parent ON parts(parent_id, position);
    CREATE TABLE participants (
      id TEXT PRIMARY KEY, position INTEGER NOT NULL, honorific TEXT NOT NULL, name TEXT NOT NULL,
      title TEXT NOT NULL, organisation TEXT NOT NULL, country TEXT NOT NULL,
      grp TEXT NOT NULL, role TEXT NOT NULL
    );
    CREATE TABLE agenda (
      id TEXT PRIMARY KEY, position INTEGER NOT NULL, day TEXT NOT NULL, start TEXT NOT NULL,
      end TEXT NOT NULL, title TEXT NOT NULL, part_id TEXT, moderator_id TEXT, speaker_ids TEXT NOT NULL
    );
    CREATE TABLE snapshots (
      id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, reason TEXT NOT NULL,
      created_at TEXT NOT NULL, data TEXT NOT NULL
    );
  `),
  // 2: full-text index over parts, and the importer's warnings.
  (db) => {
    db.exec(`
      CREATE VIRTUAL TABLE parts_fts USING fts5(part_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TABLE import_warnings (
        id INTEGER PRIMARY KEY AUTOINCREMENT, part_id TEXT, line INTEGER, code TEXT NOT NULL,
        message TEXT NOT NULL, suggestion TEXT, status TEXT NOT NULL DEFAULT 'open'
      );
    `);
    const insert = db.prepare('INSERT INTO parts_fts (part_id, title, body) VALUES (?, ?, ?)');
    for (const row of db.prepare('SELECT id, title, doc FROM parts').all() as { id: string; title: string; doc: string }[]) {
      insert.run(row.id, row.title, docToPlainText(JSON.parse(row.doc)));
    }
  },
  // 3: participants and programme items carry a revision, as parts do, so a save based on
  // an older one is refused instead of overwriting another window's change.
  (db) => db.exec(`
    ALTER TABLE participants ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE agenda ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
  `),
  // 4: rapporteur kits (electron/node/kits): the conference's own id, which every kit of it
  // carries; a kit file's identity (one row: whose, which parts, the revisions it started
  // from); and the merge log of the editors' desk, one row per decision.
  (db) => db.exec(`
    INSERT OR IGNORE INTO meta (key, value) VALUES ('conference_id', lower(hex(randomblob(16))));
    CREATE TABLE kit (
      id TEXT PRIMARY KEY, conference_id TEXT NOT NULL, rapporteur TEXT NOT NULL,
      assigned TEXT NOT NULL, base TEXT NOT NULL, base_version TEXT NOT NULL, created_at TEXT NOT NULL
    );
    CREATE TABLE merge_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, kit_id TEXT NOT NULL, rapporteur TEXT NOT NULL,
      fingerprint TEXT NOT NULL, subject TEXT NOT NULL, subject_id TEXT, decision TEXT NOT NULL,
      detail TEXT NOT NULL, kit_hash TEXT, result_revision INTEGER
    );
  `),
];

export const SCHEMA_VERSION = migrations.length;

/** Brings a file up to `target` (the latest by default; tests stop earlier to build old files). */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < target; v++) {
    db.transaction(() => {
      migrations[v]!(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
