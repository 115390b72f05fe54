/** What the importer's Node side tells the user, in one place (refusals of a file: errors.json, import.*). */
export const importMessages = {
  docxDamaged: 'the .docx is damaged or truncated (its table of contents cannot be read).',
};
