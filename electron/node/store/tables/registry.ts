/** The participants (table `participants`): the people of the conference, in their order. */
import type Database from 'better-sqlite3';
import { type Participant, Participant as ParticipantSchema } from '../../../../shared/model/conference';
import { storeMessages } from '../store-messages';
import type { NoteProblem } from './problems';
import { checkRevision, staleError } from './revisions';

interface ParticipantRow {
  id: string;
  position: number;
  honorific: string;
  name: string;
  title: string;
  organisation: string;
  country: string;
  grp: string;
  role: string;
  revision: number;
}

/** Row → participant, or null for a row the schema refuses (damaged). */
function toParticipant(r: ParticipantRow): Participant | null {
  const parsed = ParticipantSchema.safeParse({
    id: r.id,
    honorific: r.honorific,
    name: r.name,
    title: r.title,
    organisation: r.organisation,
    country: r.country,
    group: r.grp,
    role: r.role,
    revision: r.revision,
  });
  return parsed.success ? parsed.data : null;
}

/** Participant → row (its position and revision are the store's). */
const toRow = (p: Participant, position: number, revision: number): ParticipantRow => ({
  id: p.id,
  position,
  honorific: p.honorific,
  name: p.name,
  title: p.title,
  organisation: p.organisation,
  country: p.country,
  grp: p.group,
  role: p.role,
  revision,
});

export function listParticipants(db: Database.Database, note: NoteProblem): Participant[] {
  const rows = db
    .prepare(
      'SELECT id, position, honorific, name, title, organisation, country, grp, role, revision FROM participants ORDER BY position',
    )
    .all() as ParticipantRow[];
  const out: Participant[] = [];
  for (const r of rows) {
    const p = toParticipant(r);
    if (p) out.push(p);
    else note(storeMessages.damagedParticipant(String(r.name || r.id)));
  }
  return out;
}

const revisionOf = (db: Database.Database, id: string): number | null =>
  (db.prepare('SELECT revision FROM participants WHERE id = ?').get(id) as { revision: number } | undefined)
    ?.revision ?? null;

/**
 * Adds a participant (no revision) or saves one read at `revision`; a participant
 * changed or deleted since is refused (CONFLICT). Returns the new revision.
 */
export function saveParticipant(db: Database.Database, p: Participant): number {
  const current = revisionOf(db, p.id);
  checkRevision(current, p.revision, { kind: 'participant', name: p.name });
  return writeParticipant(db, p, (current ?? 0) + 1);
}

/** Writes a participant at `revision`, keeping its place (a new one goes last). */
export function writeParticipant(db: Database.Database, p: Participant, revision: number): number {
  const exists = db.prepare('SELECT position FROM participants WHERE id = ?').get(p.id) as
    | { position: number }
    | undefined;
  const position =
    exists?.position ??
    (db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS n FROM participants').get() as { n: number }).n;
  db.prepare(`INSERT INTO participants (id, position, honorific, name, title, organisation, country, grp, role, revision)
    VALUES (@id, @position, @honorific, @name, @title, @organisation, @country, @grp, @role, @revision)
    ON CONFLICT(id) DO UPDATE SET honorific = excluded.honorific, name = excluded.name, title = excluded.title,
    organisation = excluded.organisation, country = excluded.country, grp = excluded.grp, role = excluded.role,
    revision = excluded.revision`).run(toRow(p, position, revision));
  return revision;
}

/** Deletes a participant; with `baseRevision`, only if nobody changed it since. */
export function deleteParticipant(db: Database.Database, id: string, baseRevision?: number): void {
  const current = revisionOf(db, id);
  if (baseRevision !== undefined && current !== null && current !== baseRevision) {
    const name = (db.prepare('SELECT name FROM participants WHERE id = ?').get(id) as { name: string }).name;
    throw staleError('participant', name);
  }
  db.prepare('DELETE FROM participants WHERE id = ?').run(id);
}

export function clearParticipants(db: Database.Database): void {
  db.exec('DELETE FROM participants');
}
