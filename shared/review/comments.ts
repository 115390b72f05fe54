/**
 * Comments on a part's text: a thread per marked range. The range lives in the part's
 * document as Lexical mark nodes carrying the thread's id (so edits, snapshots and restores
 * carry it along); the thread itself (who said what, when, resolved or not) lives in the
 * conference file's own table. A thread whose mark is no longer in its part is "detached":
 * kept, listed, and attached again when a restore brings the mark back.
 */
import { z } from 'zod';
import { Id } from '../model/conference';
import { type RawNode, str } from '../elements/spec';
import { walkDoc } from '../elements/walk';

export const COMMENT_LIMITS = { text: 10_000, quote: 2_000, author: 200 } as const;

export const CommentText = z.string().trim().min(1, 'A comment cannot be empty.').max(COMMENT_LIMITS.text);
export const UserName = z.string().trim().min(1, 'A name cannot be empty.').max(COMMENT_LIMITS.author);

export const CommentMessage = z.object({
  id: z.number().int(),
  author: z.string(),
  createdAt: z.string(),
  text: z.string(),
});
export type CommentMessage = z.infer<typeof CommentMessage>;

export const CommentThread = z.object({
  /** Also the id of the mark nodes in the part's document. */
  id: Id,
  partId: Id,
  /** The text the comment was made on, as it was then. */
  quote: z.string(),
  createdAt: z.string(),
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** The first message is the comment, the others its replies, oldest first. */
  messages: z.array(CommentMessage).min(1),
  /** Whether its mark is still in its part's text (computed when listed). */
  attached: z.boolean(),
});
export type CommentThread = z.infer<typeof CommentThread>;

/** Every mark id in a part's document (a mark may carry several ids where comments overlap). */
export function markIdsOf(doc: { root: unknown } | null | undefined): Set<string> {
  const ids = new Set<string>();
  if (!doc || typeof doc.root !== 'object' || doc.root === null) return ids;
  walkDoc(doc.root as RawNode, {
    enter(node) {
      if (node.type === 'mark' && Array.isArray(node.ids))
        for (const id of node.ids) if (typeof id === 'string') ids.add(id);
    },
  });
  return ids;
}

/** The text under each mark id of a document; the pieces of one id (one per paragraph) joined by a space. */
export function markedTextOf(doc: { root: unknown }): Map<string, string> {
  const out = new Map<string, string[]>();
  const open: string[][] = [];
  walkDoc(doc.root as RawNode, {
    enter(node) {
      if (node.type === 'mark') {
        const ids = Array.isArray(node.ids) ? node.ids.filter((i): i is string => typeof i === 'string') : [];
        open.push(ids);
        for (const id of ids) out.set(id, [...(out.get(id) ?? []), '']);
      }
      if (node.type === 'text') {
        for (const id of new Set(open.flat())) {
          const pieces = out.get(id)!;
          pieces[pieces.length - 1] += str(node.text);
        }
      }
    },
    leave(node) {
      if (node.type === 'mark') open.pop();
    },
  });
  return new Map([...out].map(([id, pieces]) => [id, pieces.join(' ').replace(/\s+/g, ' ').trim()]));
}

/** Open threads first, then by date (newest last), as the panel lists them. */
export const byOpenThenDate = (a: CommentThread, b: CommentThread): number =>
  Number(a.resolved) - Number(b.resolved) || a.createdAt.localeCompare(b.createdAt);
