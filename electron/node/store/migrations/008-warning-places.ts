import type Database from 'better-sqlite3';

/**
 * 8: the place in its part's text an import warning concerns (issue 12): the words quoted
 * and the top-level block that held them at import. Warnings of older files have none and
 * concern their part as a whole.
 */
export function warningPlaces(db: Database.Database): void {
  db.exec(`
    ALTER TABLE import_warnings ADD COLUMN quote TEXT;
    ALTER TABLE import_warnings ADD COLUMN block INTEGER;
  `);
}
