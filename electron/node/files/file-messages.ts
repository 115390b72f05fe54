/**
 * What the user reads when a file cannot be written or opened as asked: one place for
 * these messages, each naming the file or folder concerned.
 */
import path from 'node:path';
import { AppError } from '../../../shared/errors';

const q = (p: string) => `“${path.basename(p) || p}”`;

export const fileMessages = {
  exists: (target: string) => new AppError('EXISTS',
    `${q(target)} already exists in ${path.dirname(target)}. Choose another name, or confirm that it should be replaced.`),
  inUse: (target: string) => new AppError('IN_USE',
    `${q(target)} is a conference open in Rapporteur: it cannot be written over. Close it first, or choose another name.`),
  noFolder: (dir: string) => new AppError('NOT_FOUND',
    `The folder ${dir} does not exist. Choose an existing folder.`),
  notAFolder: (dir: string) => new AppError('INVALID_INPUT',
    `${dir} is a file, not a folder. Choose a folder to save into.`),
  isAFolder: (target: string) => new AppError('INVALID_INPUT',
    `${target} is a folder. Give a file name inside it.`),
  nameTooLong: (target: string) => new AppError('INVALID_INPUT',
    `The file name ${q(target)} is too long for this disk.`),
  readOnlyFile: (target: string) => new AppError('READ_ONLY',
    `${q(target)} is read-only: it cannot be replaced.`),
  readOnlyFolder: (dir: string) => new AppError('READ_ONLY',
    `The folder ${dir} cannot be written to (it is read-only, or on a read-only disk). Choose another folder.`),
  diskFull: (target: string) => new AppError('DISK_FULL',
    `There is not enough space on the disk to write ${q(target)}. Free some space and try again; nothing was half-written.`),
  ioError: (target: string, err: Error) => new AppError('IO',
    `${q(target)} could not be written: ${err.message}`),
} as const;

/** Turns a file-system error into a message naming the problem (never "Unexpected error"). */
export function fsErrorToAppError(err: unknown, target: string): AppError {
  if (err instanceof AppError) return err;
  const e = err as NodeJS.ErrnoException;
  const dir = path.dirname(target);
  switch (e?.code) {
    case 'ENOSPC': case 'EDQUOT': return fileMessages.diskFull(target);
    case 'EROFS': return fileMessages.readOnlyFolder(dir);
    case 'EACCES': case 'EPERM': return fileMessages.readOnlyFolder(dir);
    case 'ENOENT': return fileMessages.noFolder(dir);
    case 'ENOTDIR': return fileMessages.notAFolder(dir);
    case 'EISDIR': return fileMessages.isAFolder(target);
    case 'ENAMETOOLONG': return fileMessages.nameTooLong(target);
    case 'EEXIST': return fileMessages.exists(target);
    default: return fileMessages.ioError(target, e instanceof Error ? e : new Error(String(err)));
  }
}
