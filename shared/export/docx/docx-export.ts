/**
 * Proceedings model → Word document (the `docx` package). Pure: no file system; works
 * in Node and in a browser. Real Word structures throughout: heading styles, a TOC
 * field, footnotes, numbering definitions, repeating header rows, sections.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  NoteNumberRestart,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  SectionType,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
  type INumberingOptions,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { TextWatermark } from 'docx/watermarks';
import type {
  Block,
  Cover,
  HeadingBlock,
  Inline,
  ListBlock,
  NoteRef,
  ParaBlock,
  Proceedings,
  QuoteBlock,
  TableBlock,
  TextRun as ModelText,
} from '../../compile/model';
import { decodeDataUrl, fitInto } from '../image';
import { documentTerms, documentTypography, type DocumentTerms } from '../../i18n/document-terms';
import { SUBPARAGRAPH_FORMATS } from '../../compile/labels';
import { formatCounter } from '../../templates/numbering';
import { DocxComments } from '../../review/comments-docx';
import {
  baseNumbering,
  BULLETS,
  buildStyles,
  CHAR_STYLE_RUN,
  charStyleOf,
  HEADING_NUMBERING,
  headingLevels,
  orderedLevels,
  PARA_STYLE_ID,
  PARAGRAPHS,
  TABLE_STYLE_ID,
  tableStyles,
} from './styles';
import { modelPageNumbers } from './page-estimate';
import { coreProperties, coreXml } from './properties';
import { partMark, WORD_LANGUAGES } from './own-marks';
import { markParagraphEnds, revisedFigure, revisedNote, revisedRun, rowRevision } from './revisions';
import { markNote, noteRefField } from './note-refs';
import { referencedNotes } from '../note-targets';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/** Page geometry in twips. */
const PAGE = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } } as const;
const MARGIN = 1134;

type Body = Paragraph | Table | TableOfContents;

/** BCP 47 tag Word expects ("en" → "en-GB"). */
export function wordLanguage(lang: string): string {
  return WORD_LANGUAGES[lang.toLowerCase()] ?? lang;
}

class DocxWriter {
  private readonly numberingConfig: INumberingOptions['config'][number][] = baseNumbering();
  private readonly refs = new Set<string>();
  private instance = 0;
  /** Part marks written so far (their names must be unique). */
  private partMarks = 0;
  /** Text width of the section being written, for table column widths. */
  textWidth = 0;
  /** Level of the last heading written (1-based), for the outline level of speaker headings. */
  private headingLevel = 1;
  /** Whether the template's heading numbering is written as Word's headings list. */
  readonly headingsList: boolean;
  /** Word's counters of the headings list, by level, as Word will count the headings written so far. */
  private readonly wordCounters = [0, 0, 0, 0, 0, 0, 0];
  /** Headings numbered by the list, by anchor, with their label (for the contents). */
  readonly listedHeadings = new Map<string, string>();

  /** Word comments of the threads the proceedings carry (a DOCX with comments). */
  readonly comments: DocxComments;
  /** Notes a cross-reference points to: their marks carry a bookmark for its NOTEREF field. */
  private readonly referenced: ReadonlySet<number>;

  constructor(private readonly proc: Proceedings) {
    this.comments = new DocxComments(proc);
    this.referenced = referencedNotes(proc.sections);
    const levels = headingLevels(proc.headingNumbering);
    this.headingsList = levels !== null;
    if (levels) this.numberingConfig.push({ reference: HEADING_NUMBERING, levels });
  }

  get numbering(): INumberingOptions {
    return { config: this.numberingConfig };
  }

  // ---- inline ---------------------------------------------------------------------

