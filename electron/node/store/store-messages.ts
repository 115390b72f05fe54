/** What the store tells the user, in one place: each message names the file or record concerned. */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { appError } from '../../../shared/i18n/app-error';
import { exportNote } from '../../../shared/i18n/export-notes';
import { fileProblem } from '../../../shared/i18n/file-problems';

/** A name read from a damaged record can be anything: a problem quotes at most 300 characters of it. */
const clip = (text: string): string => (text.length > 300 ? `${text.slice(0, 299)}…` : text);

export const storeMessages = {
  readOnlyReasons: {
    asked: 'it was opened read-only',
    fileMode: 'the file is marked read-only',
    medium: 'the file is on a read-only disk or medium',
    folder: 'its folder cannot be written to',
    foreignLog: 'a log beside it does not belong to it and could not be moved',
  },
  readOnly: (file: string, reason: string) =>
    appError('READ_ONLY', 'store.readOnly', {
      name: path.basename(file),
      // The catalogue words each known reason in the user's language; another is shown as it is.
      reason: readOnlyReasonKey(reason) ?? 'other',
      detail: reason,
    }),
  diskFull: (file: string) => appError('DISK_FULL', 'store.diskFull', { name: path.basename(file) }),
  busy: (file: string) => appError('IN_USE', 'store.busy', { name: path.basename(file) }),
  cannotWrite: (file: string) => appError('READ_ONLY', 'store.cannotWrite', { name: path.basename(file) }),
  damaged: (file: string, detail: string) =>
    appError('CORRUPT', 'store.damaged', { name: path.basename(file), detail }),
  /** What was found damaged when the file was read: named for the banner, each a catalogue message (fileProblem). */
  damagedPart: (title: string) => fileProblem('conference.damagedPart', { title: clip(title) }),
  partOutOfBounds: (title: string, problem: string) =>
    fileProblem('conference.partOutOfBounds', { title: clip(title), problem: clip(problem) }),
  leftOut: (title: string) => exportNote('leftOutDamaged', { title }),
  orphanPart: (title: string) => fileProblem('store.problem.orphanPart', { title: clip(title) }),
  damagedParticipant: (label: string) => fileProblem('store.problem.damagedParticipant', { label: clip(label) }),
  damagedAgendaItem: (label: string) => fileProblem('store.problem.damagedAgendaItem', { label: clip(label) }),
  damagedMeta: fileProblem('store.problem.damagedMeta'),
} as const;

/** The key of a read-only reason (errors.json, store.readOnlyReason), or null for one not listed. */
export function readOnlyReasonKey(reason: string): keyof typeof storeMessages.readOnlyReasons | null {
  const found = Object.entries(storeMessages.readOnlyReasons).find(([, text]) => text === reason);
  return found ? (found[0] as keyof typeof storeMessages.readOnlyReasons) : null;
}

/** Maps SQLite's failures while writing to messages; anything else passes through. */
export function sqliteErrorToAppError(err: unknown, file: string): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string })?.code ?? '';
  if (code === 'SQLITE_FULL') return storeMessages.diskFull(file);
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED')
    return storeMessages.busy(file);
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'SQLITE_PERM')
    return storeMessages.cannotWrite(file);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return storeMessages.damaged(file, (err as Error).message);
  if (code.startsWith('SQLITE_IOERR')) {
    return appError('IO', 'store.ioError', { name: path.basename(file), detail: (err as Error).message });
  }
  return err;
}
