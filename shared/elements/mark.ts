/**
 * Comment marks (Lexical's MarkNode): an inline wrapper around commented text, carrying
 * the ids of the comment threads on it (shared/review/comments.ts). It prints nothing of
 * its own: the compile step keeps its text and drops the mark, leaving the thread ids on the
 * runs for a DOCX with comments (which only a DOCX export ever writes).
 */
import { z } from 'zod';
import type { Inline, TextRun } from '../compile/model';
import type { InlineCompiler } from '../compile/element-compiler';
import { elementFields, type RawNode, spec } from './spec';
import { childrenOf } from './walk';

/** As the thread ids of shared/review/comments.ts (the model's Id; not imported, the model imports the elements). */
const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A run (or a link's runs) marked as lying under comment threads `ids`. */
function underComments(r: Inline, ids: string[]): Inline {
  const tag = (t: TextRun): TextRun => ({ ...t, comments: [...new Set([...(t.comments ?? []), ...ids])] });
  if (r.kind === 'text') return tag(r);
  if (r.kind === 'link') return { ...r, children: r.children.map(tag) };
  return r;
}

export const markElement = spec({
  type: 'mark',
  role: 'inline',
  fields: z.looseObject({ ...elementFields, ids: z.array(Id).max(100) }),
  compileInline: (n: RawNode, c: InlineCompiler) => {
    const ids = Array.isArray(n.ids) ? n.ids.filter((i): i is string => typeof i === 'string') : [];
    const runs = c.inlines(childrenOf(n));
    return ids.length ? runs.map((r) => underComments(r, ids)) : runs;
  },
});
