/**
 * Two compiled proceedings (a snapshot's and the current conference's) → the current
 * proceedings with every difference as a revision, for the Word writer: kept blocks
 * as they are, changed paragraphs word by word, deleted blocks put back in their place
 * marked deleted. Lists are compared item by item, tables row by row and cell by
 * cell, notes word by word inside the note. Pure.
 */
import type {
  Block,
  FigureBlock,
  HeadingBlock,
  Inline,
  LinkRun,
  ListBlock,
  ListItem,
  NoteRef,
  ParaBlock,
  Proceedings,
  QuoteBlock,
  Section,
  TableBlock,
  TableRow,
  TextRun,
} from '../compile/model';
import {
  type RevisedFigure,
  type RevisedNote,
  type RevisedRow,
  type RevisedText,
  type Revision,
  RevisionIds,
} from './revision-model';
import { alignBlocks, type Aligned, diffTokens, similarity, splitWords } from './word-diff';
import { REVIEW_MESSAGES as M } from './messages';
import { type CataloguedNote, noteText } from '../i18n/export-notes';

export interface TrackChangesInput {
  /** The snapshot's proceedings (what Reject All gives back). */
  before: Proceedings;
  /** The current proceedings (what Accept All gives). */
  after: Proceedings;
  snapshotName: string;
  author: string;
  /** ISO date of the revisions. */
  date: string;
}

export interface TrackChangesResult {
  proceedings: Proceedings;
  /** Changed places: paragraphs, items, rows and notes with at least one revision. */
  changes: number;
}

// ---- plain text and keys ------------------------------------------------------------

function inlineText(content: Inline[]): string {
  return content
    .map((r) =>
      r.kind === 'text' ? r.text : r.kind === 'link' ? inlineText(r.children) : r.kind === 'break' ? '\n' : '',
    )
    .join('');
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return inlineText(b.text);
    case 'para':
      return inlineText(b.content);
    case 'list':
      return b.items.map((it) => it.blocks.map(blockText).join('\n')).join('\n');
    case 'table':
      return b.rows.map(rowText).join('\n');
    case 'quote':
      return [b.lead ?? '', ...b.blocks.map(blockText), b.attribution ?? ''].join('\n');
    case 'figure':
      return `${b.caption}\n${b.source}`;
    default:
      return '';
  }
}
const rowText = (r: TableRow) => r.cells.map((c) => c.blocks.map(blockText).join('\n')).join('\t');

const fmtKey = (r: TextRun) =>
  `${r.bold ? 'b' : ''}${r.italic ? 'i' : ''}${r.underline ? 'u' : ''}${r.strike ? 's' : ''}${r.sup ? '^' : ''}${r.sub ? '_' : ''}${r.charStyle ?? ''}`;

function inlineKey(content: Inline[]): string {
  return content
    .map((r) => {
      switch (r.kind) {
        case 'text':
          return `${fmtKey(r)}:${r.text}`;
        case 'link':
          return `[${r.url}|${inlineKey(r.children)}]`;
        case 'note':
          return `{${r.text}}`;
        case 'break':
          return '\n';
      }
    })
    .join('\u0001');
}

const keys = new WeakMap<object, string>();
/** What makes two blocks the same (numbers, labels and anchors aside: they follow from the order). */
function blockKey(b: Block): string {
  const cached = keys.get(b);
  if (cached !== undefined) return cached;
  let k: string;
  switch (b.kind) {
    case 'heading':
      k = `h${b.level}|${inlineKey(b.text)}`;
      break;
    case 'para':
      k = `p${b.style}|${inlineKey(b.content)}`;
      break;
    case 'list':
      k = `l${b.ordered}${b.format}${b.role}|${b.items.map(itemKey).join('\u0002')}`;
      break;
    case 'table':
      k = `t${b.columns}|${b.rows.map(rowKey).join('\u0002')}`;
      break;
    case 'quote':
      k = `q${b.variant}|${b.lead ?? ''}|${b.blocks.map(blockKey).join('\u0002')}|${b.attribution ?? ''}`;
      break;
    case 'figure':
      k = `f|${b.src.length}|${b.src.slice(-64)}|${b.caption}|${b.source}|${b.alt}`;
      break;
    default:
      k = b.kind;
  }
  keys.set(b, k);
  return k;
}
const itemKey = (it: ListItem) => it.blocks.map(blockKey).join('\u0003');
const rowKey = (r: TableRow) =>
  `${r.header ? 'H' : ''}${r.group ? 'G' : ''}|${r.cells.map((c) => `${c.colSpan}.${c.rowSpan}:${c.blocks.map(blockKey).join('\u0003')}`).join('\u0004')}`;

