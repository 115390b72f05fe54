/**
 * The editor decides a part in conflict after a merge: keep the desk's text, take the kit's
 * (kept in the merge log), or an edited text of their own. The decision is logged beside the
 * conflict, and counts as what the desk last took from that kit, so a kit returned again with
 * more work is compared from there (no second conflict over the same text).
 */
import type { LexicalDoc, PartStatus } from '../../../shared/model/conference';
import type { MergeEntry } from '../../../shared/kits/kit-report';
import { conflictRows, type KitConflict } from '../../../shared/kits/conflict-compare';
import { countWords, docToPlainText } from '../../../shared/model/doc-text';
import type { ConferenceStore } from '../store/conference-store';
import { kitMessages } from './kit-messages';
import { partHash } from './kit-identity';
import { resolutionOf } from './merge-kits';

interface ConflictRowInLog {
  id: number;
  kit_id: string;
  rapporteur: string;
  fingerprint: string;
  subject: string;
  subject_id: string | null;
  decision: string;
  detail: string;
  kit_hash: string | null;
  at: string;
}
interface KitVersion {
  title: string;
  status: PartStatus;
  doc: LexicalDoc;
}

export type Decision = { keep: 'desk' | 'kit' } | { keep: 'edited'; doc: LexicalDoc };

function conflictRow(store: ConferenceStore, conflictId: number): ConflictRowInLog & { subject_id: string } {
  const row = store.readWith((db) =>
    db
      .prepare(
        'SELECT id, kit_id, rapporteur, fingerprint, subject, subject_id, decision, detail, kit_hash, at FROM merge_log WHERE id = ?',
      )
      .get(conflictId),
  ) as ConflictRowInLog | undefined;
  if (!row || row.decision !== 'conflict' || row.subject !== 'part' || !row.subject_id)
    throw kitMessages.resolve.notAConflict;
  return row as ConflictRowInLog & { subject_id: string };
}

/** Both versions of a part in conflict, side by side with their word differences. */
export function kitConflict(store: ConferenceStore, conflictId: number): KitConflict {
  const row = conflictRow(store, conflictId);
  const kit = (JSON.parse(row.detail) as { kit: KitVersion }).kit;
  const desk = store.getPart(row.subject_id);
  const side = (v: KitVersion) => {
    const text = docToPlainText(v.doc);
    return { title: v.title, status: v.status, text, words: countWords(text), doc: v.doc };
  };
  return {
    conflictId,
    partId: desk.id,
    title: desk.title,
    rapporteur: row.rapporteur,
    at: row.at,
    deskRevision: desk.revision,
    desk: side(desk),
    kit: side(kit),
    rows: conflictRows(desk.doc, kit.doc),
    decided: store.readWith((db) => resolutionOf(db, conflictId)?.message ?? null),
  };
}

/**
 * Decides a conflict. `deskRevision`, when given, is the revision the editor compared: a part
 * changed since is refused (CONFLICT), so a decision never overwrites text the editor did not see.
 */
export function resolveKitConflict(
  store: ConferenceStore,
  conflictId: number,
  decision: Decision | 'desk' | 'kit',
  deskRevision?: number,
): MergeEntry {
  const d: Decision = typeof decision === 'string' ? { keep: decision } : decision;
  return store.writeWith((db) => {
    const row = conflictRow(store, conflictId);
    if (resolutionOf(db, conflictId)) throw kitMessages.resolve.alreadyDecided;
    const kit = (JSON.parse(row.detail) as { kit: KitVersion }).kit;
    let part = store.getPart(row.subject_id);
    if (deskRevision !== undefined && part.revision !== deskRevision)
      throw kitMessages.resolve.changedSince(part.title);
    if (d.keep === 'kit') {
      store.savePartDoc(part.id, kit.doc, part.revision);
      if (kit.title !== part.title || kit.status !== part.status)
        store.updatePart(part.id, { title: kit.title, status: kit.status });
    } else if (d.keep === 'edited') {
      store.savePartDoc(part.id, d.doc, part.revision);
    }
    part = store.getPart(part.id);
    const { message, key, values } = kitMessages.resolve[
      d.keep === 'kit' ? 'tookKit' : d.keep === 'edited' ? 'edited' : 'keptDesk'
    ](row.rapporteur);
    db.prepare(`INSERT INTO merge_log (at, kit_id, rapporteur, fingerprint, subject, subject_id, decision, detail, kit_hash, result_revision)
      VALUES (?, ?, ?, ?, 'part', ?, 'resolved', ?, ?, ?)`).run(
      new Date().toISOString(),
      row.kit_id,
      row.rapporteur,
      row.fingerprint,
      part.id,
      JSON.stringify({
        title: part.title,
        message,
        key,
        values,
        conflictId,
        keep: d.keep,
        deskHash: partHash(part),
        ...(d.keep === 'edited' ? { doc: d.doc } : {}),
      }),
      row.kit_hash,
      part.revision,
    );
    return { subject: 'part', id: part.id, title: part.title, decision: 'resolved', message, key, values };
  });
}

/** Whether a kit conflict is still waiting (for tests and the report). */
export const isWaiting = (store: ConferenceStore, conflictId: number): boolean =>
  store.readWith((db) => resolutionOf(db, conflictId) === null);
