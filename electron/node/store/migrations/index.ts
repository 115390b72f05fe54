/**
 * The file's schema, one migration per file. Each takes the file from version i to i+1 and
 * runs in one transaction. Never edit a migration that has shipped: add the next one (and
 * its test, which builds a file of the version before from the migrations before it).
 */
import type Database from 'better-sqlite3';
import { initial } from './001-initial';
import { search } from './002-search';
import { recordRevisions } from './003-record-revisions';
import { kits } from './004-kits';
import { assets } from './005-assets';
import { assignments } from './006-assignments';
import { comments } from './007-comments';
import { warningPlaces } from './008-warning-places';
import { warningMessages } from './009-warning-messages';
import { warningTargets } from './010-warning-targets';

/** "RAPP": marks a SQLite file as a Rapporteur conference (PRAGMA application_id). */
export const APPLICATION_ID = 0x52415050;

export const migrations: ReadonlyArray<(db: Database.Database) => void> = [
  initial,
  search,
  recordRevisions,
  kits,
  assets,
  assignments,
  comments,
  warningPlaces,
  warningMessages,
  warningTargets,
];

export const SCHEMA_VERSION = migrations.length;

/** Brings a file up to `target` (the latest by default; tests stop earlier to build old files). */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < target; v++) {
    db.transaction(() => {
      migrations[v]!(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
