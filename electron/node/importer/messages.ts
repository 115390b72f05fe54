/** What the importer's Node side tells the user, in one place. */
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

export const importMessages = {
  docxDamaged: 'the .docx is damaged or truncated (its table of contents cannot be read).',
  docxTooManyEntries: (max: number) =>
    `the .docx holds more than ${max.toLocaleString('en')} files, far more than any report; it was not opened.`,
  docxTooLarge: (max: number) =>
    `the .docx would expand to more than ${mb(max)}, far more than any report; it was not opened.`,
  docxRatio: (entry: string, ratio: number, max: number) =>
    `the .docx is built to expand enormously (“${entry}” expands ${ratio.toLocaleString('en')} times, more than ${max} times); it was not opened.`,
  tookTooLong: (ms: number) =>
    `reading it took longer than ${ms >= 10_000 ? Math.round(ms / 1000) : ms / 1000} seconds, so it was stopped. Nothing was written.`,
  outOfMemory: (limitMb: number) =>
    `reading it needed more than ${limitMb} MB of memory, so it was stopped. Nothing was written.`,
  workerStopped: (detail: string) => `reading it stopped unexpectedly (${detail}). Nothing was written.`,
  cancelled: 'The import was cancelled. Nothing was written.',
  cannotImport: (fileName: string, why: string) => `“${fileName}” cannot be imported: ${why}`,
};
