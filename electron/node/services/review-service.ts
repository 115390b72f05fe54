/**
 * Review services: what to export "with changes since" a snapshot, and the comparison
 * of the conference with any snapshot (compare view), with restoring from it.
 */
import type { SourceWithBaseline } from '../../../shared/review/changes-since';
import type { ConferenceStore } from '../store/conference-store';
import { compareParts, restoreBlock, type SnapshotComparison } from '../../../shared/review/compare';
import type { PartSummary } from '../../../shared/model/conference';
import { readSnapshot } from '../store/snapshot-reader';
import type { ConferenceSource } from '../../../shared/compile/compile';
import { appError } from '../../../shared/i18n/app-error';

/** Whom Word credits with the tracked changes when the user has not set a name (the app's settings). */
export const REVISION_AUTHOR = 'Rapporteur';

/**
 * The conference to export; with `changesSince`, it carries that snapshot to be compared with,
 * its revisions credited to `author` (the user's name from the settings, if set).
 */
export function exportSource(
  store: ConferenceStore,
  format: 'docx' | 'pdf',
  options: { changesSince?: number },
  author = '',
): SourceWithBaseline {
  const content = store.readContent();
  if (options.changesSince === undefined) return content;
  if (format !== 'docx') throw appError('INVALID_INPUT', 'review.changesOnlyInWord');
  return withBaseline(store.file, content, options.changesSince, author);
}

/** The conference read from `file`, to be exported with changes since snapshot `id`. */
export function withBaseline(file: string, source: ConferenceSource, id: number, author = ''): SourceWithBaseline {
  const snap = readSnapshot(file, id);
  return {
    ...source,
    baseline: {
      source: snap.content,
      snapshotName: snap.info.name,
      author: author.trim() || REVISION_AUTHOR,
      date: new Date().toISOString(),
    },
  };
}

/** The conference compared with snapshot `id`, part by part (the compare view). */
export function compareWithSnapshot(store: ConferenceStore, id: number): SnapshotComparison {
  const snap = readSnapshot(store.file, id);
  return {
    snapshot: { id: snap.info.id, name: snap.info.name, createdAt: snap.info.createdAt },
    parts: compareParts(snap.content.parts, store.readContent().parts),
  };
}

export interface RestoreRequest {
  snapshotId: number;
  partId: string;
  baseRevision: number | null;
  oldIndex?: number | null;
  newIndex?: number | null;
}

/** Puts back a part, or one block of it, as it was in a snapshot; returns the parts as they now are. */
export function restoreFromSnapshot(store: ConferenceStore, req: RestoreRequest): PartSummary[] {
  const old = readSnapshot(store.file, req.snapshotId).content.parts.find((p) => p.id === req.partId);
  const current = store.listParts().find((p) => p.id === req.partId);
  if (!old) throw appError('INVALID_INPUT', 'review.notInSnapshot', { title: current?.title ?? req.partId });
  if (current && req.baseRevision !== null && current.revision !== req.baseRevision)
    throw appError('CONFLICT', 'review.changedSinceCompared', { title: current.title });
  const wholePart = (req.oldIndex ?? null) === null && (req.newIndex ?? null) === null;
  if (wholePart) {
    if (!current) {
      // A removed part comes back where it stood; under its old parent if that still exists.
      const parentId = old.parentId && store.listParts().some((p) => p.id === old.parentId) ? old.parentId : null;
      store.addPart(
        {
          id: old.id,
          parentId,
          kind: old.kind,
          title: old.title,
          status: old.status,
          rapporteur: old.rapporteur,
          doc: old.doc,
        },
        old.position,
      );
    } else {
      store.savePartDoc(current.id, old.doc, current.revision);
      if (old.title !== current.title) store.updatePart(current.id, { title: old.title });
    }
    return store.listParts();
  }
  if (!current) throw appError('NOT_FOUND', 'review.partGone');
  const part = store.getPart(current.id);
  const doc = restoreBlock(old.doc, part.doc, { oldIndex: req.oldIndex ?? null, newIndex: req.newIndex ?? null });
  if (!doc) throw appError('CONFLICT', 'review.changedSinceCompared', { title: current.title });
  store.savePartDoc(current.id, doc, part.revision);
  return store.listParts();
}
