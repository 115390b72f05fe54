import type Database from 'better-sqlite3';
import type { SnapshotInfo } from '../../../shared/model/conference';
import {
  defaultRetention,
  isAutomaticSnapshot,
  type RetentionPolicy,
  snapshotsToPrune,
} from '../../../shared/model/snapshot-retention';
import { removeUnreferencedAssets } from './tables/assets';

/**
 * Applies the retention policy to the file's snapshots; called inside the transaction that
 * took an automatic snapshot, so the new snapshot and the thinning are saved together or not at all.
 * Images only the deleted snapshots showed go with them. Returns the ids deleted.
 */
export function pruneSnapshots(db: Database.Database, now: Date, policy: RetentionPolicy = defaultRetention): number[] {
  const rows = db.prepare('SELECT id, reason, created_at AS createdAt FROM snapshots').all() as Pick<
    SnapshotInfo,
    'id' | 'reason' | 'createdAt'
  >[];
  const ids = snapshotsToPrune(rows, now, policy);
  const del = db.prepare('DELETE FROM snapshots WHERE id = ?');
  for (const id of ids) del.run(id);
  if (ids.length) removeUnreferencedAssets(db);
  return ids;
}

/** Whether taking a snapshot with this reason is followed by thinning (the user's own never are). */
export const thinsAfter = (reason: SnapshotInfo['reason']): boolean => isAutomaticSnapshot({ reason });
