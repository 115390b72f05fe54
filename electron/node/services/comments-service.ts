/**
 * Comments behind the contract: threads kept in the conference file (store/comments.ts),
 * their marks in the parts' documents. Every message carries the user's name from the
 * app's settings; none is written without one.
 */
import { byOpenThenDate, type CommentThread, markIdsOf } from '../../../shared/review/comments';
import type { ExportedComment } from '../../../shared/compile/model';
import { ConferenceStore } from '../store/conference-store';
import type { WithComments } from '../../../shared/review/comments-export';
import {
  insertMessage,
  insertThread,
  readThread,
  readThreads,
  setResolved,
  type StoredThread,
} from '../store/tables/comments';
import { appError } from '../../../shared/i18n/app-error';

const now = (): string => new Date().toISOString();

function authorOf(userName: string): string {
  const name = userName.trim();
  if (!name) throw appError('INVALID_INPUT', 'comments.noUserName');
  return name;
}

/** Mark ids present in each part's current text. */
function marksByPart(store: ConferenceStore, partIds: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const id of new Set(partIds)) {
    try {
      out.set(id, markIdsOf(store.getPart(id).doc));
    } catch {
      out.set(id, new Set()); // a deleted or unreadable part: its threads are detached
    }
  }
  return out;
}

const attach = (threads: StoredThread[], marks: Map<string, Set<string>>): CommentThread[] =>
  threads.map((t) => ({ ...t, attached: marks.get(t.partId)?.has(t.id) ?? false })).sort(byOpenThenDate);

/** The threads of one part, or of the whole conference; open ones first. */
export function listComments(store: ConferenceStore, partId?: string): CommentThread[] {
  const threads = store.readWith((db) => readThreads(db, partId));
  return attach(
    threads,
    marksByPart(
      store,
      threads.map((t) => t.partId),
    ),
  );
}

function threadView(store: ConferenceStore, id: string): CommentThread {
  const t = store.readWith((db) => readThread(db, id));
  return attach([t], marksByPart(store, [t.partId]))[0]!;
}

export interface NewComment {
  partId: string;
  threadId: string;
  quote: string;
  text: string;
}

/** A new thread on the range of `partId` marked with `threadId` (the editor wraps the range in its mark). */
export function addComment(store: ConferenceStore, userName: string, c: NewComment): CommentThread {
  const author = authorOf(userName);
  try {
    store.getPart(c.partId);
  } catch {
    throw appError('NOT_FOUND', 'comments.partNotFound');
  }
  store.writeWith((db) =>
    insertThread(db, {
      id: c.threadId,
      partId: c.partId,
      quote: c.quote.trim(),
      author,
      text: c.text.trim(),
      at: now(),
    }),
  );
  return threadView(store, c.threadId);
}

export function replyToComment(
  store: ConferenceStore,
  userName: string,
  threadId: string,
  text: string,
): CommentThread {
  const author = authorOf(userName);
  store.writeWith((db) => insertMessage(db, threadId, author, text.trim(), now()));
  return threadView(store, threadId);
}

/** Resolves (by the user) or reopens a thread. */
export function setCommentResolved(
  store: ConferenceStore,
  userName: string,
  threadId: string,
  resolved: boolean,
): CommentThread {
  const by = resolved ? authorOf(userName) : null;
  store.writeWith((db) => setResolved(db, threadId, by, now()));
  return threadView(store, threadId);
}

/** The open threads anchored in the text, as a DOCX writes them. */
export function openCommentsForExport(store: ConferenceStore): ExportedComment[] {
  return listComments(store)
    .filter((t) => !t.resolved && t.attached)
    .map((t) => ({
      id: t.id,
      resolved: false,
      messages: t.messages.map((m) => ({ author: m.author, date: m.createdAt, text: m.text })),
    }));
}

/**
 * The conference to export with the open comments a DOCX writes: by default when there are any,
 * never with `comments: false`, never in a PDF.
 */
export function withComments<S extends object>(
  store: ConferenceStore,
  source: S,
  format: 'docx' | 'pdf',
  options: { comments?: boolean },
): S & WithComments {
  if (format !== 'docx' || options.comments === false) return source;
  return { ...source, comments: openCommentsForExport(store) };
}

/** The open comments of a conference file (the command line's export; the file is closed again at once). */
export function readOpenComments(file: string): ExportedComment[] {
  const store = ConferenceStore.open(file, { readOnly: true });
  try {
    return openCommentsForExport(store);
  } finally {
    store.close();
  }
}