  private text(r: ModelText, extra: { style?: string } = {}): ParagraphChild[] {
    // A named character style carries its own formatting; only what differs from it is written on the run.
    const style = r.charStyle ? charStyleOf(r) : extra.style;
    const given = style ? (CHAR_STYLE_RUN[style] ?? {}) : {};
    const opts = {
      ...(r.bold && !given.bold ? { bold: true } : {}),
      ...(r.italic && !given.italics ? { italics: true } : {}),
      ...(r.strike ? { strike: true } : {}),
      ...(r.sup ? { superScript: true } : {}),
      ...(r.sub ? { subScript: true } : {}),
      ...(r.underline && !given.underline ? { underline: {} } : {}),
      ...(style ? { style } : {}),
    };
    const revised = revisedRun(r, opts);
    if (revised) return revised;
    // Tabs are elements in Word, not characters.
    const pieces = documentTypography(r.text, this.proc.language).split('\t');
    return [
      new TextRun({
        ...opts,
        children: pieces.flatMap((s, i) => (i === 0 ? [s] : [new Tab(), s])).filter((c) => c !== ''),
      }),
    ];
  }

  /** A note as written (italics, bold, links), or its plain text when it has no more. */
  private noteBody(r: NoteRef): ParagraphChild[] {
    return r.content ? this.inline(r.content) : [new TextRun(documentTypography(r.text, this.proc.language))];
  }

