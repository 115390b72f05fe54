/**
 * Word styles: Word's built-in headings, and one named style per element kind, so a
 * secretariat can restyle the whole report from Word's Styles pane. House style
 * (fonts, sizes, spacing) comes from the template.
 */
import {
  AlignmentType,
  type ILevelsOptions,
  ImportedXmlComponent,
  type INumberingOptions,
  type IStylesOptions,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  TabStopType,
} from 'docx';
import type { LabelFormat } from '../../templates/numbering';
import type { CharStyle, ListFormat, ParaStyle, TableBlock, TextRun as ModelText } from '../../compile/model';
import type { HouseStyle } from '../../templates/schema';

export const PARA_STYLE_ID: Record<ParaStyle, string> = {
  body: 'BodyText',
  moderator: 'Moderator',
  presentation: 'Presentation',
  commentator: 'Commentator',
  'run-in': 'RunInParagraph',
  epigraph: 'Epigraph',
  attribution: 'EpigraphAttribution',
  quote: 'Quote',
  statement: 'DelegationStatement',
  'statement-heading': 'DelegationStatementHeading',
  caption: 'Caption',
  'figure-source': 'FigureSource',
  'list-item': 'ListParagraph',
  'table-text': 'TableText',
  'table-heading': 'TableHeading',
  'participants-country': 'ParticipantsCountry',
  'participants-role': 'ParticipantsRole',
  note: 'FootnoteText',
};

export const CHAR_STYLE_ID: Record<CharStyle, string> = {
  'speaker-name': 'SpeakerName',
  'run-in-label': 'RunInLabel',
  'block-label': 'BlockLabel',
  person: 'PersonReference',
};

/** The formatting each character style carries, so runs in it do not repeat it as direct formatting. */
export const CHAR_STYLE_RUN: Record<string, { bold?: boolean; italics?: boolean; underline?: boolean }> = {
  SpeakerName: { bold: true },
  ModeratorName: {},
  RunInLabel: { bold: true },
  BlockLabel: {},
  ModeratorLabel: { italics: true },
  Hyperlink: { underline: true },
};

/** The character style of a run: a moderator's name is not bold and the "Moderator:" label is italic, each by its own style. */
export function charStyleOf(r: Pick<ModelText, 'charStyle' | 'bold' | 'italic'>): string | undefined {
  if (!r.charStyle) return undefined;
  if (r.charStyle === 'speaker-name' && !r.bold) return 'ModeratorName';
  if (r.charStyle === 'block-label' && r.italic) return 'ModeratorLabel';
  return CHAR_STYLE_ID[r.charStyle];
}

/** Named table styles: borders, cell padding and the header row's look live there, not on every cell. */
export const TABLE_STYLE_ID: Record<TableBlock['role'], string> = {
  plain: 'ReportTable',
  recommendations: 'RecommendationsTable',
  participants: 'ParticipantsTable',
  programme: 'ProgrammeTable',
};

/** A table style in WordprocessingML (the docx package writes paragraph and character styles only). */
function tableStyleXml(id: string, name: string, basedOn: string | null): string {
  const b = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`;
  return (
    `<w:style w:type="table" w:styleId="${id}" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:name w:val="${name}"/>` +
    (basedOn ? `<w:basedOn w:val="${basedOn}"/>` : '') +
    '<w:uiPriority w:val="59"/><w:qFormat/>' +
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>' +
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(b).join('')}</w:tblBorders>` +
    '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/></w:tcPr></w:tblStylePr>' +
    '</w:style>'
  );
}

export function tableStyles(): ImportedXmlComponent[] {
  return [
    tableStyleXml('ReportTable', 'Report Table', null),
    tableStyleXml('RecommendationsTable', 'Recommendations Table', 'ReportTable'),
    tableStyleXml('ParticipantsTable', 'Participants Table', 'ReportTable'),
    tableStyleXml('ProgrammeTable', 'Programme Table', 'ReportTable'),
  ].map((xml) => ImportedXmlComponent.fromXmlString(xml) as ImportedXmlComponent);
}

export const pt = (n: number): number => Math.round(n * 2);
export const twip = (ptValue: number): number => Math.round(ptValue * 20);

/** docx writes w:widowControl from paragraph properties; its style types leave it out, hence the cast. */
const WIDOW_CONTROL = { widowControl: true } as object;

