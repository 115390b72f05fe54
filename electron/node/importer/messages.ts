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
};