const alikeBlocks = (a: Block, b: Block) =>
  a.kind !== b.kind
    ? -1
    : a.kind === 'heading' && b.kind === 'heading' && a.level !== b.level
      ? -1
      : similarity(blockText(a), blockText(b));

// ---- the diff ---------------------------------------------------------------------------

class Tracker {
  changes = 0;
  /** Notes by their words in English, so the same note is given once. */
  private readonly noted = new Map<string, CataloguedNote>();

  get notes(): CataloguedNote[] {
    return [...this.noted.values()];
  }

  note(n: CataloguedNote): void {
    this.noted.set(noteText(n, 'en'), n);
  }

  constructor(private readonly ids: RevisionIds) {}

  private rev(type: Revision['type']): Revision {
    return this.ids.make(type);
  }

  // ---- inline ----

  /** Every run of an inline sequence marked with one kind of revision; line breaks become marked text. */
  private markInlines(content: Inline[], type: Revision['type']): Inline[] {
    return content.map((r): Inline => {
      switch (r.kind) {
        case 'text':
          return { ...r, revision: this.rev(type) } as RevisedText;
        case 'link':
          return { ...r, children: r.children.map((c) => ({ ...c, revision: this.rev(type) }) as RevisedText) };
        case 'note':
          return { ...r, revision: this.rev(type) } as RevisedNote;
        case 'break':
          return { kind: 'text', text: '\n', revision: this.rev(type) } as RevisedText;
      }
    });
  }

  private mark(type: Revision['type']): RevisedText {
    return { kind: 'text', text: '', revision: this.rev(type), paragraphMark: true };
  }

  /** Word-level differences of two inline sequences, formatting, links and notes kept. */
  diffInlines(before: Inline[], after: Inline[]): { content: Inline[]; changed: boolean } {
    type Tok = { key: string; run: Inline; text: string; link?: LinkRun };
    const tokens = (content: Inline[]): Tok[] =>
      content.flatMap((r): Tok[] => {
        switch (r.kind) {
          case 'text':
            return splitWords(r.text).map((w) => ({ key: `${fmtKey(r)}:${w}`, run: r, text: w }));
          case 'link':
            return r.children.flatMap((c) =>
              splitWords(c.text).map((w) => ({
                key: `[${r.url}]${fmtKey(c)}:${w}`,
                run: c as Inline,
                text: w,
                link: r,
              })),
            );
          // Notes align by place: a note whose words changed is compared inside the note.
          case 'note':
            return [{ key: '\u0005note', run: r, text: '' }];
          case 'break':
            return [{ key: '\n', run: r, text: '' }];
        }
      });
    const a = tokens(before);
    const b = tokens(after);
    const out: Inline[] = [];
    let changed = false;
    const push = (t: Tok, type: Revision['type'] | undefined) => {
      const run = t.run;
      if (run.kind === 'note' || run.kind === 'break') {
        out.push(type ? this.markInlines([run], type)[0]! : run);
        return;
      }
      const text = run as TextRun;
      const piece: RevisedText = { ...text, text: t.text };
      const last = out[out.length - 1];
      const target = t.link
        ? (last?.kind === 'link' && last.url === t.link.url
            ? last
            : (() => {
                const l: LinkRun = { kind: 'link', url: t.link.url, children: [] };
                out.push(l);
                return l;
              })()
          ).children
        : out;
      const prev = target[target.length - 1] as RevisedText | undefined;
      if (prev && prev.kind === 'text' && prev.revision?.type === type && fmtKey(prev) === fmtKey(piece))
        prev.text += piece.text;
      else target.push(type ? { ...piece, revision: this.rev(type) } : piece);
    };
    for (const c of diffTokens(
      a.map((t) => t.key),
      b.map((t) => t.key),
    )) {
      if (c.op === 'eq') {
        const t = b[c.newIndex]!;
        const old = a[c.oldIndex]!;
        if (t.run.kind === 'note' && old.run.kind === 'note' && t.run.text !== old.run.text) {
          out.push(this.diffNote(old.run, t.run));
          changed = true;
        } else push(t, undefined);
      } else {
        changed = true;
        push(c.op === 'del' ? a[c.oldIndex]! : b[c.newIndex]!, c.op);
      }
    }
    return { content: out, changed };
  }

