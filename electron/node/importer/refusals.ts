/**
 * What a file is refused for before anything reads it: its kind (an old .doc, a PDF, a
 * spreadsheet…), its size, and, for a .docx, its package. Byte checks only, so the services run them
 * before starting a worker (a refusal costs microseconds, not a worker's start), and the
 * worker again for callers that read in process.
 */
import path from 'node:path';
import type { MessageValues } from '../../../shared/errors';
import { appError, type ErrorKey } from '../../../shared/i18n/app-error';
import { checkDocxPackage, isZip } from './docx-package';
import { MAX_TEXT_BYTES } from '../../../shared/import/source';

/** A .docx is a zip; beyond this it is not a report. */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;

/** Throws IMPORT_FAILED naming the problem; returns whether the file is to be read as a .docx. */
export function refuseUnreadable(bytes: Uint8Array, fileName: string): { docx: boolean } {
  const ext = path.extname(fileName).toLowerCase();
  const fail = (key: ErrorKey, values: MessageValues = {}): never => {
    throw appError('IMPORT_FAILED', key, { name: fileName, ...values });
  };
  if (ext === '.doc' || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) fail('import.oldDoc');
  if (['.odt', '.rtf', '.pages', '.xlsx', '.pptx', '.zip'].includes(ext)) fail('import.otherFormat', { ext });
  if (ext === '.pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46))
    fail('import.pdf');
  if (!(ext === '.docx' || isZip(bytes))) {
    // As decodeText refuses it, but before a worker is started for it and handed the whole file.
    if (bytes.length > MAX_TEXT_BYTES)
      fail('import.tooLarge', { size: (bytes.length / 1048576).toFixed(0), max: MAX_TEXT_BYTES / 1048576 });
    return { docx: false };
  }
  if (bytes.length === 0) fail('import.empty');
  if (bytes.length > MAX_DOCX_BYTES)
    fail('import.tooLarge', { size: (bytes.length / 1048576).toFixed(0), max: MAX_DOCX_BYTES / 1048576 });
  if (!isZip(bytes)) fail('import.notZip');
  const pack = checkDocxPackage(bytes);
  if ('refused' in pack) fail(pack.refused.key, pack.refused.values);
  return { docx: true };
}
