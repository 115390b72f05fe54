import type { CompileContext } from './context';
import { childrenOf, inlines, isBlank, plainOf, str, type RawNode } from './inline';
import { BlockLetters } from '../elements/attributed';
import { isNoted, notedSurnames, opensWithNote } from '../elements/attribution';
import { listFormat, listRoleOf } from '../elements/list';
import { listLabel } from '../elements/number-formats';
import type { Block, HeadingBlock, Inline, ListBlock, ListFormat, ListItem, ParaBlock, TableBlock, TableRow } from './model';

/** What block conversion needs from the outline being built (heading numbers, the current path). */
export interface OutlineCursor {
  /** A heading inside a part's document, of tag level `tag` (h1 = 1). */
  docHeading(tag: number, text: Inline[]): HeadingBlock;
  /** Numbering path of the current position ("3.c") for recommendation numbers. */
  recommendationPrefix(): string;
  /** Titles of the current headings, outermost first. */
  themePath(): string[];
  /** The generated table of recommendations, wherever a document asks for it. */
  recommendationsTable(): TableBlock;
}

export interface BlockOptions {
  /** Top-level paragraphs get UN paragraph numbers. */
  numberParagraphs: boolean;
  nextParagraphNumber: () => number;
  /** The programme's item for this part: its moderator and speakers stand in for blocks that name no one. */
  programme?: { moderatorId: string | null; speakerIds: string[] } | undefined;
}

/** Whether raw inline nodes hold any visible text (checked before converting, so no footnote is numbered twice). */
const hasText = (nodes: RawNode[]): boolean =>
  nodes.some((k) => (typeof k.text === 'string' && k.type !== 'footnote' && k.text.trim() !== '') || (k.type === 'person-ref' && str(k.name).trim() !== '') || hasText(childrenOf(k)));

const MODERATOR_UNSET = 'A moderator line names no one, and the programme gives no moderator for its part; it was left out.';

const INLINE_TYPES = new Set(['text', 'linebreak', 'tab', 'footnote', 'note-ref', 'person-ref', 'link', 'autolink']);

/** Converts a part's document (or any element's block children) into model blocks. */
export class BlockConverter {
  private readonly letters = new BlockLetters();
  /** Presentations met so far in this part: the n-th takes the programme's n-th speaker when it names no one. */
  private presentations = 0;
  /** The node after the one being converted (an attribution may already be noted there). */
  private next: RawNode | undefined;

  constructor(private readonly ctx: CompileContext, private readonly outline: OutlineCursor, private readonly opts: BlockOptions) {}

  convert(nodes: RawNode[], topLevel = true): Block[] {
    const out: Block[] = [];
    let pendingInline: RawNode[] = [];
    const flushInline = () => {
      if (pendingInline.length) {
        const content = inlines(pendingInline, this.ctx);
        if (!isBlank(content)) out.push({ kind: 'para', style: 'body', content });
        pendingInline = [];
      }
    };
    nodes.forEach((n, i) => {
      if (typeof n.type === 'string' && INLINE_TYPES.has(n.type)) { pendingInline.push(n); return; }
      flushInline();
      this.next = nodes[i + 1];
      out.push(...this.block(n, topLevel));
    });
    flushInline();
    return out;
  }

  private block(n: RawNode, topLevel: boolean): Block[] {
    switch (n.type) {
      case 'paragraph': {
        const content = inlines(childrenOf(n), this.ctx);
        if (isBlank(content)) return [];
        const para: ParaBlock = { kind: 'para', style: 'body', content };
        if (topLevel && this.opts.numberParagraphs) para.number = this.opts.nextParagraphNumber();
        return [para];
      }
      case 'heading': {
        this.letters.heading();
        return [this.outline.docHeading(Number(str(n.tag).slice(1)) || 1, inlines(childrenOf(n), this.ctx))];
      }
      case 'quote':
        return [{ kind: 'quote', variant: 'quote', blocks: this.convertBody(childrenOf(n), 'quote') }];
      case 'epigraph': {
        const attribution = str(n.attribution).trim();
        return [{ kind: 'quote', variant: 'epigraph', blocks: this.convertBody(childrenOf(n), 'epigraph'), ...(attribution ? { attribution } : {}) }];
      }
      case 'delegation-statement': {
        const delegation = str(n.delegation).trim();
        return [{
          kind: 'quote', variant: 'statement', blocks: this.convertBody(childrenOf(n), 'statement'),
          ...(delegation ? { lead: `Statement by the delegation of ${delegation}` } : {}),
        }];
      }
      case 'run-in': {
        const label = str(n.label).trim();
        const content: Inline[] = [{ kind: 'text', text: label, bold: true, charStyle: 'run-in-label' }];
        const rest = inlines(childrenOf(n), this.ctx);
        if (!isBlank(rest)) content.push({ kind: 'text', text: ' ' }, ...rest);
        return [{ kind: 'para', style: 'run-in', content, keepNext: isBlank(rest) }];
      }
      case 'presentation': case 'commentator': case 'moderator': {
        const block = this.attributed(n);
        return block ? [block] : [];
      }
      case 'list':
        return [this.list(n, 0, topLevel && this.opts.numberParagraphs)];
      case 'table': {
        const role = (n.$ as { role?: string } | undefined)?.role;
        if (role === 'recommendations') return [this.outline.recommendationsTable()];
        return [this.table(n)];
      }
      case 'figure':
        return [{
          kind: 'figure', number: this.ctx.nextFigure(), src: str(n.src), caption: str(n.caption).trim(),
          source: str(n.source).trim(), alt: str(n.alt).trim(),
        }];
      case 'page-break':
        return [{ kind: 'page-break' }];
      default: {
        this.ctx.note(`Unknown element “${String(n.type)}” was exported as plain paragraphs.`);
        const kids = childrenOf(n);
        if (kids.length) return this.convert(kids, false);
        const text = str(n.text);
        return text.trim() ? [{ kind: 'para', style: 'body', content: [{ kind: 'text', text }] }] : [];
      }
    }
  }