  private diffNote(before: NoteRef, after: NoteRef): RevisedNote {
    const { content } = this.diffInlines([{ kind: 'text', text: before.text }], [{ kind: 'text', text: after.text }]);
    return { ...after, revisedText: content as RevisedText[] };
  }

  // ---- blocks ----

  /** A block inserted or deleted whole: every run and paragraph end marked. */
  markBlock(b: Block, type: Revision['type']): Block[] {
    switch (b.kind) {
      case 'heading': {
        const label = b.label ? this.markInlines([{ kind: 'text', text: `${b.label} ` }], type) : [];
        return [
          {
            ...b,
            label: '',
            anchor: type === 'del' ? `deleted-${b.anchor}` : b.anchor,
            text: [...label, ...this.markInlines(b.text, type), this.mark(type)],
          },
        ];
      }
      case 'para':
        return [{ ...b, content: [...this.markInlines(b.content, type), this.mark(type)] }];
      case 'list':
        return [{ ...b, items: b.items.map((it) => this.markItem(it, type)) }];
      case 'table':
        return [{ ...b, rows: b.rows.map((r) => this.markRow(r, type)) }];
      case 'quote': {
        const { lead, quote, attribution } = splitQuote(b);
        return [
          ...(lead ? this.markBlock(lead, type) : []),
          { ...quote, blocks: quote.blocks.flatMap((x) => this.markBlock(x, type)) },
          ...(attribution ? this.markBlock(attribution, type) : []),
        ];
      }
      case 'figure': {
        const runs = (text: string) =>
          text ? (this.markInlines([{ kind: 'text', text }], type) as RevisedText[]) : [];
        const figure: RevisedFigure = {
          ...b,
          revision: this.rev(type),
          captionRuns: runs(b.caption),
          sourceRuns: runs(b.source),
        };
        return [figure];
      }
      case 'page-break':
        return type === 'ins' ? [b] : [];
      case 'toc':
        return type === 'ins' ? [b] : [];
    }
  }

  private markItem(it: ListItem, type: Revision['type']): ListItem {
    return { ...it, blocks: it.blocks.flatMap((x) => this.markBlock(x, type)) };
  }

  private markRow(r: TableRow, type: Revision['type']): RevisedRow {
    return {
      ...r,
      revision: this.rev(type),
      cells: r.cells.map((c) => ({ ...c, blocks: c.blocks.flatMap((x) => this.markBlock(x, type)) })),
    };
  }

  /** Aligns two block sequences and marks what differs. */
  diffBlocks(before: Block[], after: Block[]): Block[] {
    return this.alignAndMark(before, after).map((x) => x.block);
  }

  /** Like diffBlocks, saying where each block came from (top level: to place deleted blocks in sections). */
  alignAndMark(before: Block[], after: Block[]): { block: Block; newIndex: number }[] {
    const out: { block: Block; newIndex: number }[] = [];
    const aligned = alignBlocks(before, after, blockKey, alikeBlocks);
    this.noteKindChanges(aligned);
    for (const a of aligned) {
      if (a.op === 'eq') out.push({ block: this.relabel(a.old, a.cur), newIndex: a.newIndex });
      else if (a.op === 'changed')
        out.push(...this.changedBlock(a.old, a.cur).map((block) => ({ block, newIndex: a.newIndex })));
      else if (a.op === 'del') {
        this.changes++;
        out.push(...this.markBlock(a.old, 'del').map((block) => ({ block, newIndex: -1 })));
      } else {
        this.changes++;
        out.push(...this.markBlock(a.cur, 'ins').map((block) => ({ block, newIndex: a.newIndex })));
      }
    }
    return out;
  }

