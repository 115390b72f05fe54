/**
 * Inline content of an element → the model's inline runs. Each inline kind compiles itself
 * (its module in shared/elements, through the registry); this only walks the list.
 */
import type { CompileContext } from './context';
import type { InlineCompiler } from './element-compiler';
import type { Inline } from './model';
import type { RawNode } from '../elements/spec';
import { childrenOf } from '../elements/walk';
import { notesOutOfNames } from '../elements/attribution';
import { elementOf } from '../elements/registry';

export type { RawNode } from '../elements/spec';
export { str } from '../elements/spec';
export { childrenOf } from '../elements/walk';
export { isBlank, plainOf, textRun } from './runs';

/** Inline content of an element: text, links, footnotes, person references, line breaks. */
export function inlines(nodes: RawNode[], ctx: CompileContext): Inline[] {
  const c: InlineCompiler = { ctx, inlines: (kids) => inlines(kids, ctx) };
  const out: Inline[] = [];
  for (const n of notesOutOfNames(nodes, ctx.personNames)) {
    const e = elementOf(n.type);
    if (e?.compileInline) {
      out.push(...e.compileInline(n, c));
      continue;
    }
    // Unknown inline nodes keep their text, so nothing written is silently lost.
    if (typeof n.text === 'string') out.push({ kind: 'text', text: n.text });
    else if (Array.isArray(n.children)) out.push(...inlines(childrenOf(n), ctx));
    if (n.type !== undefined) ctx.note('unknownInline', { type: String(n.type) });
  }
  return out;
}
