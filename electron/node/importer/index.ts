/** The report importer's Node side: read a file, parse it (shared/import) in a worker, write a conference. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ImportResult } from '../../../shared/import';
import { type OffThreadOptions, parseOffThread } from './off-thread';
import type { ImportInput } from './parse-report';

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
    if (!stat.isFile()) throw new AppError('IMPORT_FAILED', `“${file}” is not a file.`);
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'NOT_FOUND',
      `“${file}” cannot be read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (err as Error).message}.`,
    );
  }
  return importReportBytes({ bytes, fileName: path.basename(file), ...(templateId ? { templateId } : {}) }, options);
}
