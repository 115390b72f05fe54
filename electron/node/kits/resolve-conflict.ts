/**
 * The editor decides a part in conflict after a merge: keep the desk's text, or take the
 * kit's (kept in the merge log). The decision is logged beside the conflict, and counts as
 * what the desk last took from that kit, so a kit returned again with more work is compared
 * from there (no second conflict over the same text).
 */
import type { LexicalDoc, PartStatus } from '../../../shared/model/conference';
import type { MergeEntry } from '../../../shared/kits/kit-report';
import type { ConferenceStore } from '../store/conference-store';
import { kitMessages } from './kit-messages';
import { partHash } from './kit-identity';
import { resolutionOf } from './merge-kits';

interface ConflictRow {
  id: number; kit_id: string; rapporteur: string; fingerprint: string; subject: string; subject_id: string | null;
  decision: string; detail: string; kit_hash: string | null;
}

export function resolveKitConflict(store: ConferenceStore, conflictId: number, keep: 'desk' | 'kit'): MergeEntry {
  return store.writeWith((db) => {
    const row = db.prepare('SELECT id, kit_id, rapporteur, fingerprint, subject, subject_id, decision, detail, kit_hash FROM merge_log WHERE id = ?')
      .get(conflictId) as ConflictRow | undefined;
    if (!row || row.decision !== 'conflict' || row.subject !== 'part' || !row.subject_id) throw kitMessages.resolve.notAConflict;
    if (resolutionOf(db, conflictId)) throw kitMessages.resolve.alreadyDecided;
    const detail = JSON.parse(row.detail) as { title: string; kit: { title: string; status: PartStatus; doc: LexicalDoc } };
    let part = store.getPart(row.subject_id);
    if (keep === 'kit') {
      store.savePartDoc(part.id, detail.kit.doc, part.revision);
      if (detail.kit.title !== part.title || detail.kit.status !== part.status) store.updatePart(part.id, { title: detail.kit.title, status: detail.kit.status });
      part = store.getPart(part.id);
    }
    const message = keep === 'kit' ? kitMessages.resolve.tookKit(row.rapporteur) : kitMessages.resolve.keptDesk(row.rapporteur);
    db.prepare(`INSERT INTO merge_log (at, kit_id, rapporteur, fingerprint, subject, subject_id, decision, detail, kit_hash, result_revision)
      VALUES (?, ?, ?, ?, 'part', ?, 'resolved', ?, ?, ?)`).run(new Date().toISOString(), row.kit_id, row.rapporteur, row.fingerprint, part.id,
      JSON.stringify({ title: part.title, message, conflictId, keep, deskHash: partHash(part) }), row.kit_hash, part.revision);
    return { subject: 'part', id: part.id, title: part.title, decision: 'resolved', message };
  });
}

/** Whether a kit conflict is still waiting (for tests and the report). */
export const isWaiting = (store: ConferenceStore, conflictId: number): boolean => store.readWith((db) => resolutionOf(db, conflictId) === null);
