/**
 * Word revisions (tracked changes) for the DOCX writer: inserted and deleted runs
 * (w:ins, w:del), inserted and deleted paragraph ends, table rows and note references.
 * The writer calls these hooks; each returns null for a model without revisions, so
 * ordinary exports are written exactly as before. The revisions themselves come from
 * shared/review (the proceedings compared with a snapshot's).
 */
import {
  AlignmentType,
  BuilderElement,
  DeletedTextRun,
  EndnoteReferenceRun,
  FootnoteReferenceRun,
  ImageRun,
  InsertedTextRun,
  Paragraph,
  type ParagraphChild,
  type IRunOptions,
  Tab,
  Table,
  TableOfContents,
  TextRun,
} from 'docx';
import type { Block, NoteRef, TableRow, TextRun as ModelText } from '../../compile/model';
import type { RevisedFigure, RevisedNote, RevisedRow, RevisedText, Revision } from '../../review/revision-model';
import { decodeDataUrl, fitInto } from '../image';

const attrs = (r: Revision) => ({ id: r.id, author: r.author, date: r.date });

/** Formatting of a run as the writer computed it (no text, no children). */
type RunFormat = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** A run's text as Word children: tabs are elements, not characters. */
const textChildren = (s: string) =>
  s
    .split('\t')
    .flatMap((piece, i) => (i === 0 ? [piece] : [new Tab(), piece]))
    .filter((c) => c !== '');

/** Marks the end of its paragraph as inserted or deleted; writes nothing itself. */
class ParagraphMarkCarrier extends InsertedTextRun {
  constructor(readonly revision: Revision) {
    super({ ...attrs(revision) });
  }

  override prepForXml(): undefined {
    return undefined;
  }
}

/** The run of a revised text as w:ins/w:del runs (line breaks kept), or null for an ordinary run. */
export function revisedRun(r: ModelText, format: RunFormat): ParagraphChild[] | null {
  const rev = (r as RevisedText).revision;
  if (!rev) return null;
  if ((r as RevisedText).paragraphMark) return [new ParagraphMarkCarrier(rev)];
  return r.text.split('\n').map((line, i) => {
    const opts = { ...format, ...attrs(rev), ...(i > 0 ? { break: 1 } : {}), children: textChildren(line) };
    return rev.type === 'ins' ? new InsertedTextRun(opts) : new DeletedTextRun(opts);
  });
}

/** A note reference that was inserted, deleted, or whose words changed; null for an unchanged note. */
export function revisedNote(r: NoteRef, mode: 'footnotes' | 'endnotes'): ParagraphChild | null {
  const note = r as RevisedNote;
  if (!note.revision && !note.revisedText) return null;
  const runs: RevisedText[] = note.revisedText ?? [{ kind: 'text', text: r.text, revision: note.revision }];
  const children = runs.flatMap((t) => revisedRun(t, {}) ?? [new TextRun({ children: textChildren(t.text) })]);
  const content = {
    children: [new Paragraph({ style: mode === 'endnotes' ? 'EndnoteText' : 'FootnoteText', children })],
  };
  const ref = mode === 'endnotes' ? new EndnoteReferenceRun(content) : new FootnoteReferenceRun(content);
  if (!note.revision) return ref;
  // docx has no typed w:ins/w:del around a note reference; the element is the one Word writes.
  const wrapper = new BuilderElement({
    name: note.revision.type === 'ins' ? 'w:ins' : 'w:del',
    attributes: {
      id: { key: 'w:id', value: note.revision.id },
      author: { key: 'w:author', value: note.revision.author },
      date: { key: 'w:date', value: note.revision.date },
    },
    children: [ref],
  });
  return wrapper as unknown as ParagraphChild;
}

/** Row options for an inserted or deleted table row. */
export function rowRevision(row: TableRow): {
  insertion?: ReturnType<typeof attrs>;
  deletion?: ReturnType<typeof attrs>;
} {
  const rev = (row as RevisedRow).revision;
  if (!rev) return {};
  return rev.type === 'ins' ? { insertion: attrs(rev) } : { deletion: attrs(rev) };
}

