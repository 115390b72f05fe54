/** The programme (table `agenda`): sessions with their times, part, moderator and speakers. */
import type Database from 'better-sqlite3';
import { type AgendaItem, AgendaItem as AgendaSchema } from '../../../../shared/model/conference';
import { storeMessages } from '../store-messages';
import type { NoteProblem } from './problems';
import { checkRevision, staleError } from './revisions';

interface AgendaRow {
  id: string;
  position: number;
  day: string;
  start: string;
  end: string;
  title: string;
  part_id: string | null;
  moderator_id: string | null;
  speaker_ids: string;
  revision: number;
}

/** Row → programme item, or null for a row the schema refuses (damaged, speakers unreadable). */
function toAgendaItem(r: AgendaRow): AgendaItem | null {
  let speakerIds: unknown = null;
  try {
    speakerIds = JSON.parse(r.speaker_ids);
  } catch {
    /* refused below */
  }
  const parsed = AgendaSchema.safeParse({
    id: r.id,
    position: r.position,
    day: r.day,
    start: r.start,
    end: r.end,
    title: r.title,
    partId: r.part_id,
    moderatorId: r.moderator_id,
    speakerIds,
    revision: r.revision,
  });
  return parsed.success ? parsed.data : null;
}

const toRow = (a: AgendaItem, revision: number): AgendaRow => ({
  id: a.id,
  position: a.position,
  day: a.day,
  start: a.start,
  end: a.end,
  title: a.title,
  part_id: a.partId,
  moderator_id: a.moderatorId,
  speaker_ids: JSON.stringify(a.speakerIds),
  revision,
});

export function listAgenda(db: Database.Database, note: NoteProblem): AgendaItem[] {
  const rows = db
    .prepare(
      'SELECT id, position, day, start, end, title, part_id, moderator_id, speaker_ids, revision FROM agenda ORDER BY position',
    )
    .all() as AgendaRow[];
  const out: AgendaItem[] = [];
  for (const r of rows) {
    const item = toAgendaItem(r);
    if (item) out.push(item);
    else note(storeMessages.damagedAgendaItem(String(r.title || r.id)));
  }
  return out;
}

const revisionOf = (db: Database.Database, id: string): number | null =>
  (db.prepare('SELECT revision FROM agenda WHERE id = ?').get(id) as { revision: number } | undefined)?.revision ??
  null;

/** As saveParticipant, for a programme item. Returns the new revision. */
export function saveAgendaItem(db: Database.Database, a: AgendaItem): number {
  const current = revisionOf(db, a.id);
  checkRevision(current, a.revision, { kind: 'agendaItem', name: a.title });
  return writeAgendaItem(db, a, (current ?? 0) + 1);
}

export function writeAgendaItem(db: Database.Database, a: AgendaItem, revision: number): number {
  db.prepare(`INSERT INTO agenda (id, position, day, start, end, title, part_id, moderator_id, speaker_ids, revision)
    VALUES (@id, @position, @day, @start, @end, @title, @part_id, @moderator_id, @speaker_ids, @revision)
    ON CONFLICT(id) DO UPDATE SET position = excluded.position, day = excluded.day, start = excluded.start, end = excluded.end,
    title = excluded.title, part_id = excluded.part_id, moderator_id = excluded.moderator_id, speaker_ids = excluded.speaker_ids,
    revision = excluded.revision`).run(toRow(a, revision));
  return revision;
}

export function deleteAgendaItem(db: Database.Database, id: string, baseRevision?: number): void {
  const current = revisionOf(db, id);
  if (baseRevision !== undefined && current !== null && current !== baseRevision) {
    const title = (db.prepare('SELECT title FROM agenda WHERE id = ?').get(id) as { title: string }).title;
    throw staleError('agendaItem', title);
  }
  db.prepare('DELETE FROM agenda WHERE id = ?').run(id);
}

export function clearAgenda(db: Database.Database): void {
  db.exec('DELETE FROM agenda');
}
