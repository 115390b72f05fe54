/**
 * The files SQLite may find beside a conference (`-journal`, `-wal`) and replay into it
 * on open. Neither names the database it belongs to, so a log from another file, or a
 * crashed session's log beside a backup restored over it, would be applied silently and
 * rewrite the conference. Before SQLite opens anything, each sidecar is checked against
 * the file; one that does not belong is set aside (renamed, reported), never applied.
 *
 * What belongs (this version writes with a rollback journal and never leaves a -wal):
 * - a `-journal` whose page size is the file's and whose copy of page 1 carries the
 *   file's change counter, or the one before it (SQLite journals page 1 with the counter
 *   it had, then writes the next one into the file): the log of an interrupted save;
 * - a `-wal` only beside a file in WAL mode (written by an earlier version), with the
 *   same page size, a Rapporteur page 1 if it holds one, and not older than the file
 *   (a backup copied over a crashed file is newer than the crashed session's log).
 */
import fs from 'node:fs';
import path from 'node:path';
import { type FileProblem, fileProblem } from '../../../shared/i18n/file-problems';
import type { DbHeader } from './file-check';
import { APPLICATION_ID } from './migrations';

/** Why a sidecar does not belong: a case of errors.json's store.problem.sidecarSetAside, with its figures. */
export interface Mismatch {
  why:
    | 'notJournal'
    | 'pageSize'
    | 'damagedHeader'
    | 'foreignFirstPage'
    | 'otherState'
    | 'noFirstPage'
    | 'notWalMode'
    | 'notWal'
    | 'noSavedChange'
    | 'otherDatabase'
    | 'older'
    | 'logIndex';
  values?: Record<string, string>;
}

const mismatch = (why: Mismatch['why'], values: Record<string, string> = {}): Mismatch => ({ why, values });
const pageSizeMismatch = (size: number, fileSize: number) =>
  mismatch('pageSize', { size: String(size), fileSize: String(fileSize) });

/** A sidecar that does not belong; `movedTo` is null when it could not be moved (a read-only folder). */
export interface SetAside {
  sidecar: string;
  movedTo: string | null;
  why: Mismatch;
}

export interface SidecarState {
  /** Sidecars renamed out of the way, with the reason. */
  setAside: SetAside[];
  /** A sidecar that belongs and holds something SQLite will apply (recovery writes the file). */
  pending: 'journal' | 'wal' | null;
  /** A foreign sidecar is still beside the file: SQLite must not open the file itself (it would apply it). */
  stuck: boolean;
}

const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const sizeOf = (f: string): number | null => {
  try {
    return fs.statSync(f).size;
  } catch {
    return null;
  }
};

/** Why a journal does not belong to the file, or null if it does. */
export function journalMismatch(journal: Buffer, db: DbHeader): Mismatch | null {
  if (journal.length < 28 || !journal.subarray(0, 8).equals(JOURNAL_MAGIC)) return mismatch('notJournal');
  const sector = journal.readUInt32BE(20);
  const pageSize = journal.readUInt32BE(24);
  if (pageSize !== db.pageSize) return pageSizeMismatch(pageSize, db.pageSize);
  if (sector < 32 || sector > 65536) return mismatch('damagedHeader');
  const recordSize = pageSize + 8;
  const firstInitialSize = journal.readUInt32BE(16);
  let sawRecords = false;
  for (let hdr = 0; hdr + 28 <= journal.length && journal.subarray(hdr, hdr + 8).equals(JOURNAL_MAGIC); ) {
    let nRec = journal.readUInt32BE(hdr + 8);
    const start = hdr + sector;
    if (nRec === 0xffffffff) nRec = Math.floor((journal.length - start) / recordSize);
    for (let i = 0; i < nRec; i++) {
      const at = start + i * recordSize;
      if (at + recordSize > journal.length) break;
      sawRecords = true;
      if (journal.readUInt32BE(at) === 1) {
        const page1 = journal.subarray(at + 4, at + 4 + pageSize);
        const counter = page1.readUInt32BE(24);
        if (page1.readInt32BE(68) !== APPLICATION_ID) return mismatch('foreignFirstPage');
        if (db.changeCounter !== counter && db.changeCounter !== counter + 1) {
          return mismatch('otherState', { counter: String(counter), fileCounter: String(db.changeCounter) });
        }
        return null;
      }
    }
    if (nRec === 0) break;
    hdr = Math.ceil((start + nRec * recordSize) / sector) * sector;
  }
  if (!sawRecords && firstInitialSize === db.pageCount) return null; // an empty log: nothing to undo
  return mismatch('noFirstPage');
}