  /** Children of a quote-like element: inline content or paragraphs. */
  private convertBody(nodes: RawNode[], style: ParaBlock['style']): Block[] {
    return this.convert(nodes, false).map((b) => (b.kind === 'para' && b.style === 'body' ? { ...b, style } : b));
  }

  /** Presentation, commentator and moderator lines, with the template's attribution policy. */
  private attributed(n: RawNode): ParaBlock | null {
    const type = n.type as 'presentation' | 'commentator' | 'moderator';
    let ids = Array.isArray(n.speakerIds) ? (n.speakerIds as unknown[]).map(String) : [];
    const names = Array.isArray(n.names) ? (n.names as unknown[]).map(String) : [];
    const policy = this.ctx.template.attribution;
    const own = childrenOf(n);
    const programme = this.opts.programme;
    const namesNoOne = !ids.length && !names.some((nm) => nm.trim());
    // A block that names no one takes its person from the programme's item for this part.
    if (namesNoOne && type === 'moderator' && programme?.moderatorId) ids = [programme.moderatorId];
    const presentation = type === 'presentation' ? this.presentations++ : -1;
    const stand = presentation >= 0 ? programme?.speakerIds[presentation] : undefined;
    if (namesNoOne && stand) ids = [stand];
    // The text may note the speakers already: a note on the names (the editor inserts one), or
    // on a name in the remark or in the sentence after the heading ("given by Mr. Perruchoud[1]").
    const blockNoted = opensWithNote(own);
    const next = this.next?.type === 'paragraph' ? childrenOf(this.next) : [];
    const textNotes = new Set([...notedSurnames(own), ...notedSurnames(next)]);
    // One note after the last of several names covers them all ("Villa and Martinez Pizarro¹").
    const textNoted = names.some((nm) => isNoted(nm, textNotes))
      || ids.some((id) => { const p = this.ctx.participants.get(id); return p ? isNoted(p.name, textNotes) : false; });
    // Built lazily: a footnote is numbered only if its name is printed.
    const speakers = (): Inline[] => {
      const out: Inline[] = [];
      const count = Math.max(ids.length, names.length);
      for (let i = 0; i < count; i++) {
        const p = ids[i] ? this.ctx.participants.get(ids[i]!) : undefined;
        const name = (p ? [p.honorific, p.name].filter(Boolean).join(' ') : names[i] ?? '').trim();
        if (!name) continue;
        if (out.length) out.push({ kind: 'text', text: i === count - 1 ? ' and ' : ', ' });
        out.push({ kind: 'text', text: name, charStyle: 'speaker-name', bold: type !== 'moderator' });
        const details = p ? [p.title, p.organisation, p.country].map((s) => s.trim()).filter(Boolean).join(', ') : '';
        // Once per person, at the first block that names them, unless the text notes them.
        const noted = blockNoted || textNoted || (p ? this.ctx.attributed.has(p.id) : false);
        if (details && policy === 'footnote' && !noted) out.push(this.ctx.footnote(`${details}.`, 'affiliation'));
        if (p && policy === 'footnote' && (details || noted)) this.ctx.attributed.add(p.id);
        if (details && policy === 'inline') out.push({ kind: 'text', text: `, ${details}` });
      }
      return out;
    };
    const content: Inline[] = [];
    if (type === 'moderator') {
      content.push({ kind: 'text', text: `${this.ctx.terms.moderator} `, italic: true, charStyle: 'block-label' });
      // The person line, when written, is the whole line; otherwise it comes from the registry.
      // Without one, the names come from the registry, followed by their own note if the editor put one there.
      if (hasText(own)) content.push(...inlines(own, this.ctx));
      else {
        const who = speakers();
        // A moderator line with no one to name prints nothing rather than a bare label.
        if (!who.length) { this.ctx.note(MODERATOR_UNSET); return null; }
        content.push(...who, ...inlines(own, this.ctx).filter((r) => r.kind === 'note'));
      }
      return { kind: 'para', style: 'moderator', content };
    }
    content.push({ kind: 'text', text: `${this.letters.next(type)}\t`, charStyle: 'block-label' });
    const who = speakers();
    content.push(...who);
    const rest = inlines(own, this.ctx);
    // The names' own note (the editor inserts it with them) stays on the names: "Ana Ruiz¹, Paper title".
    while (rest.length && (rest[0]!.kind === 'note' || (rest[0]!.kind === 'text' && rest[0]!.text.trim() === ''))) {
      const lead = rest.shift()!;
      if (lead.kind === 'note') content.push(lead);
    }
    if (!isBlank(rest)) {
      if (who.length) content.push({ kind: 'text', text: type === 'presentation' ? ', ' : ': ' });
      content.push(...rest);
    }
    return { kind: 'para', style: type, content, keepNext: type === 'presentation' };
  }

