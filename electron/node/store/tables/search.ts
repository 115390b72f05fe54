/** The full-text index of the parts (FTS5 table `parts_fts`: title and plain text of each part). */
import type Database from 'better-sqlite3';

export interface SearchHit {
  partId: string;
  title: string;
  snippet: string;
}

export function indexPart(db: Database.Database, id: string, title: string, body: string): void {
  unindexPart(db, id);
  db.prepare('INSERT INTO parts_fts (part_id, title, body) VALUES (?, ?, ?)').run(id, title, body);
}

export function unindexPart(db: Database.Database, id: string): void {
  db.prepare('DELETE FROM parts_fts WHERE part_id = ?').run(id);
}

/** For a tree written in one pass (insertParts): one statement, prepared once. */
export const indexer = (db: Database.Database) => {
  const insert = db.prepare('INSERT INTO parts_fts (part_id, title, body) VALUES (?, ?, ?)');
  return (id: string, title: string, body: string) => {
    insert.run(id, title, body);
  };
};

export function clearIndex(db: Database.Database): void {
  db.exec('DELETE FROM parts_fts');
}

/**
 * Every word of the query must occur (prefix match on the last). The words are quoted as
 * FTS5 strings and passed as a parameter: nothing the user types becomes query syntax.
 */
export function search(db: Database.Database, query: string, limit = 50): SearchHit[] {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return [];
  const match = words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
  return db
    .prepare(`SELECT part_id AS partId, title, snippet(parts_fts, 2, '[', ']', '…', 12) AS snippet
    FROM parts_fts WHERE parts_fts MATCH ? ORDER BY rank LIMIT ?`)
    .all(match, limit) as SearchHit[];
}