  inline(content: Inline[]): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const r of content) {
      const at = out.length;
      switch (r.kind) {
        case 'text':
          out.push(...(r.refersToNote !== undefined ? [noteRefField(r.refersToNote, r.text)] : this.text(r)));
          break;
        case 'break':
          out.push(new TextRun({ break: 1 }));
          break;
        case 'note': {
          const revised = revisedNote(r, this.proc.noteMode);
          if (revised) {
            out.push(markNote(r.id, revised, this.referenced));
            break;
          }
          const note = {
            children: [
              new Paragraph({
                style:
                  r.origin === 'affiliation'
                    ? 'AffiliationNote'
                    : this.proc.noteMode === 'endnotes'
                      ? 'EndnoteText'
                      : 'FootnoteText',
                children: this.noteBody(r),
              }),
            ],
          };
          out.push(
            markNote(
              r.id,
              this.proc.noteMode === 'endnotes' ? new EndnoteReferenceRun(note) : new FootnoteReferenceRun(note),
              this.referenced,
            ),
          );
          break;
        }
        case 'link': {
          const children = r.children.flatMap((c) => this.text(c, { style: 'Hyperlink' }));
          if (r.url.startsWith('#')) out.push(new InternalHyperlink({ anchor: r.url.slice(1), children }));
          else if (/^(https?|mailto):/i.test(r.url)) out.push(new ExternalHyperlink({ link: r.url, children }));
          else out.push(...children);
          break;
        }
      }
      // Comment ranges begin before the runs of a thread's text and end after them.
      out.splice(at, out.length - at, ...this.comments.wrap(r, out.slice(at)));
    }
    return out;
  }

  // ---- blocks ---------------------------------------------------------------------

  blocks(blocks: Block[]): Body[] {
    return blocks.flatMap((b, i) => {
      const out = markParagraphEnds(revisedFigure(b) ?? this.block(b));
      // Word runs two tables together, and a section or cell must end with a paragraph:
      // only there does a table get an (empty) paragraph after it.
      if (b.kind === 'table' && (i === blocks.length - 1 || blocks[i + 1]!.kind === 'table'))
        out.push(new Paragraph({ style: 'TableSpacer', children: [] }));
      return out;
    });
  }

  private block(b: Block): Body[] {
    switch (b.kind) {
      case 'heading':
        return [this.heading(b)];
      case 'para':
        return [this.para(b)];
      case 'list':
        return this.list(b);
      case 'table':
        return [this.table(b)];
      case 'quote':
        return this.quote(b);
      case 'page-break':
        return [new Paragraph({ children: [new PageBreak()] })];
      case 'toc':
        return [
          // The contents of a part of the conference carry its part mark, as part headings do.
          new Paragraph({
            style: 'TOCHeading',
            children: [
              new TextRun(b.title),
              ...(b.partKind
                ? [new Bookmark({ id: partMark(b.partKind, ++this.partMarks, false), children: [] })]
                : []),
            ],
          }),
          new TableOfContents(b.title, { hyperlink: true, headingStyleRange: '1-3' }),
          new Paragraph({ children: [new PageBreak()] }),
        ];
      case 'figure': {
        const out: Body[] = [
          new Paragraph({
            style: 'Caption',
            children: [
              new TextRun(`${documentTerms(this.proc.language).figure} ${b.number}`),
              ...(b.caption ? [new TextRun({ break: 1 }), new TextRun(b.caption)] : []),
            ],
          }),
        ];
        const img = decodeDataUrl(b.src);
        if (img) {
          const size = fitInto(img.width, img.height, 450, 350);
          out.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              keepNext: Boolean(b.source),
              children: [
                new ImageRun({
                  type: img.type,
                  data: img.bytes,
                  transformation: size,
                  altText: { name: `Figure ${b.number}`, description: b.alt || b.caption, title: b.caption },
                }),
              ],
            }),
          );
        }
        if (b.source)
          out.push(
            new Paragraph({
              style: 'FigureSource',
              children: [
                new TextRun({ text: `${documentTerms(this.proc.language).source} `, style: 'SourceLabel' }),
                new TextRun(b.source),
              ],
            }),
          );
        return out;
      }
    }
  }

  /**
   * A heading whose label is the one Word's headings list would give it at this point is
   * numbered by the list (Word renumbers it when sections move); any other label
   * ("Annex 1", "Appendix:") is written as text, outside the list.
   */
  private heading(h: HeadingBlock): Paragraph {
    const children: ParagraphChild[] = [];
    const level = Math.min(6, h.level);
    const listed =
      this.headingsList && h.label !== '' && this.wordLabel(level, this.wordCounters[level]! + 1) === h.label;
    if (listed) {
      this.wordCounters[level]! += 1;
      for (let k = level + 1; k < this.wordCounters.length; k++) this.wordCounters[k] = 0;
      this.listedHeadings.set(h.anchor, h.label);
    } else if (h.label) children.push(new TextRun({ text: `${h.label} `, style: 'HeadingLabel' }));
    children.push(...this.inline(h.text));
    // A part's heading names its kind in a hidden bookmark, so an import of this document knows the part again.
    const mark =
      h.partId && h.partKind
        ? [
            new Bookmark({
              id: partMark(h.partKind, ++this.partMarks, h.partId.startsWith('generated-')),
              children: [],
            }),
          ]
        : [];
    this.headingLevel = h.level;
    return new Paragraph({
      heading: HEADINGS[level - 1],
      pageBreakBefore: h.newPage,
      // Outside the list: a level the template numbers would otherwise get a number from the style.
      ...(listed || !this.headingsList ? {} : { numbering: false as const }),
      children: [new Bookmark({ id: h.anchor, children }), ...mark],
    });
  }

  private wordLabel(level: number, n: number): string {
    const f = this.proc.headingNumbering?.[level - 1];
    return f && f.style !== 'none' ? `${f.prefix}${formatCounter(n, f.style)}${f.suffix}` : '';
  }

  private para(p: ParaBlock): Paragraph {
    const style = p.number !== undefined ? 'NumberedParagraph' : PARA_STYLE_ID[p.style];
    // Speaker headings and statement leads are headings of a kind: one outline level below the
    // heading they sit under, so Word's navigation pane lists them.
    const outline =
      p.style === 'presentation' || p.style === 'statement-heading'
        ? { outlineLevel: Math.min(8, this.headingLevel) }
        : {};
    return new Paragraph({
      style,
      keepNext: p.keepNext,
      ...outline,
      ...(p.number !== undefined ? { numbering: { reference: PARAGRAPHS, level: 0 } } : {}),
      children: this.inline(p.content),
    });
  }

  /** A numbering definition per label format and start value; each list is an instance of it. */
  private listRef(list: ListBlock): string {
    const ref = `ol-${list.format}-${list.start}`;
    if (!this.refs.has(ref)) {
      this.refs.add(ref);
      this.numberingConfig.push({ reference: ref, levels: orderedLevels(list.format, list.start) });
    }
    return ref;
  }

  private list(list: ListBlock, instance = ++this.instance): Body[] {
    const out: Body[] = [];
    const itemStyle =
      list.role === 'highlights'
        ? 'HighlightsItem'
        : list.role === 'recommendations'
          ? 'RecommendationItem'
          : list.role === 'conclusions'
            ? 'ConclusionItem'
            : 'ListParagraph';
    const level = Math.min(8, list.depth);
    const numbering = !list.ordered
      ? { reference: BULLETS, level, instance }
      : // UN sub-paragraphs continue the paragraph numbering's own levels, (a) then (i)…
        list.subparagraphs && list.sequential && list.start === 1 && list.format === SUBPARAGRAPH_FORMATS[list.depth]
        ? { reference: PARAGRAPHS, level: Math.min(4, list.depth + 1) }
        : list.sequential
          ? { reference: this.listRef(list), level, instance }
          : null;
    const indentLeft = 567 * (level + 1);
    for (const item of list.items) {
      let first = true;
      for (const b of item.blocks) {
        if (b.kind === 'para') {
          const children = this.inline(b.content);
          if (first && numbering) out.push(new Paragraph({ style: itemStyle, numbering, children }));
          else if (first)
            out.push(
              new Paragraph({
                style: itemStyle,
                indent: { left: indentLeft, hanging: 567 },
                children: [new TextRun({ children: [item.label, new Tab()] }), ...children],
              }),
            );
          else out.push(new Paragraph({ style: itemStyle, indent: { left: indentLeft }, children }));
          first = false;
        } else if (b.kind === 'list') {
          if (first) {
            out.push(
              new Paragraph({
                style: itemStyle,
                ...(numbering ? { numbering } : {}),
                children: numbering ? [] : [new TextRun(item.label)],
              }),
            );
            first = false;
          }
          out.push(...this.list(b));
        } else {
          out.push(...this.block(b));
        }
      }
      if (first) out.push(new Paragraph({ style: itemStyle, ...(numbering ? { numbering } : {}), children: [] }));
    }
    return out;
  }

  private quote(q: QuoteBlock): Body[] {
    const style = q.variant === 'epigraph' ? 'Epigraph' : q.variant === 'statement' ? 'DelegationStatement' : 'Quote';
    const out: Body[] = [];
    if (q.lead)
      out.push(
        new Paragraph({
          style: 'DelegationStatementHeading',
          outlineLevel: Math.min(8, this.headingLevel),
          children: [new TextRun(q.lead)],
        }),
      );
    for (const b of q.blocks) {
      if (b.kind === 'para') out.push(new Paragraph({ style, children: this.inline(b.content) }));
      else out.push(...this.block(b));
    }
    if (q.attribution)
      out.push(new Paragraph({ style: 'EpigraphAttribution', children: [new TextRun(`— ${q.attribution}`)] }));
    return out;
  }

  private table(t: TableBlock): Table {
    const total = t.widths.reduce((a, w) => a + w, 0) || 1;
    const widths = t.widths.map((w) => Math.floor((w / total) * this.textWidth));
    const rows = t.rows.map(
      (row) =>
        new TableRow({
          ...rowRevision(row),
          tableHeader: row.header,
          cantSplit: true,
          children: row.cells.map(
            (c, i) =>
              new TableCell({
                columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
                rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
                width: {
                  size:
                    c.colSpan > 1
                      ? widths.slice(i, i + c.colSpan).reduce((a, w) => a + w, 0)
                      : (widths[i] ?? widths[0] ?? 1000),
                  type: WidthType.DXA,
                },
                // Borders, padding and the header row's shading come from the table style; a group row is content, shaded as such.
                shading:
                  row.group && !row.header ? { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } : undefined,
                children: this.cellBlocks(c.blocks),
              }),
          ),
        }),
    );
    return new Table({
      rows,
      layout: TableLayoutType.FIXED,
      columnWidths: widths,
      width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
      style: TABLE_STYLE_ID[t.role],
      tableLook: { firstRow: t.rows[0]?.header ?? false, noHBand: true, noVBand: true },
    });
  }

  private cellBlocks(blocks: Block[]): (Paragraph | Table)[] {
    const out = this.blocks(blocks).filter((b): b is Paragraph | Table => !(b instanceof TableOfContents));
    return out.length ? out : [new Paragraph({ style: 'TableText', children: [] })];
  }
}

