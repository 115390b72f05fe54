/** Parsing a report in memory (what the import worker runs); nothing is written. */
import { AppError } from '../../../shared/errors';
import { importText, type ImportResult } from '../../../shared/import';
import { loadTemplates } from '../templates';
import { readSource } from './read-source';

export interface ImportInput { bytes: Uint8Array; fileName: string; templateId?: string }

export async function parseReport(input: ImportInput, progress: (stage: ImportStage) => void = () => {}): Promise<ImportResult> {
  progress('reading');
  const source = await readSource(input.bytes, input.fileName);
  progress('parsing');
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

export type ImportStage = 'reading' | 'parsing';
