/**
 * What our DOCX says about its own structure, in the ways a Word user keeps while editing:
 * named styles for every element kind (styles.ts), a hidden bookmark on each part's heading
 * naming the part's kind (the template section it instantiates), and document properties
 * naming the template and language. The importer (shared/import/own-docx) reads these back;
 * nothing here is a hidden copy of the conference.
 */

/** Hidden bookmarks (a leading underscore: Word lists them only when asked) on part headings. */
const PART_MARK = '_RpPart';
/** A part the compile step added (a generated annex the conference has no part for): no part comes back for it. */
const GENERATED_MARK = '_RpGen';
/** Word's limit on a bookmark name. */
const MAX_BOOKMARK = 40;

/** The bookmark naming a part heading's kind; `seq` keeps names unique. Hyphens become underscores (bookmarks allow neither). */
export function partMark(kind: string, seq: number, generated: boolean): string {
  const name = `${generated ? GENERATED_MARK : PART_MARK}${seq}_${kind.replace(/[^A-Za-z0-9]/g, '_')}`;
  return name.slice(0, MAX_BOOKMARK);
}

/** The kind a part mark names, as written (hyphens as underscores, perhaps cut at 40), or null when the name is not a part mark. */
export function readPartMark(name: string): { kind: string; generated: boolean } | null {
  const m = /^_Rp(Part|Gen)\d+_(\w+)$/.exec(name);
  return m ? { kind: m[2]!, generated: m[1] === 'Gen' } : null;
}

/** Whether a template section id is the kind a mark names (the mark's form of it, perhaps cut). */
export function markNamesKind(markKind: string, sectionId: string): boolean {
  const written = sectionId.replace(/[^A-Za-z0-9]/g, '_');
  return written === markKind || (markKind.length >= 8 && written.startsWith(markKind));
}

/** The region Word expects with a bare language ("en" → "en-GB"); an import reads it back as the bare language. */
export const WORD_LANGUAGES: Record<string, string> = {
  en: 'en-GB',
  es: 'es-ES',
  fr: 'fr-FR',
  pt: 'pt-PT',
  ar: 'ar-SA',
  zh: 'zh-CN',
  ru: 'ru-RU',
  de: 'de-DE',
};

/** Document properties (docProps/custom.xml) that name the template and the edition's language. */
export const TEMPLATE_PROPERTY = 'Template';
export const LANGUAGE_PROPERTY = 'Language';

/**
 * Style names (as Word shows them, and as styles.xml names them) of the element kinds the
 * importer reads back. Word may rewrite style ids when it saves; names stay.
 */
export const OWN_STYLE_NAMES = {
  body: 'Body Text',
  numbered: 'Numbered Paragraph',
  moderator: 'Moderator',
  presentation: 'Presentation Heading',
  commentator: 'Commentator',
  runIn: 'Run-in Paragraph',
  epigraph: 'Epigraph',
  attribution: 'Epigraph Attribution',
  quote: 'Quote',
  statement: 'Delegation Statement',
  statementHeading: 'Delegation Statement Heading',
  caption: 'caption',
  figureSource: 'Figure Source',
  listItem: 'List Paragraph',
  highlights: 'Highlights Item',
  recommendation: 'Recommendation Item',
  conclusion: 'Conclusion Item',
  tableText: 'Table Text',
  tableHeading: 'Table Heading',
  tableSpacer: 'Table Spacer',
  participantsCountry: 'Participants Country',
  participantsRole: 'Participants Role',
  tocHeading: 'TOC Heading',
  coverTitle: 'Cover Title',
  coverSubtitle: 'Cover Subtitle',
  coverSeries: 'Cover Series',
  coverLine: 'Cover Line',
  coverCredit: 'Cover Credit',
  masthead: 'Masthead',
  mastheadBody: 'Masthead Issuing Body',
  mastheadSymbol: 'Masthead Symbol',
  footnote: 'footnote text',
  endnote: 'endnote text',
  affiliationNote: 'Affiliation Note',
  // Character styles.
  speakerName: 'Speaker Name',
  moderatorName: 'Moderator Name',
  blockLabel: 'Block Label',
  moderatorLabel: 'Moderator Label',
  runInLabel: 'Run-in Label',
  headingLabel: 'Heading Label',
  sourceLabel: 'Source Label',
  personRef: 'Person Reference',
  // Table styles.
  reportTable: 'Report Table',
  recommendationsTable: 'Recommendations Table',
  participantsTable: 'Participants Table',
  programmeTable: 'Programme Table',
} as const;
export type OwnStyle = keyof typeof OWN_STYLE_NAMES;
