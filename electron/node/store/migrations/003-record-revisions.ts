import type Database from 'better-sqlite3';

/**
 * 3: participants and programme items carry a revision, as parts do, so a save based on
 * an older one is refused instead of overwriting another window's change.
 */
export function recordRevisions(db: Database.Database): void {
  db.exec(`
    ALTER TABLE participants ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE agenda ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
  `);
}
