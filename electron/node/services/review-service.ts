/**
 * Review services: what to export "with changes since" a snapshot, and the comparison
 * of the conference with any snapshot (compare view), with restoring from it.
 */
import { AppError } from '../../../shared/errors';
import type { SourceWithBaseline } from '../../../shared/review/changes-since';
import { REVIEW_MESSAGES as M } from '../../../shared/review/messages';
import type { ConferenceStore } from '../store/conference-store';
import { findSnapshot, listSnapshotsOf, readSnapshot } from '../store/snapshot-reader';
import type { ConferenceSource } from '../../../shared/compile/compile';

/** Whom Word credits with the tracked changes (until the app has a user name setting). */
export const REVISION_AUTHOR = 'Rapporteur';

/** The conference to export; with `changesSince`, it carries that snapshot to be compared with. */
export function exportSource(store: ConferenceStore, format: 'docx' | 'pdf', options: { changesSince?: number }): SourceWithBaseline {
  const content = store.readContent();
  if (options.changesSince === undefined) return content;
  if (format !== 'docx') throw new AppError('INVALID_INPUT', M.changesOnlyInWord);
  return withBaseline(store.file, content, options.changesSince);
}

/** The conference read from `file`, to be exported with changes since snapshot `id`. */
export function withBaseline(file: string, source: ConferenceSource, id: number): SourceWithBaseline {
  const snap = readSnapshot(file, id);
  return { ...source, baseline: { source: snap.content, snapshotName: snap.info.name, author: REVISION_AUTHOR, date: new Date().toISOString() } };
}

/** The command line's `--changes-since <snapshot name or number>`. */
export function withChangesSince(file: string, source: ConferenceSource, which: string): SourceWithBaseline {
  return withBaseline(file, source, findSnapshot(listSnapshotsOf(file), which).id);
}
