/**
 * A .docx is a zip. Before anything unpacks it, its central directory says how many
 * entries it has and how large they become: a package that would expand far beyond any
 * report (a "zip bomb": 535 KB expanding to 150 MB reached 4.4 GB of memory) is refused
 * here, in microseconds, with a message.
 */
import type { MessageValues } from '../../../shared/errors';
import type { ErrorKey } from '../../../shared/i18n/app-error';

/** Why a package is refused: a message of the errors catalogue (the file's name is added by the caller). */
export interface DocxRefusal {
  key: ErrorKey;
  values: MessageValues;
}
const refuse = (key: ErrorKey, values: MessageValues = {}) => ({ refused: { key, values } });

export const DOCX_LIMITS = {
  /** Everything the package holds, uncompressed. The largest seed expands to under 2 MB. */
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  /** Per entry, past a size where ordinary XML never compresses this well. */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export const isZip = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export interface PackageSummary {
  entries: number;
  uncompressedBytes: number;
}

/** Reads the central directory; returns a reason to refuse the package, or its summary. */
export function checkDocxPackage(bytes: Uint8Array, limits = DOCX_LIMITS): { refused: DocxRefusal } | PackageSummary {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return refuse('import.docxTocDamaged');
  const entries = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  // ZIP64 markers: no report needs a package past 4 GB or 65,535 entries.
  if (entries === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff)
    return refuse('import.docxTooManyEntries', { max: limits.maxEntries });
  if (entries > limits.maxEntries) return refuse('import.docxTooManyEntries', { max: limits.maxEntries });
  if (dirOffset + dirSize > end) return refuse('import.docxTocDamaged');
  let at = dirOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) return refuse('import.docxTocDamaged');
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (compressed === 0xffffffff || size === 0xffffffff)
      return refuse('import.docxTooLarge', { mb: Math.round(limits.maxUncompressedBytes / 1048576) });
    total += size;
    if (total > limits.maxUncompressedBytes)
      return refuse('import.docxTooLarge', { mb: Math.round(limits.maxUncompressedBytes / 1048576) });
    if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(compressed, 1)) {
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + Math.min(nameLength, 200)));
      const ratio = Math.round(size / Math.max(compressed, 1));
      return refuse('import.docxRatio', { entry: name, ratio, max: limits.maxRatio });
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, uncompressedBytes: total };
}
