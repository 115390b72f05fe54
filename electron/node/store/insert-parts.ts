/**
 * Writing a whole tree of parts at once (an import, a restored snapshot) into a conference
 * whose parts were just cleared. Adding them one by one renumbers every sibling and scans
 * the search index each time, which is quadratic (10,000 headings took minutes); here each
 * part is one insert and its position is counted as it comes. Runs inside the caller's
 * transaction.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { LexicalDoc, PartStatus } from '../../../shared/model/conference';
import { countWords, docToPlainText, emptyDoc } from '../../../shared/model/doc-text';

export interface PartToInsert {
  id: string;
  parentId: string | null;
  kind: string;
  title: string;
  status?: PartStatus;
  rapporteur?: string;
  doc?: LexicalDoc;
}

/**
 * Inserts `parts` in their order: siblings keep the order they come in (positions 0, 1, …).
 * `revisions` holds the revision each id had before it was cleared: a replaced part gets a
 * later one, so a save based on what it was before is refused.
 */
export function insertParts(db: Database.Database, parts: PartToInsert[], revisions: Map<string, number>): void {
  const ids = new Set(parts.map((p) => p.id));
  const nextPosition = new Map<string | null, number>();
  const insert = db.prepare(`INSERT INTO parts (id, parent_id, position, kind, title, status, rapporteur, doc, word_count, revision, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const index = db.prepare('INSERT INTO parts_fts (part_id, title, body) VALUES (?, ?, ?)');
  const updatedAt = new Date().toISOString();
  for (const p of parts) {
    if (p.parentId !== null && !ids.has(p.parentId)) {
      throw new AppError('NOT_FOUND', 'This part no longer exists in the conference (it may have been deleted elsewhere).');
    }
    const position = nextPosition.get(p.parentId) ?? 0;
    nextPosition.set(p.parentId, position + 1);
    const doc = p.doc ?? emptyDoc();
    const text = docToPlainText(doc);
    const before = revisions.get(p.id);
    insert.run(p.id, p.parentId, position, p.kind, p.title, p.status ?? 'not-started', p.rapporteur ?? '',
      JSON.stringify(doc), countWords(text), before === undefined ? 1 : before + 1, updatedAt);
    index.run(p.id, p.title, text);
  }
}