type Body = Paragraph | Table | TableOfContents;

function carrierIn(children: readonly unknown[] | undefined): Revision | null {
  for (const c of children ?? []) {
    if (c instanceof ParagraphMarkCarrier) return c.revision;
    // A heading's runs sit inside its bookmark.
    const nested = (c as { children?: readonly unknown[] } | null)?.children;
    if (Array.isArray(nested)) {
      const found = carrierIn(nested);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Paragraphs whose end was inserted or deleted get the mark Word keeps in the
 * paragraph's run properties, so accepting or rejecting removes the paragraph itself,
 * not only its words. Other paragraphs are returned as they are.
 */
export function markParagraphEnds(body: Body[]): Body[] {
  return body.map((b) => {
    if (!(b instanceof Paragraph) || typeof b.options === 'string') return b;
    const rev = carrierIn(b.options.children as readonly unknown[] | undefined);
    if (!rev) return b;
    const mark = rev.type === 'ins' ? { insertion: attrs(rev) } : { deletion: attrs(rev) };
    return new Paragraph({ ...b.options, run: { ...b.options.run, ...mark } });
  });
}

/** A line break, inserted or deleted with its figure. */
const lineBreak = (rev: Revision | undefined): ParagraphChild =>
  !rev
    ? new TextRun({ break: 1 })
    : rev.type === 'ins'
      ? new InsertedTextRun({ ...attrs(rev), break: 1 })
      : new DeletedTextRun({ ...attrs(rev), break: 1 });

/** Runs of a revised string: marked where marked, plain elsewhere. */
const runsOf = (runs: RevisedText[], format: RunFormat = {}): ParagraphChild[] =>
  runs.flatMap((t) => revisedRun(t, format) ?? [new TextRun({ ...format, children: textChildren(t.text) })]);

/**
 * A figure with revisions, laid out as the writer lays out figures (label and caption,
 * picture, source), its picture and paragraph ends marked when the whole figure was
 * inserted or deleted, its caption and source word by word. Null for other blocks.
 */
export function revisedFigure(b: Block): Body[] | null {
  if (b.kind !== 'figure') return null;
  const f = b as RevisedFigure;
  if (!f.revision && !f.captionRuns && !f.sourceRuns) return null;
  const rev = f.revision;
  const mark = rev ? { run: rev.type === 'ins' ? { insertion: attrs(rev) } : { deletion: attrs(rev) } } : {};
  const whole = (text: string, format: RunFormat = {}): ParagraphChild[] =>
    runsOf([{ kind: 'text', text, ...(rev ? { revision: rev } : {}) }], format);
  const caption = f.captionRuns ?? [{ kind: 'text' as const, text: f.caption }];
  const source = f.sourceRuns ?? [{ kind: 'text' as const, text: f.source }];
  const hasCaption = caption.some((r) => r.text);
  const hasSource = source.some((r) => r.text);
  const out: Body[] = [
    new Paragraph({
      style: 'Caption',
      ...mark,
      children: [...whole(`Figure ${f.number}`), ...(hasCaption ? [lineBreak(rev), ...runsOf(caption)] : [])],
    }),
  ];
  const img = decodeDataUrl(f.src);
  if (img) {
    const size = fitInto(img.width, img.height, 450, 350);
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: hasSource,
        ...mark,
        children: [
          new ImageRun({
            type: img.type,
            data: img.bytes,
            transformation: size,
            altText: { name: `Figure ${f.number}`, description: f.alt || f.caption, title: f.caption },
            ...(rev ? (rev.type === 'ins' ? { insertion: attrs(rev) } : { deletion: attrs(rev) }) : {}),
          }),
        ],
      }),
    );
  }
  if (hasSource)
    out.push(
      new Paragraph({
        style: 'FigureSource',
        ...mark,
        children: [...whole('Source: ', { italics: true }), ...runsOf(source)],
      }),
    );
  return out;
}
