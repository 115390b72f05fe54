/**
 * Review services: what to export "with changes since" a snapshot, and the comparison
 * of the conference with any snapshot (compare view), with restoring from it.
 */
import { AppError } from '../../../shared/errors';
import type { SourceWithBaseline } from '../../../shared/review/changes-since';
import { REVIEW_MESSAGES as M } from '../../../shared/review/messages';
import type { ConferenceStore } from '../store/conference-store';
import { compareParts, restoreBlock, type SnapshotComparison } from '../../../shared/review/compare';
import type { PartSummary } from '../../../shared/model/conference';
import { findSnapshot, listSnapshotsOf, readSnapshot } from '../store/snapshot-reader';
import type { ConferenceSource } from '../../../shared/compile/compile';

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
  if (format !== 'docx') throw new AppError('INVALID_INPUT', M.changesOnlyInWord);
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

/** The command line's `--changes-since <snapshot name or number>`. */
export function withChangesSince(file: string, source: ConferenceSource, which: string): SourceWithBaseline {
  return withBaseline(file, source, findSnapshot(listSnapshotsOf(file), which).id);
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
  if (!old) throw new AppError('INVALID_INPUT', M.notInSnapshot(current?.title ?? req.partId));
  if (current && req.baseRevision !== null && current.revision !== req.baseRevision)
    throw new AppError('CONFLICT', M.changedSinceCompared(current.title));
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
  if (!current) throw new AppError('NOT_FOUND', M.partGone);
  const part = store.getPart(current.id);
  const doc = restoreBlock(old.doc, part.doc, { oldIndex: req.oldIndex ?? null, newIndex: req.newIndex ?? null });
  if (!doc) throw new AppError('CONFLICT', M.changedSinceCompared(current.title));
  store.savePartDoc(current.id, doc, part.revision);
  return store.listParts();
}
