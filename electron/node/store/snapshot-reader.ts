/**
 * Reading one snapshot's content without restoring it (compare view, "changes since"
 * exports). Read-only: its own short-lived connection runs SELECTs only, so the open
 * store and its transactions are untouched.
 */
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { emptyMeta, type SnapshotInfo } from '../../../shared/model/conference';
import { REVIEW_MESSAGES as M } from '../../../shared/review/messages';
import type { ConferenceContent } from './conference-store';

export interface SnapshotContent { info: SnapshotInfo; content: ConferenceContent }

function parseContent(data: string, name: string): ConferenceContent {
  let raw: unknown;
  try { raw = JSON.parse(data); } catch { throw new AppError('CORRUPT', M.snapshotUnreadable(name)); }
  const c = raw as Partial<ConferenceContent> | null;
  const ok = !!c && typeof c === 'object' && !!c.meta && typeof c.meta === 'object' && Array.isArray(c.parts)
    && c.parts.every((p) => !!p && typeof p.id === 'string' && !!p.doc && typeof p.doc === 'object');
  if (!ok) throw new AppError('CORRUPT', M.snapshotUnreadable(name));
  return {
    meta: { ...emptyMeta(), ...c.meta },
    parts: c.parts!,
    participants: Array.isArray(c.participants) ? c.participants : [],
    agenda: Array.isArray(c.agenda) ? c.agenda : [],
  };
}

/** The snapshot `id` of a conference file: when and why it was taken, and what it holds. */
export function readSnapshot(file: string, id: number): SnapshotContent {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const row = db.prepare('SELECT id, name, reason, created_at AS createdAt, data FROM snapshots WHERE id = ?').get(id) as (SnapshotInfo & { data: string }) | undefined;
    if (!row) throw new AppError('NOT_FOUND', M.snapshotNotFound(String(id)));
    const { data, ...info } = row;
    return { info, content: parseContent(data, info.name) };
  } finally {
    db.close();
  }
}

/** The snapshots of a conference file, newest first (as the store lists them). */
export function listSnapshotsOf(file: string): SnapshotInfo[] {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare('SELECT id, name, reason, created_at AS createdAt FROM snapshots ORDER BY id DESC').all() as SnapshotInfo[];
  } finally {
    db.close();
  }
}

/** A snapshot named by the user: its number, else its exact name (which must be unambiguous). */
export function findSnapshot(snapshots: SnapshotInfo[], which: string): SnapshotInfo {
  const w = which.trim();
  if (/^\d+$/.test(w)) {
    const byId = snapshots.find((s) => s.id === Number(w));
    if (byId) return byId;
  }
  const named = snapshots.filter((s) => s.name === w);
  if (named.length > 1) throw new AppError('INVALID_INPUT', M.snapshotAmbiguous(w));
  if (!named.length) throw new AppError('NOT_FOUND', M.snapshotNotFound(w));
  return named[0]!;
}