  /**
   * A block that became another kind (a paragraph made a list item, a list a table) can
   * only be marked whole, deleted and inserted again: the export says so.
   */
  private noteKindChanges(aligned: Aligned<Block>[]): void {
    let gap: Aligned<Block>[] = [];
    const flush = () => {
      for (const d of gap) {
        if (d.op !== 'del') continue;
        const twin = gap.find(
          (x) => x.op === 'ins' && x.cur.kind !== d.old.kind && similarity(blockText(d.old), blockText(x.cur)) >= 0.6,
        );
        if (twin && twin.op === 'ins')
          this.note(M.kindChanged(excerpt(blockText(twin.cur)), d.old.kind, twin.cur.kind));
      }
      gap = [];
    };
    for (const a of aligned) {
      if (a.op === 'del' || a.op === 'ins') gap.push(a);
      else flush();
    }
    flush();
  }

  /** A heading whose label moved ("B." became "C.") carries the change in its text. */
  private relabel(before: Block, after: Block): Block {
    if (before.kind !== 'heading' || after.kind !== 'heading' || before.label === after.label) return after;
    return { ...after, label: '', text: [...this.labelChange(before.label, after.label), ...after.text] };
  }

  private labelChange(before: string, after: string): Inline[] {
    return [
      ...(before ? this.markInlines([{ kind: 'text', text: `${before} ` }], 'del') : []),
      ...(after ? this.markInlines([{ kind: 'text', text: `${after} ` }], 'ins') : []),
    ];
  }

  private changedBlock(before: Block, after: Block): Block[] {
    this.changes++;
    if (before.kind === 'para' && after.kind === 'para') return [this.changedPara(before, after)];
    if (before.kind === 'heading' && after.kind === 'heading') return [this.changedHeading(before, after)];
    if (before.kind === 'list' && after.kind === 'list') return [this.changedList(before, after)];
    if (before.kind === 'table' && after.kind === 'table') return this.changedTable(before, after);
    if (before.kind === 'quote' && after.kind === 'quote') return this.changedQuote(before, after);
    if (before.kind === 'figure' && after.kind === 'figure') return this.changedFigure(before, after);
    return [...this.markBlock(before, 'del'), ...this.markBlock(after, 'ins')];
  }

  private changedPara(before: ParaBlock, after: ParaBlock): ParaBlock {
    if (before.style !== after.style) this.note(M.styleChanged(excerpt(inlineText(after.content))));
    return { ...after, content: this.diffInlines(before.content, after.content).content };
  }

  private changedHeading(before: HeadingBlock, after: HeadingBlock): HeadingBlock {
    const label = before.label === after.label ? [] : this.labelChange(before.label, after.label);
    return {
      ...after,
      label: label.length ? '' : after.label,
      text: [...label, ...this.diffInlines(before.text, after.text).content],
    };
  }

  private changedList(before: ListBlock, after: ListBlock): ListBlock {
    if (before.ordered !== after.ordered || before.format !== after.format)
      this.note(M.listFormatChanged(excerpt(blockText(after))));
    const items: ListItem[] = [];
    for (const a of alignBlocks(before.items, after.items, itemKey, (x, y) =>
      similarity(x.blocks.map(blockText).join('\n'), y.blocks.map(blockText).join('\n')),
    )) {
      if (a.op === 'eq') items.push(a.cur);
      else if (a.op === 'changed') items.push({ ...a.cur, blocks: this.diffBlocks(a.old.blocks, a.cur.blocks) });
      else items.push(this.markItem(a.op === 'del' ? a.old : a.cur, a.op));
    }
    return { ...after, items };
  }

  private changedTable(before: TableBlock, after: TableBlock): Block[] {
    if (before.columns !== after.columns) {
      // Word cannot track a change of columns: the old table goes, the new one comes.
      this.note(M.tableColumnsChanged(excerpt(rowText(after.rows[0] ?? { cells: [], header: false }))));
      return [...this.markBlock(before, 'del'), ...this.markBlock(after, 'ins')];
    }
    const rows: TableRow[] = [];
    const sameShape = (x: TableRow, y: TableRow) =>
      x.cells.length === y.cells.length &&
      x.cells.every((c, i) => c.colSpan === y.cells[i]!.colSpan && c.rowSpan === y.cells[i]!.rowSpan);
    for (const a of alignBlocks(
      before.rows,
      after.rows,
      rowKey,
      (x, y) => (sameShape(x, y) ? similarity(rowText(x), rowText(y)) : -1),
      0.3,
    )) {
      if (a.op === 'eq') rows.push(a.cur);
      else if (a.op === 'changed')
        rows.push({
          ...a.cur,
          cells: a.cur.cells.map((c, i) => ({ ...c, blocks: this.diffBlocks(a.old.cells[i]!.blocks, c.blocks) })),
        });
      else rows.push(this.markRow(a.op === 'del' ? a.old : a.cur, a.op));
    }
    return [{ ...after, rows }];
  }