function coverBlocks(cover: Cover, terms: DocumentTerms): Body[] {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const rule = { style: BorderStyle.SINGLE, size: 12, color: '000000' };
  const left = cover.issuingBodies.length ? cover.issuingBodies : [''];
  const right: Paragraph[] = [];
  if (cover.symbol) right.push(new Paragraph({ style: 'MastheadSymbol', children: [new TextRun(cover.symbol)] }));
  for (const line of [cover.distribution, cover.date, cover.original]) {
    if (line)
      right.push(new Paragraph({ style: 'Masthead', alignment: AlignmentType.RIGHT, children: [new TextRun(line)] }));
  }
  const masthead = new Table({
    layout: TableLayoutType.FIXED,
    columnWidths: [5400, 4200],
    width: { size: 9600, type: WidthType.DXA },
    borders: { top: none, left: none, right: none, insideHorizontal: none, insideVertical: none, bottom: rule },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 5400, type: WidthType.DXA },
            children: left.map((b) => new Paragraph({ style: 'MastheadBody', children: [new TextRun(b)] })),
          }),
          new TableCell({
            width: { size: 4200, type: WidthType.DXA },
            children: right.length ? right : [new Paragraph('')],
          }),
        ],
      }),
    ],
  });
  const out: Body[] = [masthead];
  if (cover.series) out.push(new Paragraph({ style: 'CoverSeries', children: [new TextRun(cover.series)] }));
  out.push(new Paragraph({ style: 'CoverTitle', children: [new TextRun(cover.title)] }));
  if (cover.subtitle) out.push(new Paragraph({ style: 'CoverSubtitle', children: [new TextRun(cover.subtitle)] }));
  if (cover.placeAndDates)
    out.push(new Paragraph({ style: 'CoverLine', children: [new TextRun(cover.placeAndDates)] }));
  // The title block's credits, in a style of their own so that an import of this file gives them back.
  for (const line of cover.lines ?? [])
    out.push(new Paragraph({ style: 'CoverCredit', children: [new TextRun(line)] }));
  if (cover.organisers.length)
    out.push(
      new Paragraph({
        style: 'CoverLine',
        spacing: { before: 480 },
        children: [new TextRun(`${terms.organisedBy} ${cover.organisers.join(', ')}`)],
      }),
    );
  return out;
}

