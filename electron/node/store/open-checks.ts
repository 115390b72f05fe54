/**
 * How a conference file is looked at before it is opened for writing: whether it can be
 * written (and why not), and a connection that reads it without writing a byte.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fileMessages } from '../files/file-messages';
import { checkIdentity } from './file-check';
import { storeMessages } from './store-messages';
import { hasMeta } from './tables/meta';
import { appError } from '../../../shared/i18n/app-error';

function isReadOnlyMedium(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EROFS';
  }
}

/** Why the file cannot be written, or null if it can. */
export function readOnlyReason(file: string, asked: boolean): string | null {
  const r = storeMessages.readOnlyReasons;
  if (asked) return r.asked;
  const dir = path.dirname(file);
  if (isReadOnlyMedium(dir)) return r.medium;
  // The mode bits say what the user meant, even to a process allowed to ignore them.
  if ((fs.statSync(file).mode & 0o222) === 0) return r.fileMode;
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    return r.fileMode;
  }
  // A rollback journal is created beside the file for every save.
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return r.folder;
  }
  return null;
}

/** A database in memory holding the file's bytes (marked as not in WAL mode, so SQLite takes them as they are). */
export function inMemory(bytes: Buffer): Database.Database {
  const copy = Buffer.from(bytes);
  if (copy[18] === 2) {
    copy[18] = 1;
    copy[19] = 1;
  }
  return new Database(copy);
}

/**
 * A copy of the file with its log applied, in a private folder, for a file whose own log
 * belongs to it (an interrupted save): its checks, and a read-only opening, never touch
 * the original.
 */
export function recoveredCopy(file: string, sidecar: 'journal' | 'wal'): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-check-'));
  try {
    const copy = path.join(dir, 'c.rapporteur');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-${sidecar}`, `${copy}-${sidecar}`);
    const db = new Database(copy);
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    return fs.readFileSync(copy);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** mkdir -p; a file standing where a folder must go is named as such (mkdir says EEXIST, not "already exists"). */
export function makeFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw fileMessages.notAFolder(dir);
    throw err;
  }
}

/** Identity, integrity and metadata, on a connection that does not write. */
export function inspect(name: string, db: Database.Database): void {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw appError('CORRUPT', 'store.damaged', { name, detail: String(check) });
  checkIdentity(
    name,
    db.pragma('application_id', { simple: true }) as number,
    db.pragma('user_version', { simple: true }) as number,
  );
  if (!hasMeta(db)) throw appError('CORRUPT', 'store.noMeta', { name });
}

/** The connection settings every writable or read-only store uses. */
export function configure(db: Database.Database): void {
  db.pragma('busy_timeout = 5000');
  // A rollback journal: every committed save is in the file itself, so the file can be
  // copied whole while open, and closing leaves nothing beside it. Converts a file an
  // earlier version left in WAL mode (its log, checked beforehand, is folded in).
  const mode = db.pragma('journal_mode = DELETE', { simple: true });
  if (mode !== 'delete') throw appError('IO', 'store.safeMode', { mode: String(mode) });
  // FULL: each committed save survives a crash of the process and of the machine.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** Free pages worth giving back: at least this share of the file, and at least this many bytes. */
const COMPACT_SHARE = 0.25;
const COMPACT_BYTES = 1024 * 1024;

/**
 * Gives the disk back the pages a migration or the thinning of snapshots freed, when they
 * are a good part of the file (VACUUM, as the file is opened for writing). VACUUM rewrites
 * the file through the rollback journal: a crash leaves it whole, as it was. When it cannot
 * run now (another program reading the file, a disk too full for the rewrite) it is skipped
 * at once, the file as it was: the free pages are reused by the next writes anyway.
 */
export function compactIfMostlyFree(db: Database.Database): boolean {
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  if (free < pages * COMPACT_SHARE || free * pageSize < COMPACT_BYTES) return false;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.exec('VACUUM');
    return true;
  } catch (err) {
    if (((err as { code?: string }).code ?? '').startsWith('SQLITE_')) return false;
    throw err;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