/** The template's heading numbering as one Word multilevel list, each level linked to its heading style. */
export const HEADING_NUMBERING = 'headings';

const HEADING_FORMAT: Record<Exclude<LabelFormat['style'], 'none'>, (typeof LevelFormat)[keyof typeof LevelFormat]> = {
  decimal: LevelFormat.DECIMAL,
  'lower-alpha': LevelFormat.LOWER_LETTER,
  'upper-alpha': LevelFormat.UPPER_LETTER,
  'lower-roman': LevelFormat.LOWER_ROMAN,
  'upper-roman': LevelFormat.UPPER_ROMAN,
};

/** Levels of the headings list ("Unit " %2 "."), or null when the template numbers no heading. */
export function headingLevels(numbering: readonly LabelFormat[] | undefined): ILevelsOptions[] | null {
  if (!numbering?.some((f) => f.style !== 'none')) return null;
  return Array.from({ length: 6 }, (_, level) => {
    const f = numbering[level];
    const numbered = f && f.style !== 'none';
    return {
      level,
      format: numbered ? HEADING_FORMAT[f.style as Exclude<LabelFormat['style'], 'none'>] : LevelFormat.NONE,
      text: numbered ? `${f.prefix.replace(/%/g, '%%')}%${level + 1}${f.suffix.replace(/%/g, '%%')}` : '',
      start: 1,
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.SPACE,
      style: { paragraph: { indent: { left: 0, hanging: 0 } }, ...(numbered ? { style: `Heading${level + 1}` } : {}) },
    };
  });
}

