import type Database from 'better-sqlite3';

/**
 * 10: what an import warning concerns when it is not a passage of its part's text (issue 12):
 * the part's title or number, an entry of the participants registry, the conference details.
 * Warnings of older files have none: quoted ones concern their passage, the others their part.
 */
export function warningTargets(db: Database.Database): void {
  db.exec(`
    ALTER TABLE import_warnings ADD COLUMN place TEXT;
    ALTER TABLE import_warnings ADD COLUMN participant_id TEXT;
  `);
}
