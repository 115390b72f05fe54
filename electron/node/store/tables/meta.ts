/** The conference's details (table `meta`, key 'conference') and their revision. */
import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import {
  type ConferenceMeta,
  ConferenceMeta as MetaSchema,
  emptyMeta,
  metaProblemErrors,
} from '../../../../shared/model/conference';
import { storeMessages } from '../store-messages';
import type { NoteProblem } from './problems';
import { appError } from '../../../../shared/i18n/app-error';

interface MetaRows {
  conference: string | undefined;
  revision: string | undefined;
}

const valueOf = (db: Database.Database, key: string): string | undefined =>
  (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;

const readRows = (db: Database.Database): MetaRows => ({
  conference: valueOf(db, 'conference'),
  revision: valueOf(db, 'conference_revision'),
});

/** Rows → details: damaged details read as empty ones (and are named), as does a missing revision as 1. */
function toMeta(rows: MetaRows, note: NoteProblem): { meta: ConferenceMeta; revision: number } {
  const revision = rows.revision !== undefined && Number.isInteger(Number(rows.revision)) ? Number(rows.revision) : 1;
  let value: unknown = null;
  try {
    value = rows.conference !== undefined ? JSON.parse(rows.conference) : null;
  } catch {
    /* reported below */
  }
  const parsed = MetaSchema.safeParse(value && typeof value === 'object' ? { ...emptyMeta(), ...value } : null);
  if (parsed.success) return { meta: parsed.data, revision };
  note(storeMessages.damagedMeta);
  return { meta: emptyMeta(), revision };
}

export const getMeta = (db: Database.Database, note: NoteProblem) => toMeta(readRows(db), note);

/** Writes the details whole, one revision later. */
export function writeMeta(db: Database.Database, meta: ConferenceMeta): void {
  const up = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const rev = valueOf(db, 'conference_revision');
  up.run('conference', JSON.stringify(meta));
  up.run('conference_revision', String(rev !== undefined ? Number(rev) + 1 : 1));
}

/** Applies a patch read at `baseRevision`; refused (CONFLICT) if the details changed since. Returns the new revision. */
export function updateMeta(
  db: Database.Database,
  patch: Partial<ConferenceMeta>,
  baseRevision: number,
  note: NoteProblem,
): number {
  const { meta, revision } = getMeta(db, note);
  if (revision !== baseRevision) {
    throw appError('CONFLICT', 'conference.metaChanged');
  }
  // Judged against the stored details: a patch of one date may put the two out of order.
  const problems = Object.values(metaProblemErrors(patch, meta));
  // One problem keeps its catalogue key (worded in the user's language); several are joined as they are.
  if (problems.length === 1) throw problems[0]!;
  if (problems.length) throw new AppError('INVALID_INPUT', problems.map((p) => p.message).join(' '));
  writeMeta(db, { ...meta, ...patch });
  return getMeta(db, note).revision;
}

/** Whether the file has its conference details at all (a file without them is damaged). */
export function hasMeta(db: Database.Database): boolean {
  return (
    !!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get() &&
    !!db.prepare("SELECT 1 FROM meta WHERE key = 'conference'").get()
  );
}
