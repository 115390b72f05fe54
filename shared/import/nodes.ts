/**
 * Builders for the serialized node shapes of shared/model/doc-nodes.ts. The importer
 * writes documents only through these, so its output matches what the editor and the
 * compile step read.
 */
import type {
  CommentatorJSON,
  DocJSON,
  DocNode,
  EpigraphJSON,
  FigureJSON,
  FootnoteJSON,
  HeadingJSON,
  LinkJSON,
  ListItemJSON,
  ListJSON,
  ListRole,
  ModeratorJSON,
  NumberFormat,
  ParagraphJSON,
  PersonRefJSON,
  PresentationJSON,
  QuoteJSON,
  RunInJSON,
  TableCellJSON,
  TableJSON,
  TableRowJSON,
  TextNodeJSON,
  DelegationStatementJSON,
} from '../model/doc-nodes';
import type { LexicalDoc } from '../model/conference';

const el = { direction: 'ltr' as const, format: '', indent: 0, version: 1 };

export const text = (t: string, format = 0): TextNodeJSON => ({
  type: 'text',
  text: t,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
});

/** Lexical 0.52 writes a paragraph's text format and style even when empty. */
export const paragraph = (children: DocNode[]): ParagraphJSON => ({
  type: 'paragraph',
  ...el,
  textFormat: 0,
  textStyle: '',
  children,
});

/** Heading inside a part; level 1..4 is the logical level within the part. */
export const heading = (level: number, children: DocNode[]): HeadingJSON => ({
  type: 'heading',
  tag: `h${Math.min(4, Math.max(1, level))}` as HeadingJSON['tag'],
  ...el,
  children,
});

export const quote = (children: DocNode[]): QuoteJSON => ({ type: 'quote', ...el, children });

export const link = (url: string, children: DocNode[]): LinkJSON => ({
  type: 'link',
  url,
  ...el,
  rel: null,
  target: null,
  title: null,
  children,
});

/** A note; `children` when it has italics, bold or links to keep (its runs), `t` its plain text. */
export const footnote = (t: string, children?: DocNode[]): FootnoteJSON => ({
  type: 'footnote',
  text: t,
  version: 1,
  ...(children?.length ? { children } : {}),
});

export const personRef = (participantId: string, name: string): PersonRefJSON => ({
  type: 'person-ref',
  participantId,
  name,
  version: 1,
});

export interface ListItemInput {
  children: DocNode[];
  value?: number;
  explicit?: boolean;
  addressee?: string;
  theme?: string;
  /** Lexical's holder of a nested list: an item whose only child is the list; it takes no number. */
  nestedOnly?: boolean;
}

/** `depth`: how deep the list is nested (Lexical writes it as its items' indent). */
export function list(
  ordered: boolean,
  items: ListItemInput[],
  opts: { numberFormat?: NumberFormat; role?: ListRole; start?: number; depth?: number } = {},
): ListJSON {
  const start = opts.start ?? items[0]?.value ?? 1;
  const $: NonNullable<ListJSON['$']> = {};
  if (opts.numberFormat) $.numberFormat = opts.numberFormat;
  if (opts.role && opts.role !== 'plain') $.role = opts.role;
  return {
    type: 'list',
    listType: ordered ? 'number' : 'bullet',
    tag: ordered ? 'ol' : 'ul',
    start,
    ...el,
    ...(Object.keys($).length ? { $ } : {}),
    children: numbered(items, start).map(([it, v]) => listItem(it, v, opts.depth ?? 0)),
  };
}

/** Values as Lexical computes them: from `start`, explicit values kept; a holder of a nested list takes the next value. */
function numbered(items: ListItemInput[], start: number): [ListItemInput, number][] {
  let next = start;
  return items.map((it) => {
    if (it.nestedOnly) return [it, next];
    const v = it.value ?? next;
    next = v + 1;
    return [it, v];
  });
}

function listItem(it: ListItemInput, value: number, indent: number): ListItemJSON {
  const $: NonNullable<ListItemJSON['$']> = {};
  if (it.addressee) $.addressee = it.addressee;
  if (it.theme) $.theme = it.theme;
  if (it.explicit) $.explicitValue = true;
  return { type: 'listitem', value, ...el, indent, ...(Object.keys($).length ? { $ } : {}), children: it.children };
}

export const presentation = (speakerIds: string[], names: string[], children: DocNode[]): PresentationJSON => ({
  type: 'presentation',
  speakerIds,
  names,
  ...el,
  children,
});
export const commentator = (speakerIds: string[], names: string[], children: DocNode[]): CommentatorJSON => ({
  type: 'commentator',
  speakerIds,
  names,
  ...el,
  children,
});
export const moderator = (speakerIds: string[], names: string[], children: DocNode[]): ModeratorJSON => ({
  type: 'moderator',
  speakerIds,
  names,
  ...el,
  children,
});
export const epigraph = (children: DocNode[], attribution = ''): EpigraphJSON => ({
  type: 'epigraph',
  attribution,
  ...el,
  children,
});
export const delegationStatement = (delegation: string, children: DocNode[]): DelegationStatementJSON => ({
  type: 'delegation-statement',
  delegation,
  ...el,
  children,
});
export const runIn = (label: string, children: DocNode[]): RunInJSON => ({ type: 'run-in', label, ...el, children });
export const figure = (caption: string, source: string): FigureJSON => ({
  type: 'figure',
  src: '',
  caption,
  source,
  alt: caption,
  version: 1,
});

export function table(rows: DocNode[][][], headerRow: boolean): TableJSON {
  return {
    type: 'table',
    ...el,
    children: rows.map(
      (cells, r): TableRowJSON => ({
        type: 'tablerow',
        ...el,
        children: cells.map(
          (content): TableCellJSON => ({
            type: 'tablecell',
            headerState: headerRow && r === 0 ? 1 : 0,
            colSpan: 1,
            rowSpan: 1,
            backgroundColor: null,
            ...el,
            children: [paragraph(content)],
          }),
        ),
      }),
    ),
  };
}

export function doc(children: DocNode[]): LexicalDoc {
  const d: DocJSON = { root: { type: 'root', ...el, direction: null, children } };
  return d as unknown as LexicalDoc;
}
