import type { SnapshotInfo } from './conference';

/**
 * Which automatic snapshots to let go of, by age. Snapshots the app takes by itself (before an
 * import, a restore, a replace-all, a merge) pile up as full copies of the conference; the user's
 * own (`manual`, which includes a kit's base version) are never touched here.
 */
export interface RetentionPolicy {
  /** The newest automatic snapshots kept whatever their age. */
  keepNewest: number;
  /** Every automatic snapshot younger than this is kept. */
  keepAllForMs: number;
  /** Up to this age, one per UTC calendar day is kept (the day's latest); past it, one per week. */
  dailyForMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const defaultRetention: RetentionPolicy = { keepNewest: 20, keepAllForMs: DAY, dailyForMs: 30 * DAY };

export type RetainedSnapshot = Pick<SnapshotInfo, 'id' | 'reason' | 'createdAt'>;

export const isAutomaticSnapshot = (s: Pick<SnapshotInfo, 'reason'>): boolean => s.reason !== 'manual';

/** 1970-01-01 was a Thursday: shifting by 3 days makes week buckets run Monday to Sunday (UTC). */
const MONDAY_SHIFT = 3 * DAY;

/**
 * The ids of the automatic snapshots the policy lets go of, at `now`. Buckets are calendar days
 * and weeks (UTC), so a snapshot's bucket never changes as time passes; in each bucket the latest
 * snapshot is the one kept. A snapshot whose date cannot be read is kept (nothing is deleted on a guess).
 */
export function snapshotsToPrune(
  snapshots: readonly RetainedSnapshot[],
  now: Date,
  policy: RetentionPolicy = defaultRetention,
): number[] {
  const nowMs = now.getTime();
  const automatic = snapshots
    .filter(isAutomaticSnapshot)
    .map((s) => ({ id: s.id, at: Date.parse(s.createdAt) }))
    .filter((s) => !Number.isNaN(s.at))
    // Newest first; the id breaks ties between snapshots taken in the same millisecond.
    .sort((a, b) => b.at - a.at || b.id - a.id);

  const seenBuckets = new Set<string>();
  const prune: number[] = [];
  automatic.forEach((s, index) => {
    const age = nowMs - s.at;
    if (index < policy.keepNewest || age < policy.keepAllForMs) return;
    const bucket =
      age < policy.dailyForMs ? `d${Math.floor(s.at / DAY)}` : `w${Math.floor((s.at + MONDAY_SHIFT) / (7 * DAY))}`;
    if (seenBuckets.has(bucket)) prune.push(s.id);
    else seenBuckets.add(bucket);
  });
  return prune;
}
