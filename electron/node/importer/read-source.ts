/** Reading a report file of any accepted kind into text the importer can parse. */
import path from 'node:path';
import mammoth from 'mammoth';
import type { MessageValues } from '../../../shared/errors';
import { decodeText, type WarningDraft } from '../../../shared/import';
import { docxHtmlToMarkdown } from '../../../shared/import/tree/docx-markdown';
import { refuseUnreadable } from './refusals';
import { appError, type ErrorKey } from '../../../shared/i18n/app-error';

export interface SourceText {
  text: string;
  format: 'text' | 'markdown';
  warnings: WarningDraft[];
  /** A .docx is read through a conversion: its line numbers mean nothing to the user. */
  converted: boolean;
}

export async function readSource(bytes: Uint8Array, fileName: string): Promise<SourceText> {
  const fail = (key: ErrorKey, values: MessageValues = {}): never => {
    throw appError('IMPORT_FAILED', key, { name: fileName, ...values });
  };
  if (refuseUnreadable(bytes, fileName).docx) {
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
  const ext = path.extname(fileName).toLowerCase();
  return {
    text: decoded.text,
    format: ext === '.md' || ext === '.markdown' ? 'markdown' : 'text',
    warnings: decoded.warnings,
    converted: false,
  };
}
