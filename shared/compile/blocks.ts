/**
 * A part's document → the model's blocks. Each element kind compiles itself (its module in
 * shared/elements, through the registry); this walks the document, gathers loose inline
 * content into paragraphs, and keeps the per-part state the kinds share.
 */
import type { CompileContext } from './context';
import type { BlockCompiler, BlockOptions, OutlineCursor } from './element-compiler';
import { childrenOf, inlines, isBlank, str, type RawNode } from './inline';
import { BlockLetters } from '../elements/attributed';
import { elementOf } from '../elements/registry';
import type { Block, Inline, ParaBlock } from './model';

export type { BlockOptions, OutlineCursor } from './element-compiler';

const isInline = (n: RawNode): boolean => elementOf(n.type)?.role === 'inline';

/** Converts a part's document (or any element's block children) into model blocks. */
export class BlockConverter implements BlockCompiler {
  readonly letters = new BlockLetters();
  /** Presentations met so far in this part: the n-th takes the programme's n-th speaker when it names no one. */
  private presentations = 0;
  next: RawNode | undefined;

  constructor(
    readonly ctx: CompileContext,
    readonly outline: OutlineCursor,
    readonly opts: BlockOptions,
  ) {}

  inlines(nodes: RawNode[]): Inline[] {
    return inlines(nodes, this.ctx);
  }

  nextPresentation(): number {
    return this.presentations++;
  }

  convert(nodes: RawNode[], topLevel = true): Block[] {
    const out: Block[] = [];
    let pendingInline: RawNode[] = [];
    const flushInline = () => {
      if (pendingInline.length) {
        const content = this.inlines(pendingInline);
        if (!isBlank(content)) out.push({ kind: 'para', style: 'body', content });
        pendingInline = [];
      }
    };
    nodes.forEach((n, i) => {
      if (isInline(n)) {
        pendingInline.push(n);
        return;
      }
      flushInline();
      this.next = nodes[i + 1];
      out.push(...this.block(n, topLevel));
    });
    flushInline();
    return out;
  }

  convertBody(nodes: RawNode[], style: ParaBlock['style']): Block[] {
    return this.convert(nodes, false).map((b) => (b.kind === 'para' && b.style === 'body' ? { ...b, style } : b));
  }

  private block(n: RawNode, topLevel: boolean): Block[] {
    const e = elementOf(n.type);
    if (e?.compileBlock) return e.compileBlock(n, this, topLevel);
    this.ctx.note('unknownElement', { type: String(n.type) });
    const kids = childrenOf(n);
    if (kids.length) return this.convert(kids, false);
    const text = str(n.text);
    return text.trim() ? [{ kind: 'para', style: 'body', content: [{ kind: 'text', text }] }] : [];
  }
}
