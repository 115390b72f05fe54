import type Database from 'better-sqlite3';
import { storeImages } from '../tables/assets';

/**
 * 5: images stored once by content (tables/assets.ts). Every data URL in the parts and in
 * the snapshots moves into `assets` and is replaced by its reference, so the file keeps one
 * copy of each image however many parts and snapshots show it. A document or snapshot that
 * cannot be read is left as it was (the store names it when it is opened).
 */
export function assets(db: Database.Database): void {
  db.exec(`
    CREATE TABLE assets (
      id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, mime TEXT NOT NULL,
      size INTEGER NOT NULL, bytes BLOB NOT NULL
    );
  `);
  moveImages(db, 'parts', 'id', 'doc');
  moveImages(db, 'snapshots', 'id', 'data');
}

/** Row by row (one snapshot may be large), each rewritten only if it held an image. */
function moveImages(db: Database.Database, table: 'parts' | 'snapshots', key: string, column: string): void {
  const ids = (
    db.prepare(`SELECT ${key} AS id FROM ${table} WHERE instr(${column}, 'data:') > 0`).all() as {
      id: string | number;
    }[]
  ).map((r) => r.id);
  const read = db.prepare(`SELECT ${column} AS json FROM ${table} WHERE ${key} = ?`);
  const write = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
  for (const id of ids) {
    const { json } = read.get(id) as { json: string };
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      continue;
    }
    const stored = storeImages(db, value);
    if (stored !== value) write.run(JSON.stringify(stored), id);
  }
}
