import type Database from 'better-sqlite3';

/** 1: metadata, the part tree with Lexical documents, participants, agenda, snapshots. */
export function initial(db: Database.Database): void {
  db.exec(`
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
  `);
}
