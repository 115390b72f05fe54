import type Database from 'better-sqlite3';
import { docToPlainText } from '../../../../shared/model/doc-text';

/** 2: full-text index over parts (the existing text indexed), and the importer's warnings. */
export function search(db: Database.Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE parts_fts USING fts5(part_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TABLE import_warnings (
      id INTEGER PRIMARY KEY AUTOINCREMENT, part_id TEXT, line INTEGER, code TEXT NOT NULL,
      message TEXT NOT NULL, suggestion TEXT, status TEXT NOT NULL DEFAULT 'open'
    );
  `);
  const insert = db.prepare('INSERT INTO parts_fts (part_id, title, body) VALUES (?, ?, ?)');
  for (const row of db.prepare('SELECT id, title, doc FROM parts').all() as {
    id: string;
    title: string;
    doc: string;
  }[]) {
    insert.run(row.id, row.title, docToPlainText(JSON.parse(row.doc)));
  }
}
