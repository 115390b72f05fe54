/**
 * Snapshots (table `snapshots`): the whole conference as JSON, taken by the user or before
 * an operation that replaces content. Their images are references to the same assets as
 * the parts' (assets.ts), so a snapshot costs only the text. Automatic ones are thinned by
 * age in the transaction that takes the next one (snapshot-retention.ts).
 */
import type Database from 'better-sqlite3';
import type { SnapshotInfo } from '../../../../shared/model/conference';
import { pruneSnapshots, thinsAfter } from '../snapshot-retention';
import { resolveImages, storeImages } from './assets';
import type { ConferenceContent } from './content';
import { appError } from '../../../../shared/i18n/app-error';

interface SnapshotRow {
  id: number;
  name: string;
  reason: string;
  created_at: string;
  data: string;
}

const toInfo = (r: Omit<SnapshotRow, 'data'>): SnapshotInfo => ({
  id: r.id,
  name: r.name,
  reason: r.reason as SnapshotInfo['reason'],
  createdAt: r.created_at,
});

/** Stores `content` (its images as references) and, for an automatic snapshot, thins the older ones. */
export function createSnapshot(
  db: Database.Database,
  name: string,
  reason: SnapshotInfo['reason'],
  content: ConferenceContent,
): SnapshotInfo {
  const data = JSON.stringify(storeImages(db, content));
  const createdAt = new Date().toISOString();
  const info = db
    .prepare('INSERT INTO snapshots (name, reason, created_at, data) VALUES (?, ?, ?, ?)')
    .run(name, reason, createdAt, data);
  // Named snapshots are all kept.
  if (thinsAfter(reason)) pruneSnapshots(db, new Date(createdAt));
  return { id: Number(info.lastInsertRowid), name, reason, createdAt };
}

export function listSnapshots(db: Database.Database): SnapshotInfo[] {
  return (
    db.prepare('SELECT id, name, reason, created_at FROM snapshots ORDER BY id DESC').all() as Omit<
      SnapshotRow,
      'data'
    >[]
  ).map(toInfo);
}

/**
 * A snapshot with its content as JSON, images as data URLs (as it was taken), for reading
 * it without restoring it. Unreadable JSON is returned as it is, for the reader to name.
 */
export function snapshotRow(db: Database.Database, id: number): (SnapshotInfo & { data: string }) | undefined {
  const row = db.prepare('SELECT id, name, reason, created_at, data FROM snapshots WHERE id = ?').get(id) as
    | SnapshotRow
    | undefined;
  if (!row) return undefined;
  return { ...toInfo(row), data: withImages(db, row.data) };
}

function withImages(db: Database.Database, data: string): string {
  if (!data.includes('asset:sha256-')) return data;
  try {
    return JSON.stringify(resolveImages(db, JSON.parse(data) as unknown));
  } catch {
    return data;
  }
}

/** A snapshot's name and content as stored (images as references, for writing back to this file). */
export function snapshotForRestore(db: Database.Database, id: number): { name: string; content: ConferenceContent } {
  const row = db.prepare('SELECT name, data FROM snapshots WHERE id = ?').get(id) as
    | { name: string; data: string }
    | undefined;
  if (!row) throw appError('NOT_FOUND', 'conference.snapshotMissing');
  return { name: row.name, content: JSON.parse(row.data) as ConferenceContent };
}
