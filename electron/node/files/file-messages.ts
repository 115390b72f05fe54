/**
 * What the user reads when a file cannot be written or opened as asked: one place for
 * these messages, each naming the file or folder concerned.
 */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { appError } from '../../../shared/i18n/app-error';

const nameOf = (p: string) => path.basename(p) || p;

export const fileMessages = {
  exists: (target: string) => appError('EXISTS', 'file.exists', { name: nameOf(target), dir: path.dirname(target) }),
  inUse: (target: string) => appError('IN_USE', 'file.inUse', { name: nameOf(target) }),
  noFolder: (dir: string) => appError('NOT_FOUND', 'file.noFolder', { dir }),
  notAFolder: (dir: string) => appError('INVALID_INPUT', 'file.notAFolder', { dir }),
  isAFolder: (target: string) => appError('INVALID_INPUT', 'file.isAFolder', { target }),
  nameTooLong: (target: string) => appError('INVALID_INPUT', 'file.nameTooLong', { name: nameOf(target) }),
  readOnlyFile: (target: string) => appError('READ_ONLY', 'file.readOnlyFile', { name: nameOf(target) }),
  readOnlyFolder: (dir: string) => appError('READ_ONLY', 'file.readOnlyFolder', { dir }),
  diskFull: (target: string) => appError('DISK_FULL', 'file.diskFull', { name: nameOf(target) }),
  ioError: (target: string, err: Error) =>
    appError('IO', 'file.ioError', { name: nameOf(target), detail: err.message }),
} as const;

/** Turns a file-system error into a message naming the problem (never "Unexpected error"). */
export function fsErrorToAppError(err: unknown, target: string): AppError {
  if (err instanceof AppError) return err;
  const e = err as NodeJS.ErrnoException;
  const dir = path.dirname(target);
  switch (e?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return fileMessages.diskFull(target);
    case 'EROFS':
      return fileMessages.readOnlyFolder(dir);
    case 'EACCES':
    case 'EPERM':
      return fileMessages.readOnlyFolder(dir);
    case 'ENOENT':
      return fileMessages.noFolder(dir);
    case 'ENOTDIR':
      return fileMessages.notAFolder(dir);
    case 'EISDIR':
      return fileMessages.isAFolder(target);
    case 'ENAMETOOLONG':
      return fileMessages.nameTooLong(target);
    case 'EEXIST':
      return fileMessages.exists(target);
    default:
      return fileMessages.ioError(target, e instanceof Error ? e : new Error(String(err)));
  }
}
