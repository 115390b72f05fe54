/**
 * Comments in an export: only a DOCX with comments writes them. The compile step leaves the
 * thread ids on the runs under each mark (the mark itself prints nothing); here the threads
 * anchored in the compiled text are attached to the proceedings for the DOCX writer.
 */
import type { ExportedComment, Inline, Proceedings } from '../compile/model';

/** A conference to export, with the comment threads a DOCX may write (absent: none). */
export interface WithComments {
  comments?: ExportedComment[];
}

/** How many runs of the proceedings each thread id lies on, in document order. */
export function commentRunCounts(proc: Proceedings): Map<string, number> {
  const counts = new Map<string, number>();
  const stack: unknown[] = [proc.sections];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    const o = v as Partial<Inline> & { comments?: unknown };
    if (o.kind === 'text' && Array.isArray(o.comments)) {
      for (const id of o.comments as string[]) counts.set(id, (counts.get(id) ?? 0) + 1);
      continue;
    }
    for (const x of Object.values(o)) if (x && typeof x === 'object') stack.push(x);
  }
  return counts;
}

/** The proceedings with the threads whose text they hold (none: the proceedings as they were). */
export function withExportedComments(proc: Proceedings, threads: ExportedComment[] | undefined): Proceedings {
  if (!threads?.length) return proc;
  const anchored = commentRunCounts(proc);
  const comments = threads.filter((t) => anchored.has(t.id) && t.messages.length > 0);
  return comments.length ? { ...proc, comments } : proc;
}
