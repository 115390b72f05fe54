import type Database from 'better-sqlite3';

/**
 * 7: comment threads (store/comments.ts). A thread's id is the id of its marks in the part's
 * document; no foreign key to parts, so a thread outlives its part or its mark (a restore
 * that brings them back attaches it again). Messages: the comment, then its replies.
 */
export function comments(db: Database.Database): void {
  db.exec(`
    CREATE TABLE comment_threads (
      id TEXT PRIMARY KEY,
      part_id TEXT NOT NULL,
      quote TEXT NOT NULL,
      created_at TEXT NOT NULL,
      resolved_by TEXT,
      resolved_at TEXT
    );
    CREATE INDEX comment_threads_part ON comment_threads(part_id);
    CREATE TABLE comment_messages (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
      author TEXT NOT NULL,
      created_at TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX comment_messages_thread ON comment_messages(thread_id, id);
  `);
}
