import type Database from 'better-sqlite3';

/**
 * 9: an import warning's message as a catalogue key and its values (JSON), so that it reads in
 * the user's language (issue 14). Warnings of older files have neither and show their stored
 * English message as it is.
 */
export function warningMessages(db: Database.Database): void {
  db.exec(`
    ALTER TABLE import_warnings ADD COLUMN message_key TEXT;
    ALTER TABLE import_warnings ADD COLUMN message_values TEXT;
  `);
}
