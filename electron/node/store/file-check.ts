import fs from 'node:fs';
import path from 'node:path';
import { appError } from '../../../shared/i18n/app-error';
import { APPLICATION_ID, SCHEMA_VERSION } from './migrations';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** What the first 100 bytes say, as the sidecar checks need it. */
export interface DbHeader {
  pageSize: number;
  /** Bytes 18–19 = 2: the file was last written in WAL mode (by an earlier version). */
  walMode: boolean;
  changeCounter: number;
  pageCount: number;
  mtimeMs: number;
}

/**
 * Reads a file's SQLite header without opening it as a database, so a foreign,
 * truncated or newer file is refused before SQLite could touch it.
 */
export function checkConferenceFile(file: string): DbHeader {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw appError('NOT_FOUND', 'open.notFound', { name, file });
  }
  if (!stat.isFile()) throw appError('NOT_A_CONFERENCE', 'open.isFolder', { name });
  if (stat.size === 0) throw appError('NOT_A_CONFERENCE', 'open.empty', { name });
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 16 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw appError('NOT_A_CONFERENCE', 'open.notSqlite', { name });
  }
  if (read < 100) throw appError('TRUNCATED', 'open.truncatedHeader', { name });
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const changeCounter = header.readUInt32BE(24);
  const pageCount = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  if (validFor === changeCounter && pageCount > 0 && stat.size < pageCount * pageSize) {
    throw appError('TRUNCATED', 'store.truncated', { name, expected: pageCount * pageSize, actual: stat.size });
  }
  // The identity is written into the main file before anything else, so it is always here;
  // the schema version of a file in WAL mode may be newer in its log (checked once opened).
  const walMode = header[18] === 2;
  checkIdentity(name, header.readInt32BE(68), walMode ? 0 : header.readUInt32BE(60));
  return {
    pageSize,
    walMode,
    changeCounter,
    pageCount: validFor === changeCounter && pageCount > 0 ? pageCount : Math.floor(stat.size / pageSize),
    mtimeMs: stat.mtimeMs,
  };
}

export function checkIdentity(name: string, applicationId: number, schemaVersion: number): void {
  if (applicationId !== APPLICATION_ID) {
    throw appError('NOT_A_CONFERENCE', 'store.notAConference', { name });
  }
  if (schemaVersion > SCHEMA_VERSION) {
    throw appError('NEWER_SCHEMA', 'store.newerSchema', { name, version: schemaVersion, supported: SCHEMA_VERSION });
  }
}
