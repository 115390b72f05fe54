import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
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
    throw new AppError('NOT_FOUND', `“${name}” was not found at ${file}.`);
  }
  if (!stat.isFile()) throw new AppError('NOT_A_CONFERENCE', `“${name}” is a folder, not a conference file.`);
  if (stat.size === 0) throw new AppError('NOT_A_CONFERENCE', `“${name}” is empty: it is not a Rapporteur conference.`);
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 16 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new AppError('NOT_A_CONFERENCE', `“${name}” is not a Rapporteur conference file (it is not a SQLite database).`);
  }
  if (read < 100) throw new AppError('TRUNCATED', `“${name}” is truncated: its header is incomplete.`);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const changeCounter = header.readUInt32BE(24);
  const pageCount = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  if (validFor === changeCounter && pageCount > 0 && stat.size < pageCount * pageSize) {
    throw new AppError('TRUNCATED',
      `“${name}” is truncated: it should hold ${pageCount * pageSize} bytes but has ${stat.size}. Restore it from a copy or backup.`);
  }
  // The identity is written into the main file before anything else, so it is always here;
  // the schema version of a file in WAL mode may be newer in its log (checked once opened).
  const walMode = header[18] === 2;
  checkIdentity(name, header.readInt32BE(68), walMode ? 0 : header.readUInt32BE(60));
  return {
    pageSize, walMode, changeCounter,
    pageCount: validFor === changeCounter && pageCount > 0 ? pageCount : Math.floor(stat.size / pageSize),
    mtimeMs: stat.mtimeMs,
  };
}

export function checkIdentity(name: string, applicationId: number, schemaVersion: number): void {
  if (applicationId !== APPLICATION_ID) {
    throw new AppError('NOT_A_CONFERENCE', `“${name}” is a SQLite database, but not a Rapporteur conference.`);
  }
  if (schemaVersion > SCHEMA_VERSION) {
    throw new AppError('NEWER_SCHEMA',
      `“${name}” was saved by a newer version of Rapporteur (file format ${schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Update Rapporteur to open it.`);
  }
}