export function buildStyles(style: HouseStyle, lang: string, numbering?: readonly LabelFormat[]): IStylesOptions {
  const linked = headingLevels(numbering) ? numbering : undefined;
  const line = Math.round(style.lineSpacing * 240);
  const after = twip(style.paragraphSpacingPt);
  const body = { font: style.bodyFont, size: pt(style.bodySizePt), language: { value: lang } };
  const headingSize = (i: number) =>
    pt(style.headingSizesPt[Math.min(i, style.headingSizesPt.length - 1)] ?? style.bodySizePt);
  const headings = [1, 2, 3, 4, 5, 6].map((n) => ({
    id: `Heading${n}`,
    name: `Heading ${n}`,
    basedOn: 'Normal',
    next: 'BodyText',
    quickFormat: true,
    run: { font: style.headingFont, size: headingSize(n - 1), bold: n <= 4, italics: n >= 4 },
    paragraph: {
      keepNext: true,
      keepLines: true,
      ...WIDOW_CONTROL,
      outlineLevel: n - 1,
      spacing: { before: twip(n === 1 ? 18 : 12), after: twip(6) },
      // Linked to the headings list: Word numbers a heading of this level and renumbers when one is inserted.
      ...(linked?.[n - 1] && linked[n - 1]!.style !== 'none'
        ? { numbering: { reference: HEADING_NUMBERING, level: n - 1 } }
        : {}),
    },
  }));
  const p = (id: string, name: string, extra: { run?: object; paragraph?: object; basedOn?: string } = {}) => ({
    id,
    name,
    basedOn: extra.basedOn ?? 'Normal',
    next: 'BodyText',
    quickFormat: true,
    run: extra.run ?? {},
    paragraph: extra.paragraph ?? {},
  });
  const indent = { left: 567 };
  return {
    default: {
      // Widow and orphan control in every style, from the document defaults.
      document: { run: body, paragraph: { spacing: { line, lineRule: LineRuleType.AUTO, after }, ...WIDOW_CONTROL } },
      heading1: headings[0],
      heading2: headings[1],
      heading3: headings[2],
      heading4: headings[3],
      heading5: headings[4],
      heading6: headings[5],
    },
    paragraphStyles: [
      p('BodyText', 'Body Text', { paragraph: { alignment: AlignmentType.JUSTIFIED } }),
      p('NumberedParagraph', 'Numbered Paragraph', { basedOn: 'BodyText' }),
      p('Moderator', 'Moderator', { paragraph: { spacing: { after: twip(12) } } }),
      p('Presentation', 'Presentation Heading', {
        run: { bold: false },
        paragraph: {
          keepNext: true,
          spacing: { before: twip(12) },
          indent: { left: 567, hanging: 567 },
          tabStops: [{ type: TabStopType.LEFT, position: 567 }],
        },
      }),
      p('Commentator', 'Commentator', {
        paragraph: { indent: { left: 567, hanging: 567 }, tabStops: [{ type: TabStopType.LEFT, position: 567 }] },
      }),
      p('RunInParagraph', 'Run-in Paragraph', { basedOn: 'BodyText' }),
      p('Epigraph', 'Epigraph', {
        run: { italics: true },
        paragraph: { indent: { left: 2268 }, alignment: AlignmentType.RIGHT },
      }),
      p('EpigraphAttribution', 'Epigraph Attribution', {
        run: { size: pt(style.bodySizePt - 1) },
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: twip(12) } },
      }),
      p('Quote', 'Quote', { run: { italics: true }, paragraph: { indent: { left: 851, right: 851 } } }),
      p('DelegationStatement', 'Delegation Statement', { paragraph: { indent: { left: 851, right: 851 } } }),
      p('DelegationStatementHeading', 'Delegation Statement Heading', {
        run: { bold: true },
        paragraph: { keepNext: true, indent: { left: 851 } },
      }),
      p('Caption', 'caption', {
        run: { bold: true, size: pt(style.bodySizePt - 1) },
        paragraph: { keepNext: true, alignment: AlignmentType.CENTER },
      }),
      p('FigureSource', 'Figure Source', {
        run: { size: pt(style.bodySizePt - 2) },
        paragraph: { alignment: AlignmentType.LEFT, spacing: { after: twip(12) } },
      }),
      p('ListParagraph', 'List Paragraph', { paragraph: { indent, spacing: { after: twip(3) } } }),
      p('HighlightsItem', 'Highlights Item', { basedOn: 'ListParagraph' }),
      p('RecommendationItem', 'Recommendation Item', { basedOn: 'ListParagraph', run: { italics: true } }),
      p('ConclusionItem', 'Conclusion Item', { basedOn: 'ListParagraph' }),
      p('TableSpacer', 'Table Spacer', {
        run: { size: 2 },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      }),
      p('TableText', 'Table Text', {
        run: { size: pt(style.bodySizePt - 1) },
        paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      }),
      p('TableHeading', 'Table Heading', { basedOn: 'TableText', run: { bold: true } }),
      p('ParticipantsCountry', 'Participants Country', {
        basedOn: 'TableText',
        run: { bold: true },
        paragraph: { keepNext: true },
      }),
      p('ParticipantsRole', 'Participants Role', {
        basedOn: 'TableText',
        run: { italics: true },
        paragraph: { keepNext: true },
      }),
      p('CoverTitle', 'Cover Title', {
        run: { font: style.headingFont, size: pt(20), bold: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: twip(48), after: twip(12) } },
      }),
      p('CoverSubtitle', 'Cover Subtitle', {
        run: { font: style.headingFont, size: pt(14) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: twip(12) } },
      }),
      p('CoverLine', 'Cover Line', { paragraph: { alignment: AlignmentType.CENTER } }),
      p('CoverCredit', 'Cover Credit', { basedOn: 'CoverLine', paragraph: { spacing: { before: twip(6) } } }),
      p('Masthead', 'Masthead', {
        run: { font: style.headingFont, size: pt(10) },
        paragraph: { spacing: { after: 0 } },
      }),
      p('MastheadBody', 'Masthead Issuing Body', { basedOn: 'Masthead', run: { bold: true } }),
      p('CoverSeries', 'Cover Series', {
        basedOn: 'CoverLine',
        run: { italics: true },
        paragraph: { spacing: { before: twip(24) } },
      }),
      p('MastheadSymbol', 'Masthead Symbol', {
        run: { font: style.headingFont, size: pt(14), bold: true },
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: twip(4) } },
      }),
      p('TOCHeading', 'TOC Heading', {
        run: { font: style.headingFont, size: headingSize(0), bold: true },
        paragraph: { spacing: { after: twip(12) } },
      }),
      p('FootnoteText', 'footnote text', {
        run: { size: pt(Math.max(7, style.bodySizePt - 2)) },
        paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      }),
      // A note the template's attribution policy adds (a person's affiliation): its own style, so an import knows it is not the text's.
      p('AffiliationNote', 'Affiliation Note', { basedOn: 'FootnoteText' }),
      p('EndnoteText', 'endnote text', {
        run: { size: pt(Math.max(7, style.bodySizePt - 2)) },
        paragraph: { spacing: { after: twip(3), line: 240, lineRule: LineRuleType.AUTO } },
      }),
      p('Header', 'header', { run: { size: pt(9) } }),
      p('Footer', 'footer', { run: { size: pt(9) }, paragraph: { alignment: AlignmentType.CENTER } }),
    ],
    characterStyles: [
      {
        id: 'SpeakerName',
        name: 'Speaker Name',
        basedOn: 'DefaultParagraphFont',
        quickFormat: true,
        run: { bold: true },
      },
      {
        id: 'RunInLabel',
        name: 'Run-in Label',
        basedOn: 'DefaultParagraphFont',
        quickFormat: true,
        run: { bold: true },
      },
      { id: 'BlockLabel', name: 'Block Label', basedOn: 'DefaultParagraphFont', quickFormat: true, run: {} },
      {
        id: 'ModeratorLabel',
        name: 'Moderator Label',
        basedOn: 'DefaultParagraphFont',
        quickFormat: true,
        run: { italics: true },
      },
      { id: 'ModeratorName', name: 'Moderator Name', basedOn: 'DefaultParagraphFont', quickFormat: true, run: {} },
      // A heading's label written as text (outside Word's headings list: "Annex I", "Appendix:").
      { id: 'HeadingLabel', name: 'Heading Label', basedOn: 'DefaultParagraphFont', quickFormat: true, run: {} },
      // A registry person cited in the text: no look of its own, a name an import knows again.
      { id: 'PersonReference', name: 'Person Reference', basedOn: 'DefaultParagraphFont', quickFormat: true, run: {} },
      {
        id: 'SourceLabel',
        name: 'Source Label',
        basedOn: 'DefaultParagraphFont',
        quickFormat: true,
        run: { italics: true },
      },
      { id: 'Hyperlink', name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: '0563C1', underline: {} } },
    ],
  };
}

