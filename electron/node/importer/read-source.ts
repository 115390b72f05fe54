/** Reading a report file of any accepted kind into text the importer can parse. */
import path from 'node:path';
import mammoth from 'mammoth';
import type { MessageValues } from '../../../shared/errors';
import { decodeText, type WarningDraft } from '../../../shared/import';
import { docxHtmlToMarkdown } from '../../../shared/import/tree/docx-markdown';
import { checkDocxPackage, isZip } from './docx-package';
import { appError, type ErrorKey } from '../../../shared/i18n/app-error';

/** A .docx is a zip; beyond this it is not a report. */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;

export interface SourceText {
  text: string;
  format: 'text' | 'markdown';
  warnings: WarningDraft[];
  /** A .docx is read through a conversion: its line numbers mean nothing to the user. */
  converted: boolean;
}

export async function readSource(bytes: Uint8Array, fileName: string): Promise<SourceText> {
  const ext = path.extname(fileName).toLowerCase();
  const fail = (key: ErrorKey, values: MessageValues = {}): never => {
    throw appError('IMPORT_FAILED', key, { name: fileName, ...values });
  };
  if (ext === '.doc' || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) fail('import.oldDoc');
  if (['.odt', '.rtf', '.pages', '.xlsx', '.pptx', '.zip'].includes(ext)) fail('import.otherFormat', { ext });
  if (ext === '.pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46))
    fail('import.pdf');
  if (ext === '.docx' || isZip(bytes)) {
    if (bytes.length === 0) fail('import.empty');
    if (bytes.length > MAX_DOCX_BYTES)
      fail('import.tooLarge', { size: (bytes.length / 1048576).toFixed(0), max: MAX_DOCX_BYTES / 1048576 });
    if (!isZip(bytes)) fail('import.notZip');
    const pack = checkDocxPackage(bytes);
    if ('refused' in pack) fail(pack.refused.key, pack.refused.values);
    let html: string;
    const warnings: WarningDraft[] = [];
    try {
      const result = await mammoth.convertToHtml({
        buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      });
      html = result.value;
      const lost = result.messages.filter((m) => m.type === 'error');
      for (const m of lost)
        warnings.push({
          partId: null,
          line: null,
          code: 'DOCX_CONVERSION',
          key: 'docxConversion',
          values: { detail: m.message },
          message: `While reading the .docx: ${m.message}`,
          suggestion: null,
        });
    } catch (err) {
      fail('import.docxDamaged', { detail: (err as Error).message.split('\n')[0] ?? '' });
    }
    const text = docxHtmlToMarkdown(html!);
    if (!text.trim()) fail('import.documentEmpty');
    return { text, format: 'markdown', warnings, converted: true };
  }
  const decoded = decodeText(bytes, fileName);
  return {
    text: decoded.text,
    format: ext === '.md' || ext === '.markdown' ? 'markdown' : 'text',
    warnings: decoded.warnings,
    converted: false,
  };
}
