/** The report importer's Node side: read a file, parse it (shared/import) in a worker, write a conference. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ImportResult } from '../../../shared/import';
import { type OffThreadOptions, parseOffThread } from './off-thread';
import type { ImportInput } from './parse-report';
import { appError } from '../../../shared/i18n/app-error';

export { writeNewConference, importIntoStore } from './write-conference';
export type { ImportInput } from './parse-report';
export { IMPORT_LIMITS, type OffThreadOptions } from './off-thread';

/** Parses a report in memory, off the event loop and within limits; nothing is written. */
export function importReportBytes(input: ImportInput, options?: OffThreadOptions): Promise<ImportResult> {
  return parseOffThread(input, options);
}

export async function importReportFile(
  file: string,
  templateId?: string,
  options?: OffThreadOptions,
): Promise<ImportResult> {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw appError('IMPORT_FAILED', 'import.notAFile', { file });
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw (err as NodeJS.ErrnoException).code === 'ENOENT'
      ? appError('NOT_FOUND', 'file.noSuchFile', { name: file })
      : appError('NOT_FOUND', 'file.cannotRead', { name: file, detail: (err as Error).message });
  }
  return importReportBytes({ bytes, fileName: path.basename(file), ...(templateId ? { templateId } : {}) }, options);
}