const LEVEL_FORMAT: Record<
  ListFormat,
  { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (n: number) => string }
> = {
  decimal: { format: LevelFormat.DECIMAL, text: (n) => `%${n}.` },
  'decimal-paren': { format: LevelFormat.DECIMAL, text: (n) => `%${n})` },
  'lower-alpha': { format: LevelFormat.LOWER_LETTER, text: (n) => `%${n}.` },
  'lower-alpha-paren': { format: LevelFormat.LOWER_LETTER, text: (n) => `(%${n})` },
  'lower-roman': { format: LevelFormat.LOWER_ROMAN, text: (n) => `%${n}.` },
  'lower-roman-paren': { format: LevelFormat.LOWER_ROMAN, text: (n) => `(%${n})` },
  'upper-roman': { format: LevelFormat.UPPER_ROMAN, text: (n) => `%${n}.` },
  'upper-alpha': { format: LevelFormat.UPPER_LETTER, text: (n) => `%${n}.` },
};

const levelIndent = (level: number) => ({ indent: { left: 567 * (level + 1), hanging: 567 } });

/** A list definition: every level in one format, starting at `start`, indented by depth. */
export function orderedLevels(format: ListFormat, start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LEVEL_FORMAT[format].format,
    text: LEVEL_FORMAT[format].text(level + 1),
    start,
    alignment: AlignmentType.LEFT,
    style: { paragraph: levelIndent(level) },
  }));
}

export const BULLETS = 'bullets';
export const PARAGRAPHS = 'paragraphs';

/** UN paragraph numbering: 1. at the margin, then sub-paragraphs (a) → (i) → a. → i. */
function paragraphLevels(): ILevelsOptions[] {
  const formats: ListFormat[] = ['decimal', 'lower-alpha-paren', 'lower-roman-paren', 'lower-alpha', 'lower-roman'];
  return formats.map((f, level) => ({
    level,
    format: LEVEL_FORMAT[f].format,
    text: LEVEL_FORMAT[f].text(level + 1),
    start: 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: level === 0 ? { indent: { left: 567, hanging: 567 } } : levelIndent(level) },
  }));
}

export function baseNumbering(): INumberingOptions['config'][number][] {
  const glyphs = ['•', '–', '◦'];
  return [
    {
      reference: BULLETS,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: LevelFormat.BULLET,
        text: glyphs[level % glyphs.length]!,
        alignment: AlignmentType.LEFT,
        style: { paragraph: levelIndent(level) },
      })),
    },
    { reference: PARAGRAPHS, levels: paragraphLevels() },
  ];
}
