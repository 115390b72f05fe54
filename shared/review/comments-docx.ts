/**
 * Comment threads as Word comments: each message a w:comment (the replies threaded under the
 * first, Word 2013's commentsExtended, which the docx package writes from `parentId`), all
 * anchored on the range the thread's mark covered: CommentRangeStart before its first run,
 * CommentRangeEnd and the reference after its last, across paragraphs if need be.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  type ICommentsOptions,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import type { ExportedComment, Inline, Proceedings } from '../compile/model';
import { commentRunCounts } from './comments-export';

const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => [...w][0]!.toUpperCase())
    .slice(0, 3)
    .join('');

export class DocxComments {
  private readonly threads = new Map<string, { thread: ExportedComment; wordIds: number[] }>();
  /** Runs of each thread still to be written. */
  private readonly remaining: Map<string, number>;
  private readonly started = new Set<string>();
  private readonly ended = new Set<string>();

  constructor(proc: Proceedings) {
    let next = 0;
    for (const t of proc.comments ?? []) this.threads.set(t.id, { thread: t, wordIds: t.messages.map(() => next++) });
    this.remaining = this.threads.size ? commentRunCounts(proc) : new Map();
  }

  get any(): boolean {
    return this.threads.size > 0;
  }

  /** The Word content of one inline, between the comment ranges that begin or end at it. */
  wrap(r: Inline, children: ParagraphChild[]): ParagraphChild[] {
    if (!this.threads.size) return children;
    const runs = r.kind === 'text' ? [r] : r.kind === 'link' ? r.children : [];
    const ids = [...new Set(runs.flatMap((x) => x.comments ?? []))].filter((id) => this.threads.has(id));
    if (!ids.length) return children;
    const before: ParagraphChild[] = [];
    for (const id of ids) {
      if (this.started.has(id)) continue;
      this.started.add(id);
      for (const n of this.threads.get(id)!.wordIds) before.push(new CommentRangeStart(n));
    }
    for (const x of runs) for (const id of x.comments ?? []) this.remaining.set(id, (this.remaining.get(id) ?? 1) - 1);
    const after = ids
      .filter((id) => (this.remaining.get(id) ?? 0) <= 0 && !this.ended.has(id))
      .flatMap((id) => this.end(id));
    return [...before, ...children, ...after];
  }

  private end(id: string): ParagraphChild[] {
    this.ended.add(id);
    const ns = this.threads.get(id)!.wordIds;
    return [
      ...ns.map((n) => new CommentRangeEnd(n)),
      ...ns.map((n) => new TextRun({ children: [new CommentReference(n)] })),
    ];
  }

  /** Ranges begun and not ended (text written in an order the count did not foresee): a paragraph ending them. */
  closing(): Paragraph[] {
    const open = [...this.started].filter((id) => !this.ended.has(id));
    return open.length ? [new Paragraph({ children: open.flatMap((id) => this.end(id)) })] : [];
  }

  /** The document's comments: the threads whose text was written. */
  options(): ICommentsOptions | undefined {
    const children: ICommentsOptions['children'][number][] = [];
    for (const [id, { thread, wordIds }] of this.threads) {
      if (!this.started.has(id)) continue;
      thread.messages.forEach((m, i) => {
        const date = new Date(m.date);
        children.push({
          id: wordIds[i]!,
          author: m.author,
          initials: initialsOf(m.author),
          ...(Number.isNaN(date.getTime()) ? {} : { date }),
          ...(i > 0 ? { parentId: wordIds[0]! } : {}),
          ...(thread.resolved ? { resolved: true } : {}),
          children: m.text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
        });
      });
    }
    return children.length ? { children } : undefined;
  }
}
