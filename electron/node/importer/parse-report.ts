/** Parsing a report in memory (what the import worker runs); nothing is written. */
import { AppError } from '../../../shared/errors';
import { importText, type ImportResult, type WarningDraft } from '../../../shared/import';
import { importOwnDocx, wantedEntry } from '../../../shared/import/own-docx';
import { loadTemplates } from '../templates';
import { checkDocxPackage, isZip } from './docx-package';
import { readSource } from './read-source';
import { readZipEntries } from './zip-entries';
import { provideDictionaryFiles } from '../../../shared/import/spelling';
import { dictionaryPackageFiles } from './spelling-files';
import { appError } from '../../../shared/i18n/app-error';

// The OCR check of the importer reads its dictionaries through this (see spelling-files.ts).
provideDictionaryFiles(dictionaryPackageFiles);

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  templateId?: string;
}

export async function parseReport(
  input: ImportInput,
  progress: (stage: ImportStage) => void = () => {},
): Promise<ImportResult> {
  progress('reading');
  const own = readOwnDocx(input);
  if (own && 'result' in own) return own.result;
  const source = await readSource(input.bytes, input.fileName);
  if (own) source.warnings.push(own.warning);
  progress('parsing');
  try {
    const result = importText(source.text, {
      fileName: input.fileName,
      templateId: input.templateId,
      warnings: source.warnings,
      templates: loadTemplates(),
      format: source.format,
    });
    // Lines of the text converted from a .docx are not lines the user can find: the part says where.
    if (source.converted) for (const w of result.warnings) w.line = null;
    return result;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw appError('IMPORT_FAILED', 'import.couldNotImport', { name: input.fileName, detail: (err as Error).message });
  }
}

/**
 * A .docx this app exported is read by its own styles and marks (shared/import/own-docx).
 * Null when the file is not one (the general reader takes it); a warning when it looked like
 * one but could not be read that way, so the general reader takes it and says so.
 */
function readOwnDocx(input: ImportInput): { result: ImportResult } | { warning: WarningDraft } | null {
  if (!isZip(input.bytes) || 'refused' in checkDocxPackage(input.bytes)) return null;
  try {
    const result = importOwnDocx(readZipEntries(input.bytes, wantedEntry), {
      fileName: input.fileName,
      templates: loadTemplates(),
      templateId: input.templateId,
      readEntry: (name) => readZipEntries(input.bytes, (n) => n === name).get(name),
    });
    return result ? { result } : null;
  } catch (err) {
    if (err instanceof AppError && err.code !== 'IMPORT_FAILED') throw err;
    return {
      warning: {
        partId: null,
        line: null,
        code: 'OWN_DOCX_UNREAD',
        key: 'ownDocxUnread',
        values: { reason: (err as Error).message.replace(/\.$/, '') },
        suggestion: null,
        message: `This document was written by Rapporteur, but its structure could not be read back (${(err as Error).message.replace(/\.$/, '')}); it was imported as any Word document, by its headings and text.`,
      },
    };
  }
}

export type ImportStage = 'reading' | 'parsing';
