import type Database from 'better-sqlite3';

/**
 * 4: rapporteur kits (electron/node/kits): the conference's own id, which every kit of it
 * carries; a kit file's identity (one row: whose, which parts, the revisions it started
 * from); and the merge log of the editors' desk, one row per decision.
 */
export function kits(db: Database.Database): void {
  db.exec(`
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
  `);
}
