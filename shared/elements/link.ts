/** Links (typed and automatic): inline elements holding text runs. */
import { z } from 'zod';
import type { Inline, TextRun } from '../compile/model';
import type { InlineCompiler } from '../compile/element-compiler';
import { textRun } from '../compile/runs';
import { elementFields, type RawNode, spec, str, text } from './spec';
import { childrenOf } from './walk';

const fields = z.looseObject({
  ...elementFields,
  url: text(10_000),
  rel: text(200).nullable().optional(),
  target: text(200).nullable().optional(),
  title: text(2_000).nullable().optional(),
});
// The link's own text runs (an address written inside a link is not linked again); a comment's mark
// inside the link (part of its text commented) gives its runs, with the thread ids on them.
const compileInline = (n: RawNode, c: InlineCompiler): Inline[] => [
  {
    kind: 'link',
    url: str(n.url),
    children: childrenOf(n).flatMap((k) =>
      k.type === 'text' ? [textRun(k)] : k.type === 'mark' ? c.inlines([k]).flatMap(runsOf) : [],
    ),
  },
];
const runsOf = (r: Inline): TextRun[] => (r.kind === 'text' ? [r] : r.kind === 'link' ? r.children : []);
export const linkElement = spec({ type: 'link', role: 'inline', fields, compileInline });
export const autoLinkElement = spec({ type: 'autolink', role: 'inline', fields, compileInline });