  private list(n: RawNode, depth: number, subparagraphs: boolean): ListBlock {
    const st = (n.$ ?? {}) as { numberFormat?: string; role?: string };
    const ordered = n.listType === 'number' || n.tag === 'ol';
    const role = listRoleOf(st.role);
    const format: ListFormat = listFormat({ explicit: st.numberFormat, role, depth, subparagraphs }, this.ctx.template);
    const start = typeof n.start === 'number' && n.start > 0 ? n.start : 1;
    const items: ListItem[] = [];
    let sequential = true;
    for (const li of childrenOf(n)) {
      const kids = childrenOf(li);
      const nested = kids.filter((k) => k.type === 'list');
      // Lexical nests a list as an item that holds only that list: it belongs to the item before.
      if (nested.length === kids.length && nested.length > 0 && items.length > 0) {
        items[items.length - 1]!.blocks.push(...nested.map((k) => this.list(k, depth + 1, subparagraphs)));
        continue;
      }
      const expected = start + items.length;
      const liState = (li.$ ?? {}) as { addressee?: string; theme?: string; explicitValue?: boolean };
      const value = liState.explicitValue && typeof li.value === 'number' ? li.value : expected;
      if (value !== expected) sequential = false;
      const blocks: Block[] = [];
      let inline: RawNode[] = [];
      const flush = () => {
        const content = inlines(inline, this.ctx);
        if (!isBlank(content)) blocks.push({ kind: 'para', style: 'list-item', content });
        inline = [];
      };
      for (const k of kids) {
        if (k.type === 'list') { flush(); blocks.push(this.list(k, depth + 1, subparagraphs)); } else if (k.type === 'paragraph') { flush(); inline = childrenOf(k); flush(); } else inline.push(k);
      }
      flush();
      const label = ordered ? listLabel(value, format) : depth === 0 ? '•' : '–';
      items.push({ label, value, blocks });
      if (role === 'recommendations') this.collectRecommendation(value, format, blocks, liState);
    }
    return { kind: 'list', ordered, format, start, sequential, depth, role, subparagraphs, items };
  }

  private collectRecommendation(value: number, format: ListFormat, blocks: Block[], st: { addressee?: string; theme?: string }): void {
    const prefix = this.outline.recommendationPrefix();
    const own = listLabel(value, format).replace(/[().]/g, '');
    const text = blocks.map((b) => (b.kind === 'para' ? plainOf(b.content) : '')).filter(Boolean).join(' ');
    const path = this.outline.themePath();
    this.ctx.recommendations.push({
      number: prefix ? `${prefix}.${own}` : own,
      theme: (st.theme ?? '').trim() || path.slice(-2).join(' — '),
      text,
      addressee: (st.addressee ?? '').trim(),
    });
  }

  private table(n: RawNode): TableBlock {
    const rows: TableRow[] = [];
    let columns = 0;
    let stillHeader = true;
    for (const r of childrenOf(n)) {
      if (r.type !== 'tablerow') continue;
      const cells = childrenOf(r).filter((c) => c.type === 'tablecell').map((c) => ({
        blocks: this.convert(childrenOf(c), false).map((b) => (b.kind === 'para' ? { ...b, style: 'table-text' as const } : b)),
        colSpan: typeof c.colSpan === 'number' && c.colSpan > 1 ? c.colSpan : 1,
        rowSpan: typeof c.rowSpan === 'number' && c.rowSpan > 1 ? c.rowSpan : 1,
        // Lexical: headerState 1 = row header (the table's top rows), 2 = column header.
        header: typeof c.headerState === 'number' && (c.headerState & 1) === 1,
      }));
      if (!cells.length) continue;
      const header = stillHeader && cells.every((c) => c.header);
      if (!header) stillHeader = false;
      columns = Math.max(columns, cells.reduce((a, c) => a + c.colSpan, 0));
      rows.push({ cells, header });
    }
    // The editor's column widths (Lexical's colWidths, in pixels) as proportions; equal without them.
    const set = Array.isArray(n.colWidths) && n.colWidths.length === columns && n.colWidths.every((w) => typeof w === 'number' && w > 0) ? n.colWidths as number[] : null;
    return { kind: 'table', role: 'plain', columns, widths: set ?? Array.from({ length: columns }, () => 1), rows };
  }
}