  private changedQuote(before: QuoteBlock, after: QuoteBlock): Block[] {
    if ((before.lead ?? '') === (after.lead ?? '') && (before.attribution ?? '') === (after.attribution ?? '')) {
      return [{ ...after, blocks: this.diffBlocks(before.blocks, after.blocks) }];
    }
    // A changed lead or attribution is compared as the paragraphs it is written as.
    const a = splitQuote(before);
    const b = splitQuote(after);
    const pair = (x: ParaBlock | null, y: ParaBlock | null): Block[] =>
      x && y ? [this.changedPara(x, y)] : x ? this.markBlock(x, 'del') : y ? this.markBlock(y, 'ins') : [];
    return [
      ...pair(a.lead, b.lead),
      { ...b.quote, blocks: this.diffBlocks(a.quote.blocks, b.quote.blocks) },
      ...pair(a.attribution, b.attribution),
    ];
  }

  /** The same picture with other words is marked word by word; another picture replaces the old one. */
  private changedFigure(before: FigureBlock, after: FigureBlock): Block[] {
    if (before.src !== after.src) return [...this.markBlock(before, 'del'), ...this.markBlock(after, 'ins')];
    const words = (a: string, b: string) =>
      this.diffInlines(a ? [{ kind: 'text', text: a }] : [], b ? [{ kind: 'text', text: b }] : [])
        .content as RevisedText[];
    const figure: RevisedFigure = {
      ...after,
      captionRuns: words(before.caption, after.caption),
      sourceRuns: words(before.source, after.source),
    };
    return [figure];
  }
}

/**
 * A quotation's lead line and attribution as the paragraphs the Word writer makes of them
 * (same styles, "— " before the attribution), so that they can carry revisions.
 */
function splitQuote(q: QuoteBlock): { lead: ParaBlock | null; quote: QuoteBlock; attribution: ParaBlock | null } {
  const para = (style: ParaBlock['style'], text: string): ParaBlock => ({
    kind: 'para',
    style,
    content: [{ kind: 'text', text }],
  });
  const { lead, attribution, ...rest } = q;
  return {
    lead: lead ? para('statement-heading', lead) : null,
    quote: rest,
    attribution: attribution ? para('attribution', `— ${attribution}`) : null,
  };
}

const excerpt = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
};

/** The current proceedings with every difference from the snapshot's as a Word revision. */
export function trackChanges(input: TrackChangesInput): TrackChangesResult {
  const { before, after } = input;
  const t = new Tracker(new RevisionIds(input.author, input.date));
  const flat = (p: Proceedings) => p.sections.flatMap((s, si) => s.blocks.map((block) => ({ block, si })));
  const oldFlat = flat(before);
  const newFlat = flat(after);
  const aligned = t.alignAndMark(
    oldFlat.map((x) => x.block),
    newFlat.map((x) => x.block),
  );

  // Blocks go to the section of the current block they stand for; deleted ones to the next block's.
  const sections: Section[] = after.sections.map((s) => ({ ...s, blocks: [] }));
  let pending: Block[] = [];
  for (const { block, newIndex } of aligned) {
    if (newIndex < 0) {
      pending.push(block);
      continue;
    }
    const target = sections[newFlat[newIndex]!.si]!;
    target.blocks.push(...pending, block);
    pending = [];
  }
  if (pending.length) sections[sections.length - 1]!.blocks.push(...pending);

  const notes = [...after.notes];
  notes.push(t.changes ? M.summary(input.snapshotName, t.changes) : M.noChanges(input.snapshotName));
  if (JSON.stringify(before.cover) !== JSON.stringify({ ...after.cover, date: before.cover.date }))
    notes.push(M.coverChanged);
  notes.push(...t.notes);
  return { proceedings: { ...after, sections, notes }, changes: t.changes };
}
