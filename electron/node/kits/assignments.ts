/**
 * Assignments at the editors' desk: who drafts which part (from the registry or by name), by
 * when, and the overview of every part with whether its rapporteur's latest work has come back
 * (the kit last sent with the part, brought in, and what became of the part then).
 */
import type Database from 'better-sqlite3';
import { appError } from '../../../shared/i18n/app-error';
import { foldKey } from '../../../shared/i18n/fold';
import type { AssignmentOverview, AssignmentRow, AssignRequest } from '../../../shared/kits/assignments';
import type { PartSummary } from '../../../shared/model/conference';
import type { ConferenceStore } from '../store/conference-store';
import { readAssignments, writeAssignment } from '../store/tables/assignments';
import { kitIdentityOf } from './kit-identity';
import { kitMessages } from './kit-messages';
import { resolutionOf } from './merge-kits';

/** Parts in the outline's order (depth first, by position), each with its depth. */
function outline(parts: PartSummary[]): { part: PartSummary; depth: number }[] {
  const children = new Map<string | null, PartSummary[]>();
  for (const p of parts) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  const out: { part: PartSummary; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const p of [...(children.get(parent) ?? [])].sort((a, b) => a.position - b.position)) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push({ part: p, depth });
      walk(p.id, depth + 1);
    }
  };
  walk(null, 0);
  for (const p of parts) if (!seen.has(p.id)) out.push({ part: p, depth: 0 });
  return out;
}

/** When the kit was last brought in, and the last decision about this part in it. */
function returnedOf(db: Database.Database, kitId: string, partId: string): AssignmentRow['returned'] {
  const merged = db
    .prepare(
      `SELECT at FROM merge_log WHERE kit_id = ? AND subject = 'kit' AND decision = 'merged' ORDER BY id DESC LIMIT 1`,
    )
    .get(kitId) as { at: string } | undefined;
  if (!merged) return null;
  const last = db
    .prepare(
      `SELECT id, decision FROM merge_log WHERE kit_id = ? AND subject = 'part' AND subject_id = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(kitId, partId) as { id: number; decision: string } | undefined;
  if (!last) return { at: merged.at, decision: 'unchanged' };
  const decision = last.decision === 'conflict' && resolutionOf(db, last.id) !== null ? 'resolved' : last.decision;
  return { at: merged.at, decision: decision as NonNullable<AssignmentRow['returned']>['decision'] };
}

export function assignmentOverview(store: ConferenceStore): AssignmentOverview {
  const parts = store.listParts();
  return store.readWith((db) => {
    const assigned = readAssignments(db);
    const rows = outline(parts).map(({ part, depth }): AssignmentRow => {
      const a = assigned.get(part.id);
      return {
        partId: part.id,
        parentId: part.parentId,
        depth,
        title: part.title,
        kind: part.kind,
        rapporteur: part.rapporteur.trim(),
        participantId: part.rapporteur.trim() ? (a?.participantId ?? null) : null,
        dueAt: part.rapporteur.trim() ? (a?.dueAt ?? '') : '',
        status: part.status,
        wordCount: part.wordCount,
        updatedAt: part.updatedAt,
        kitSentAt: a?.kitAt ?? null,
        returned: a?.kitId ? returnedOf(db, a.kitId, part.id) : null,
      };
    });
    const rapporteurs = [...new Set(rows.map((r) => r.rapporteur).filter(Boolean))].sort((x, y) => x.localeCompare(y));
    return { rows, rapporteurs };
  });
}

export const assignmentMessages = {
  noPart: (id: string) => appError('NOT_FOUND', 'kits.noPart', { id }),
  noParticipant: appError('NOT_FOUND', 'kits.noParticipant'),
};

/** Assigns parts (with everything under them, if asked) to a rapporteur by name or from the registry; '' unassigns. */
export function assignParts(store: ConferenceStore, req: AssignRequest): AssignmentOverview {
  const own = kitIdentityOf(store);
  if (own) throw kitMessages.kitOfKit(own.rapporteur);
  const parts = store.listParts();
  const byId = new Map(parts.map((p) => [p.id, p]));
  for (const id of req.partIds) if (!byId.has(id)) throw assignmentMessages.noPart(id);
  let name = req.rapporteur.trim();
  if (req.participantId !== null) {
    const person = store.listParticipants().find((p) => p.id === req.participantId);
    if (!person) throw assignmentMessages.noParticipant;
    if (!name) name = person.name.trim();
  }
  const targets = new Set(req.partIds);
  if (req.includeSubparts) {
    for (const { part } of outline(parts))
      if (part.parentId !== null && targets.has(part.parentId)) targets.add(part.id);
  }
  const at = new Date().toISOString();
  store.writeWith((db) => {
    for (const id of targets) {
      const before = byId.get(id)!.rapporteur;
      if (before !== name) store.updatePart(id, { rapporteur: name });
      // The kit last sent with the part was someone else's: their work coming back is not this rapporteur's.
      const someoneElse = foldKey(before) !== foldKey(name);
      writeAssignment(
        db,
        { partId: id, participantId: name ? req.participantId : null, dueAt: name ? req.dueAt : '', assignedAt: at },
        someoneElse,
      );
    }
  });
  return assignmentOverview(store);
}
