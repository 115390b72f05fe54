/** Turning the bytes of a text or markdown file into lines, refusing what is not text. */
import type { MessageValues } from '../errors';
import type { WarningDraft } from './result';
import { appError, type ErrorKey } from '../i18n/app-error';

/** Larger than any report (the biggest seed is 0.3 MB); beyond this the file is not a report. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export interface SourceLine {
  n: number;
  text: string;
}

export interface DecodedText {
  text: string;
  warnings: WarningDraft[];
}

const fail = (name: string, key: ErrorKey, values: MessageValues = {}): never => {
  throw appError('IMPORT_FAILED', key, { name, ...values });
};

/** Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 with a warning. */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) fail(fileName, 'import.empty');
  if (bytes.length > MAX_TEXT_BYTES)
    fail(fileName, 'import.tooLarge', {
      size: (bytes.length / 1048576).toFixed(0),
      max: MAX_TEXT_BYTES / 1048576,
    });
  const warnings: WarningDraft[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (looksBinary(bytes)) fail(fileName, 'import.binary');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      warnings.push({
        partId: null,
        line: null,
        code: 'ENCODING',
        key: 'encoding',
        suggestion: null,
        message:
          'The file is not valid UTF-8; it was read as Windows-1252 (Western European). Check accented letters and quotation marks.',
      });
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') fail(fileName, 'import.noText');
  return { text, warnings };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n * 0.02;
}

export function toLines(text: string): SourceLine[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((t, i) => ({ n: i + 1, text: t }));
}

export const isBlank = (l: SourceLine | undefined): boolean => !l || l.text.trim() === '';

/** A sentence or paragraph that stops here (used to rejoin text split by a page break). */
export const endsParagraph = (t: string): boolean => /[.:;!?…”"’)\]*]\s*$/.test(t.trim()) || t.trim() === '';
