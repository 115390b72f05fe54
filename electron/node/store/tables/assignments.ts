/**
 * Table `assignments`: per part, who drafts it (the registry's entry when chosen from it), by
 * when, and the latest kit prepared with it. The rapporteur's name itself stays in the part's
 * `rapporteur` column, which kits, exports and the command line already read. The table is
 * made by migration 6 (migrations/006-assignments.ts).
 */
import type Database from 'better-sqlite3';

export interface AssignmentRecord {
  partId: string;
  participantId: string | null;
  dueAt: string;
  assignedAt: string;
  kitId: string | null;
  kitAt: string | null;
}

export function readAssignments(db: Database.Database): Map<string, AssignmentRecord> {
  const rows = db
    .prepare(`SELECT part_id AS partId, participant_id AS participantId, due_at AS dueAt, assigned_at AS assignedAt,
    kit_id AS kitId, kit_at AS kitAt FROM assignments`)
    .all() as AssignmentRecord[];
  return new Map(rows.map((r) => [r.partId, r]));
}

/** Sets who and by when; the kit last sent with the part is kept, unless `forgetKit` (the part went to someone else). */
export function writeAssignment(
  db: Database.Database,
  a: Pick<AssignmentRecord, 'partId' | 'participantId' | 'dueAt' | 'assignedAt'>,
  forgetKit = false,
): void {
  db.prepare(`INSERT INTO assignments (part_id, participant_id, due_at, assigned_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(part_id) DO UPDATE SET participant_id = excluded.participant_id, due_at = excluded.due_at, assigned_at = excluded.assigned_at`).run(
    a.partId,
    a.participantId,
    a.dueAt,
    a.assignedAt,
  );
  if (forgetKit) db.prepare('UPDATE assignments SET kit_id = NULL, kit_at = NULL WHERE part_id = ?').run(a.partId);
}

export function deleteAssignment(db: Database.Database, partId: string): void {
  db.prepare('DELETE FROM assignments WHERE part_id = ?').run(partId);
}

/** Records the kit just prepared with these parts. */
export function recordKitSent(db: Database.Database, partIds: string[], kitId: string, at: string): void {
  const upsert =
    db.prepare(`INSERT INTO assignments (part_id, due_at, assigned_at, kit_id, kit_at) VALUES (?, '', ?, ?, ?)
    ON CONFLICT(part_id) DO UPDATE SET kit_id = excluded.kit_id, kit_at = excluded.kit_at`);
  for (const id of partIds) upsert.run(id, at, kitId, at);
}