/** Why a write-ahead log does not belong to the file, or null if it does. */
export function walMismatch(wal: Buffer, db: DbHeader, walMtimeMs: number, dbMtimeMs: number): Mismatch | null {
  if (!db.walMode) return mismatch('notWalMode');
  if (wal.length < 32) return mismatch('notWal');
  const magic = wal.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return mismatch('notWal');
  const pageSize = wal.readUInt32BE(8);
  if (pageSize !== db.pageSize) return pageSizeMismatch(pageSize, db.pageSize);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let lastPage1: Buffer | null = null;
  let committedPage1: Buffer | null = null;
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    if (wal.readUInt32BE(at) === 1) lastPage1 = wal.subarray(at + 24, at + 24 + pageSize);
    if (wal.readUInt32BE(at + 4) !== 0) {
      commits++;
      committedPage1 = lastPage1;
    }
  }
  if (commits === 0) return mismatch('noSavedChange');
  if (committedPage1 && committedPage1.readInt32BE(68) !== APPLICATION_ID) return mismatch('otherDatabase');
  // A crashed session's log beside a backup copied back over the file: the copy is newer.
  if (walMtimeMs + 1000 < dbMtimeMs) return mismatch('older');
  return null;
}

function setAside(sidecar: string, why: Mismatch): SetAside {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let movedTo = `${sidecar}.set-aside-${stamp}`;
  for (let i = 2; fs.existsSync(movedTo); i++) movedTo = `${sidecar}.set-aside-${stamp}-${i}`;
  try {
    fs.renameSync(sidecar, movedTo);
  } catch {
    return { sidecar, movedTo: null, why }; // a read-only folder: left where it is, and ignored
  }
  return { sidecar, movedTo, why };
}

/**
 * Checks the sidecars of `file` (not open anywhere in this process) and sets aside the
 * ones that do not belong. A journal that disappears within a moment was another
 * process's save in progress, not a leftover.
 */
export function examineSidecars(file: string, db: DbHeader, dbMtimeMs: number): SidecarState {
  const state: SidecarState = { setAside: [], pending: null, stuck: false };
  const journal = `${file}-journal`;
  for (let waited = 0; sizeOf(journal) !== null && waited < 500; waited += 50) sleep(50);
  const jSize = sizeOf(journal);
  if (jSize !== null && jSize > 0) {
    const bytes = fs.readFileSync(journal);
    if (bytes[0] !== 0) {
      // a zeroed header is not replayed by SQLite
      const why = journalMismatch(bytes, db);
      if (why) state.setAside.push(setAside(journal, why));
      else state.pending = 'journal';
    }
  }
  const wal = `${file}-wal`;
  const wSize = sizeOf(wal);
  if (wSize !== null) {
    const why =
      wSize === 0 && db.walMode ? null : walMismatch(fs.readFileSync(wal), db, fs.statSync(wal).mtimeMs, dbMtimeMs);
    if (why) {
      state.setAside.push(setAside(wal, why));
      const shm = `${file}-shm`;
      if (fs.existsSync(shm)) state.setAside.push(setAside(shm, mismatch('logIndex')));
    } else if (wSize > 0) {
      state.pending = state.pending ?? 'wal';
    }
  }
  state.stuck = state.setAside.some((s) => s.movedTo === null);
  return state;
}

/** What the user is told about a sidecar set aside: its name, why, and where it was kept (or that it could not be moved). */
export const setAsideProblem = (s: SetAside): FileProblem =>
  fileProblem('store.problem.sidecarSetAside', {
    sidecar: path.basename(s.sidecar),
    why: s.why.why,
    ...s.why.values,
    kept: s.movedTo ? 'yes' : 'no',
    movedTo: s.movedTo ? path.basename(s.movedTo) : '',
  });
