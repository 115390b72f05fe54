/**
 * Reading one snapshot's content without restoring it (compare view, "changes since"
 * exports). Read-only: the file is opened as ConferenceStore opens any file read-only
 * (its checks first, sidecars that do not belong never applied, nothing written), so the
 * open store and its transactions are untouched.
 */
import { emptyMeta, type SnapshotInfo } from '../../../shared/model/conference';
import { type ConferenceContent, ConferenceStore } from './conference-store';
import { appError } from '../../../shared/i18n/app-error';

export interface SnapshotContent {
  info: SnapshotInfo;
  content: ConferenceContent;
}

function parseContent(data: string, name: string): ConferenceContent {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    throw appError('CORRUPT', 'review.snapshotUnreadable', { name });
  }
  const c = raw as Partial<ConferenceContent> | null;
  const ok =
    !!c &&
    typeof c === 'object' &&
    !!c.meta &&
    typeof c.meta === 'object' &&
    Array.isArray(c.parts) &&
    c.parts.every((p) => !!p && typeof p.id === 'string' && !!p.doc && typeof p.doc === 'object');
  if (!ok) throw appError('CORRUPT', 'review.snapshotUnreadable', { name });
  return {
    meta: { ...emptyMeta(), ...c.meta },
    parts: c.parts!,
    participants: Array.isArray(c.participants) ? c.participants : [],
    agenda: Array.isArray(c.agenda) ? c.agenda : [],
  };
}

/** The snapshot `id` of a conference file: when and why it was taken, and what it holds. */
export function readSnapshot(file: string, id: number): SnapshotContent {
  return readOnly(file, (store) => {
    const row = store.snapshotRow(id);
    if (!row) throw appError('NOT_FOUND', 'review.snapshotNotFound', { which: String(id) });
    const { data, ...info } = row;
    return { info, content: parseContent(data, info.name) };
  });
}

function readOnly<T>(file: string, read: (store: ConferenceStore) => T): T {
  const store = ConferenceStore.open(file, { readOnly: true });
  try {
    return read(store);
  } finally {
    store.close();
  }
}

/** The snapshots of a conference file, newest first (as the store lists them). */
export function listSnapshotsOf(file: string): SnapshotInfo[] {
  return readOnly(file, (store) => store.listSnapshots());
}

/** A snapshot named by the user: its number, else its exact name (which must be unambiguous). */
export function findSnapshot(snapshots: SnapshotInfo[], which: string): SnapshotInfo {
  const w = which.trim();
  if (/^\d+$/.test(w)) {
    const byId = snapshots.find((s) => s.id === Number(w));
    if (byId) return byId;
  }
  const named = snapshots.filter((s) => s.name === w);
  if (named.length > 1) throw appError('INVALID_INPUT', 'review.snapshotAmbiguous', { which: w });
  if (!named.length) throw appError('NOT_FOUND', 'review.snapshotNotFound', { which: w });
  return named[0]!;
}
