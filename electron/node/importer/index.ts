/** The report importer's Node side: read a file, parse it (shared/import), write a conference. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { importText, type ImportResult } from '../../../shared/import';
import { loadTemplates } from '../templates';
import { readSource } from './read-source';

export { writeNewConference, importIntoStore } from './write-conference';

export interface ImportInput { bytes: Uint8Array; fileName: string; templateId?: string }

/** Parses a report in memory; nothing is written. */
export async function importReportBytes(input: ImportInput): Promise<ImportResult> {
  const source = await readSource(input.bytes, input.fileName);
  try {
    const result = importText(source.text, {
      fileName: input.fileName, templateId: input.templateId, warnings: source.warnings, templates: loadTemplates(), format: source.format,
    });
    // Lines of the text converted from a .docx are not lines the user can find: the part says where.
    if (source.converted) for (const w of result.warnings) w.line = null;
    return result;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('IMPORT_FAILED', `“${input.fileName}” could not be imported: ${(err as Error).message}`);
  }
}

export async function importReportFile(file: string, templateId?: string): Promise<ImportResult> {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new AppError('IMPORT_FAILED', `“${file}” is not a file.`);
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('NOT_FOUND', `“${file}” cannot be read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (err as Error).message}.`);
  }
  return importReportBytes({ bytes, fileName: path.basename(file), ...(templateId ? { templateId } : {}) });
}
