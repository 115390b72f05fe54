/**
 * "Export with changes since snapshot …": the conference to export carries the
 * snapshot it is compared with; compiling it compiles both and marks the differences.
 */
import type { ConferenceSource } from '../compile/compile';
import type { Proceedings } from '../compile/model';
import { wordDate } from './revision-model';
import { trackChanges } from './track-changes';

export interface Baseline {
  /** The snapshot's content. */
  source: ConferenceSource;
  snapshotName: string;
  /** Who the revisions are credited to, and when (ISO). */
  author: string;
  date: string;
}

/** A conference to export, with the snapshot to show changes since (absent: an ordinary export). */
export type SourceWithBaseline = ConferenceSource & { baseline?: Baseline };

export function compileWithChanges(
  source: SourceWithBaseline,
  compileFn: (s: ConferenceSource) => Proceedings,
): Proceedings {
  const { baseline, ...current } = source;
  const after = compileFn(current);
  if (!baseline) return after;
  return trackChanges({
    before: compileFn(baseline.source),
    after,
    snapshotName: baseline.snapshotName,
    author: baseline.author,
    date: wordDate(baseline.date),
  }).proceedings;
}
