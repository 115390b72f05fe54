import type Database from 'better-sqlite3';

/**
 * 6: assignments (tables/assignments.ts): per part, the registry's entry of its rapporteur
 * (the name stays in parts.rapporteur), a due time, and the latest kit sent with the part.
 */
export function assignments(db: Database.Database): void {
  db.exec(`
    CREATE TABLE assignments (
      part_id TEXT PRIMARY KEY,
      participant_id TEXT,
      due_at TEXT NOT NULL DEFAULT '',
      assigned_at TEXT NOT NULL,
      kit_id TEXT,
      kit_at TEXT
    );
  `);
}
