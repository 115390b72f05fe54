/**
 * The one way Rapporteur writes a file the user chose: checked first (the folder exists,
 * the target is not a folder, not an open conference, and is replaced only when the user
 * confirmed it), then written to a temporary file beside the target and renamed into
 * place, so the target is either what it was or whole — never half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { fileMessages, fsErrorToAppError } from './file-messages';
import { isOpenConference } from './open-files';

export interface WriteOptions {
  /** The user confirmed replacing an existing file. */
  replace?: boolean;
}

const isReadOnlyMode = (st: fs.Stats) => (st.mode & 0o222) === 0;

/** Refuses a target that cannot or must not be written, with a message naming the problem. */
export function checkTarget(target: string, { replace = false }: WriteOptions = {}): void {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch (err) {
    throw (err as NodeJS.ErrnoException).code === 'ENOTDIR' ? fileMessages.notAFolder(dir) : fileMessages.noFolder(dir);
  }
  if (!dirStat.isDirectory()) throw fileMessages.notAFolder(dir);
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(abs);
  } catch {
    /* a new file */
  }
  if (st?.isDirectory()) throw fileMessages.isAFolder(abs);
  if (st && isOpenConference(abs)) throw fileMessages.inUse(abs);
  if (st && !replace) throw fileMessages.exists(abs);
  if (st && isReadOnlyMode(st)) throw fileMessages.readOnlyFile(abs);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw fileMessages.readOnlyFolder(dir);
  }
}

/** A hidden name beside the target, unique to this write. */
export function tempBeside(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.saving-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
}

function fsyncPath(p: string, flags: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, flags);
    fs.fsyncSync(fd);
  } catch {
    /* some systems cannot sync a folder; the rename is still atomic */
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes `target` through `write(temp)`, which must create the temporary file. Without
 * `replace`, the file is linked into place (refused if it appeared meanwhile); with it,
 * renamed over the old one. On any failure the temporary file is removed.
 */
export function writeAtomically(target: string, write: (temp: string) => void, options: WriteOptions = {}): string {
  const abs = path.resolve(target);
  checkTarget(abs, options);
  const temp = tempBeside(abs);
  try {
    write(temp);
    fsyncPath(temp, 'r+');
    if (options.replace) {
      fs.renameSync(temp, abs);
    } else {
      try {
        fs.linkSync(temp, abs);
        fs.rmSync(temp, { force: true });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw fileMessages.exists(abs);
        // File systems without hard links (FAT, some network shares): checked just above.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
        if (fs.existsSync(abs)) throw fileMessages.exists(abs);
        fs.renameSync(temp, abs);
      }
    }
    fsyncPath(path.dirname(abs), 'r');
    return abs;
  } catch (err) {
    fs.rmSync(temp, { force: true });
    // A full disk is named after the target, not after its temporary file.
    if (err instanceof AppError && err.code === 'DISK_FULL') throw fileMessages.diskFull(abs);
    throw fsErrorToAppError(err, abs);
  }
}

/** writeAtomically for bytes already in memory (exports). */
export function writeBytesAtomically(target: string, bytes: Uint8Array, options: WriteOptions = {}): string {
  return writeAtomically(target, (temp) => fs.writeFileSync(temp, bytes, { flag: 'wx' }), options);
}
