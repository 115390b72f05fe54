/**
 * Tables `comment_threads` and `comment_messages` (migrations/007-comments.ts): the comment
 * threads of a conference, read and written inside the store's transactions
 * (ConferenceStore.readWith / writeWith). Whether a thread's mark is still in its part is
 * not stored: the service works it out from the documents.
 */
import type Database from 'better-sqlite3';
import type { CommentMessage, CommentThread } from '../../../../shared/review/comments';
import { appError } from '../../../../shared/i18n/app-error';

/** A thread as stored (without `attached`). */
export type StoredThread = Omit<CommentThread, 'attached'>;

interface ThreadRow {
  id: string;
  part_id: string;
  quote: string;
  created_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}
interface MessageRow {
  id: number;
  thread_id: string;
  author: string;
  created_at: string;
  body: string;
}

/** Every thread, or those of one part, each with its messages oldest first. */
export function readThreads(db: Database.Database, partId?: string): StoredThread[] {
  const rows = (
    partId === undefined
      ? db.prepare('SELECT * FROM comment_threads ORDER BY created_at, id').all()
      : db.prepare('SELECT * FROM comment_threads WHERE part_id = ? ORDER BY created_at, id').all(partId)
  ) as ThreadRow[];
  if (!rows.length) return [];
  const messages = new Map<string, CommentMessage[]>();
  const all = (
    partId === undefined
      ? db.prepare('SELECT * FROM comment_messages ORDER BY id').all()
      : db
          .prepare(
            'SELECT m.* FROM comment_messages m JOIN comment_threads t ON t.id = m.thread_id WHERE t.part_id = ? ORDER BY m.id',
          )
          .all(partId)
  ) as MessageRow[];
  for (const m of all) {
    const list = messages.get(m.thread_id) ?? [];
    list.push({ id: m.id, author: m.author, createdAt: m.created_at, text: m.body });
    messages.set(m.thread_id, list);
  }
  return rows
    .map((r) => ({
      id: r.id,
      partId: r.part_id,
      quote: r.quote,
      createdAt: r.created_at,
      resolved: r.resolved_at !== null,
      resolvedBy: r.resolved_by,
      resolvedAt: r.resolved_at,
      messages: messages.get(r.id) ?? [],
    }))
    .filter((t) => t.messages.length > 0);
}

export function readThread(db: Database.Database, id: string): StoredThread {
  const row = db.prepare('SELECT part_id FROM comment_threads WHERE id = ?').get(id) as { part_id: string } | undefined;
  const thread = row && readThreads(db, row.part_id).find((t) => t.id === id);
  if (!thread) throw appError('NOT_FOUND', 'comments.threadNotFound');
  return thread;
}

export interface NewThread {
  id: string;
  partId: string;
  quote: string;
  author: string;
  text: string;
  at: string;
}

/** A new thread with its first message. */
export function insertThread(db: Database.Database, t: NewThread): void {
  if (db.prepare('SELECT 1 FROM comment_threads WHERE id = ?').get(t.id))
    throw appError('CONFLICT', 'comments.threadExists');
  db.prepare('INSERT INTO comment_threads (id, part_id, quote, created_at) VALUES (?, ?, ?, ?)').run(
    t.id,
    t.partId,
    t.quote,
    t.at,
  );
  insertMessage(db, t.id, t.author, t.text, t.at);
}

/** A reply at the end of a thread. */
export function insertMessage(db: Database.Database, threadId: string, author: string, text: string, at: string): void {
  if (!db.prepare('SELECT 1 FROM comment_threads WHERE id = ?').get(threadId))
    throw appError('NOT_FOUND', 'comments.threadNotFound');
  db.prepare('INSERT INTO comment_messages (thread_id, author, created_at, body) VALUES (?, ?, ?, ?)').run(
    threadId,
    author,
    at,
    text,
  );
}

/** Resolves a thread (by whom, when) or reopens it (`by` null). */
export function setResolved(db: Database.Database, threadId: string, by: string | null, at: string): void {
  const done = db
    .prepare('UPDATE comment_threads SET resolved_by = ?, resolved_at = ? WHERE id = ?')
    .run(by, by === null ? null : at, threadId);
  if (done.changes === 0) throw appError('NOT_FOUND', 'comments.threadNotFound');
}