export interface DocxOptions {
  /**
   * Page numbers in the contents are always written (estimated from the model, in
   * milliseconds). Kept for callers of the earlier option; it changes nothing.
   */
  tocPageNumbers?: boolean;
  /** Lay the whole document out with docx/layout for the contents' page numbers instead (seconds). */
  tocLayout?: boolean;
}

/** The Word document of a compiled conference. */
export function buildDocx(proc: Proceedings, opts: DocxOptions = {}): Document {
  const w = new DocxWriter(proc);
  const page = PAGE[proc.style.pageSize];
  const lang = wordLanguage(proc.language);
  const terms = documentTerms(proc.language);
  const watermark = () =>
    proc.watermark
      ? [
          new Paragraph({
            children: [new TextWatermark({ text: terms.draft, font: proc.style.headingFont, color: 'C0C0C0' })],
          }),
        ]
      : [];
  const header = () =>
    new Header({
      children: [
        new Paragraph({ style: 'Header', alignment: AlignmentType.RIGHT, children: [new TextRun(proc.runningHeader)] }),
        ...watermark(),
      ],
    });
  const footer = () =>
    new Footer({
      children: [
        new Paragraph({
          style: 'Footer',
          children: [
            new TextRun({ children: [`${terms.page} `, PageNumber.CURRENT, ` ${terms.of} `, PageNumber.TOTAL_PAGES] }),
          ],
        }),
      ],
    });
  const emptyFirst = () => new Header({ children: watermark().length ? watermark() : [new Paragraph('')] });

  const sections: ISectionOptions[] = proc.sections.map((s, i) => {
    const landscape = s.orientation === 'landscape';
    w.textWidth = (landscape ? page.height : page.width) - 2 * MARGIN;
    const children: Body[] =
      i === 0
        ? [...coverBlocks(proc.cover, terms), new Paragraph({ children: [new PageBreak()] }), ...w.blocks(s.blocks)]
        : w.blocks(s.blocks);
    return {
      properties: {
        titlePage: i === 0,
        type: i === 0 ? undefined : s.restartNotes ? SectionType.CONTINUOUS : SectionType.NEXT_PAGE,
        page: {
          size: {
            width: page.width,
            height: page.height,
            orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
        },
        ...(s.restartNotes ? { footnoteProperties: { restart: NoteNumberRestart.EACH_SECTION } } : {}),
      },
      headers: { default: header(), ...(i === 0 ? { first: emptyFirst() } : {}) },
      footers: { default: footer(), ...(i === 0 ? { first: new Footer({ children: [new Paragraph('')] }) } : {}) },
      children,
    };
  });

  const closing = w.comments.closing();
  const last = sections[sections.length - 1];
  if (closing.length && last) sections[sections.length - 1] = { ...last, children: [...last.children, ...closing] };
  const comments = w.comments.options();
  const doc = new Document({
    ...(comments ? { comments } : {}),
    title: proc.cover.title,
    subject: proc.cover.subtitle || proc.cover.placeAndDates,
    description: [proc.cover.symbol, proc.cover.placeAndDates].filter(Boolean).join(' — '),
    keywords: proc.cover.symbol,
    creator: coreProperties(proc, lang).author,
    lastModifiedBy: coreProperties(proc, lang).author,
    // Justified lines that end in a manual line break are not stretched across the line.
    compatibility: { doNotExpandShiftReturn: true },
    customProperties: [
      { name: 'Symbol', value: proc.cover.symbol || '—' },
      { name: 'Language', value: lang },
      { name: 'Template', value: proc.templateId },
    ],
    styles: buildStyles(proc.style, lang, proc.headingNumbering),
    numbering: w.numbering,
    features: { updateFields: false },
    // Page numbers in the contents on opening: estimated from the model in milliseconds, or laid out
    // by docx/layout (seconds) when asked for (tocLayout).
    pageNumbers: opts.tocLayout
      ? estimatePageNumbers
      : modelPageNumbers(
          proc,
          { widthPt: (page.width - 2 * MARGIN) / 20, heightPt: (page.height - 2 * MARGIN) / 20 },
          w.listedHeadings,
        ),
    sections,
  });
  // The docx package writes no table styles, and styles given as imported replace its defaults (document
  // defaults, headings): the table styles are added to its style sheet instead.
  for (const style of tableStyles()) doc.Styles.addChildElement(style);
  return doc;
}

/** The .docx file's bytes, with the conference's own document properties. */
export async function docxBytes(proc: Proceedings, opts: DocxOptions = {}): Promise<Uint8Array> {
  const core = coreXml(coreProperties(proc, wordLanguage(proc.language)));
  return Packer.pack(buildDocx(proc, opts), 'uint8array', false, [{ path: 'docProps/core.xml', data: core }]);
}
