/**
 * The part tree (table `parts`): each part's place, kind, title, status and its Lexical
 * document, with a revision that guards saves. Documents are written with their images
 * moved to `assets` and read with them put back (assets.ts); the search index follows
 * every change of title or text (search.ts).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import { DOC_LIMITS, docProblem } from '../../../../shared/elements/doc-schema';
import type { LexicalDoc, PartStatus, PartSummary } from '../../../../shared/model/conference';
import { countWords, docToPlainText, emptyDoc } from '../../../../shared/model/doc-text';
import { storeMessages } from '../store-messages';
import { resolveImages, storeImages } from './assets';
import type { NoteProblem } from './problems';
import { indexer, indexPart, unindexPart } from './search';
import { appError } from '../../../../shared/i18n/app-error';

export const newId = (): string => randomUUID().replace(/-/g, '').slice(0, 16);
const now = (): string => new Date().toISOString();

/** A part with its body, as snapshots, imports and the compile step see it. */
export interface FullPart extends PartSummary {
  doc: LexicalDoc;
}

/** A part as written in one pass by insertParts (an import, a restored snapshot). */
export interface PartToInsert {
  id: string;
  parentId: string | null;
  kind: string;
  title: string;
  status?: PartStatus;
  rapporteur?: string;
  doc?: LexicalDoc;
}

/** A part to add: as written by insertParts, its id optional (a new one is made). */
export type NewPart = Omit<PartToInsert, 'id'> & { id?: string };

interface PartRow {
  id: string;
  parent_id: string | null;
  position: number;
  kind: string;
  title: string;
  status: string;
  rapporteur: string;
  word_count: number;
  revision: number;
  updated_at: string;
}

const PART_COLUMNS = 'id, parent_id, position, kind, title, status, rapporteur, word_count, revision, updated_at';

const toSummary = (r: PartRow): PartSummary => ({
  id: r.id,
  parentId: r.parent_id,
  position: r.position,
  kind: r.kind,
  title: r.title,
  status: r.status as PartStatus,
  rapporteur: r.rapporteur,
  wordCount: r.word_count,
  revision: r.revision,
  updatedAt: r.updated_at,
});

/** The stored form of a document: its images as references to assets. */
const docColumn = (db: Database.Database, doc: LexicalDoc): string => JSON.stringify(storeImages(db, doc));

/**
 * How a document is read: as it was given (images put back as data URLs), or as stored
 * (references kept), for a snapshot, which is written back to the same file.
 */
export type ImageForm = 'data-urls' | 'refs';

/** A stored document, or null if it cannot be read (a damaged row). */
function docFromColumn(db: Database.Database, json: string, images: ImageForm): LexicalDoc | null {
  let doc: LexicalDoc;
  try {
    doc = JSON.parse(json) as LexicalDoc;
  } catch {
    return null;
  }
  if (!doc || typeof doc !== 'object' || !doc.root || !Array.isArray(doc.root.children)) return null;
  return images === 'data-urls' ? resolveImages(db, doc) : doc;
}

/** A part the document schema refuses, named with the schema's reason. */
const gone = () => appError('NOT_FOUND', 'conference.partGone');

/** The outline, depth-first in document order; a part whose parent is missing is shown at the top, and named. */
export function listParts(db: Database.Database, note: NoteProblem): PartSummary[] {
  const rows = db.prepare(`SELECT ${PART_COLUMNS} FROM parts ORDER BY position`).all() as PartRow[];
  const byParent = new Map<string | null, PartRow[]>();
  for (const r of rows) {
    const list = byParent.get(r.parent_id) ?? [];
    list.push(r);
    byParent.set(r.parent_id, list);
  }
  const out: PartSummary[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null) => {
    for (const r of byParent.get(parent) ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(toSummary(r));
      visit(r.id);
    }
  };
  visit(null);
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    note(storeMessages.orphanPart(r.title));
    seen.add(r.id);
    out.push({ ...toSummary(r), parentId: null });
    visit(r.id);
  }
  return out;
}

/** A part without its document: NOT_FOUND if it is gone (no JSON parsed to know that). */
export function partSummary(db: Database.Database, id: string): PartSummary {
  const row = db.prepare(`SELECT ${PART_COLUMNS} FROM parts WHERE id = ?`).get(id) as PartRow | undefined;
  if (!row) throw gone();
  return toSummary(row);
}

/** A part with its document; CORRUPT (and named) if the document is damaged or beyond the schema's bounds. */
export function getPart(
  db: Database.Database,
  id: string,
  note: NoteProblem,
  images: ImageForm = 'data-urls',
): FullPart {
  const row = db.prepare(`SELECT ${PART_COLUMNS}, doc FROM parts WHERE id = ?`).get(id) as
    | (PartRow & { doc: string })
    | undefined;
  if (!row) throw gone();
  const doc = docFromColumn(db, row.doc, images);
  if (!doc) {
    note(storeMessages.damagedPart(row.title));
    throw appError('CORRUPT', 'conference.damagedPart', { title: row.title });
  }
  // Beyond the document schema's bounds (too deep, too big): not opened, named (shared/elements/doc-schema).
  // Unknown kinds are left to the compile step, which prints their text and says so.
  const problem = docProblem(doc, DOC_LIMITS, true);
  if (problem) {
    note(storeMessages.partOutOfBounds(row.title, problem));
    throw appError('CORRUPT', 'conference.partOutOfBounds', { title: row.title, problem });
  }
  return { ...toSummary(row), doc };
}

/** Reads every document once, so the damaged ones are named as the conference opens. */
export function checkPartDocs(db: Database.Database, note: NoteProblem): void {
  const ids = (db.prepare('SELECT id FROM parts').all() as { id: string }[]).map((r) => r.id);
  for (const id of ids) {
    try {
      getPart(db, id, note);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CORRUPT')) throw err;
    }
  }
}

function childIds(db: Database.Database, parentId: string | null): string[] {
  const rows =
    parentId === null
      ? db.prepare('SELECT id FROM parts WHERE parent_id IS NULL ORDER BY position').all()
      : db.prepare('SELECT id FROM parts WHERE parent_id = ? ORDER BY position').all(parentId);
  return (rows as { id: string }[]).map((r) => r.id);
}

function renumber(db: Database.Database, ids: string[]): void {
  const stmt = db.prepare('UPDATE parts SET position = ? WHERE id = ?');
  ids.forEach((id, i) => stmt.run(i, id));
}

/** Adds a part as the last child of its parent, or at `index` among its siblings. */
export function addPart(db: Database.Database, part: NewPart, index?: number): PartSummary {
  if (part.parentId) partSummary(db, part.parentId);
  const siblings = childIds(db, part.parentId);
  const at = index === undefined ? siblings.length : Math.max(0, Math.min(index, siblings.length));
  const id = part.id ?? newId();
  const doc = part.doc ?? emptyDoc();
  const text = docToPlainText(doc);
  db.prepare(`INSERT INTO parts (id, parent_id, position, kind, title, status, rapporteur, doc, word_count, revision, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`).run(
    id,
    part.parentId,
    at,
    part.kind,
    part.title,
    part.status ?? 'not-started',
    part.rapporteur ?? '',
    docColumn(db, doc),
    countWords(text),
    now(),
  );
  siblings.splice(at, 0, id);
  renumber(db, siblings);
  indexPart(db, id, part.title, text);
  return partSummary(db, id);
}

/** Saves a part's document. Refused if the part changed since `baseRevision`. */
export function savePartDoc(db: Database.Database, id: string, doc: LexicalDoc, baseRevision: number): PartSummary {
  // Autosave path: check the revision without reading and parsing the stored document.
  const current = partSummary(db, id);
  if (current.revision !== baseRevision) {
    throw appError('CONFLICT', 'conference.partChanged', { title: current.title });
  }
  const text = docToPlainText(doc);
  db.prepare('UPDATE parts SET doc = ?, word_count = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(
    docColumn(db, doc),
    countWords(text),
    now(),
    id,
  );
  indexPart(db, id, current.title, text);
  return partSummary(db, id);
}

export function updatePart(
  db: Database.Database,
  id: string,
  patch: { title?: string; status?: PartStatus; rapporteur?: string; kind?: string },
  note: NoteProblem,
): PartSummary {
  const current = getPart(db, id, note);
  const next = { ...current, ...patch };
  db.prepare('UPDATE parts SET title = ?, status = ?, rapporteur = ?, kind = ?, updated_at = ? WHERE id = ?').run(
    next.title,
    next.status,
    next.rapporteur,
    next.kind,
    now(),
    id,
  );
  if (patch.title !== undefined) indexPart(db, id, next.title, docToPlainText(current.doc));
  return partSummary(db, id);
}

export function movePart(db: Database.Database, id: string, parentId: string | null, index: number): void {
  const old = partSummary(db, id).parentId;
  for (let p = parentId; p; p = partSummary(db, p).parentId) {
    if (p === id) throw appError('INVALID_INPUT', 'conference.moveIntoItself');
  }
  renumber(
    db,
    childIds(db, old).filter((x) => x !== id),
  );
  const siblings = childIds(db, parentId).filter((x) => x !== id);
  siblings.splice(Math.max(0, Math.min(index, siblings.length)), 0, id);
  db.prepare('UPDATE parts SET parent_id = ? WHERE id = ?').run(parentId, id);
  renumber(db, siblings);
}

/** Deletes a part and its descendants; returns them whole so the deletion can be undone. */
export function deletePart(db: Database.Database, id: string, note: NoteProblem): FullPart[] {
  const all = listParts(db, note);
  const doomed = new Set([id]);
  for (const p of all) if (p.parentId && doomed.has(p.parentId)) doomed.add(p.id);
  const removed = all.filter((p) => doomed.has(p.id)).map((p) => getPart(db, p.id, note));
  const parent = partSummary(db, id).parentId;
  db.prepare('DELETE FROM parts WHERE id = ?').run(id);
  for (const p of removed) unindexPart(db, p.id);
  renumber(db, childIds(db, parent));
  return removed;
}

/** Copies a part and its descendants right after the original. */
export function duplicatePart(db: Database.Database, id: string, note: NoteProblem): PartSummary {
  const all = listParts(db, note);
  const copy = (source: FullPart, parentId: string | null, index?: number, suffix = ''): PartSummary => {
    const added = addPart(
      db,
      {
        parentId,
        kind: source.kind,
        title: source.title + suffix,
        status: source.status,
        rapporteur: source.rapporteur,
        doc: source.doc,
      },
      index,
    );
    for (const child of all.filter((p) => p.parentId === source.id)) copy(getPart(db, child.id, note), added.id);
    return added;
  };
  const original = getPart(db, id, note);
  return copy(original, original.parentId, original.position + 1, ' (copy)');
}

/** Puts back parts returned by deletePart (undo). */
export function restoreParts(db: Database.Database, parts: FullPart[]): void {
  for (const p of parts) {
    addPart(
      db,
      {
        id: p.id,
        parentId: p.parentId,
        kind: p.kind,
        title: p.title,
        status: p.status,
        rapporteur: p.rapporteur,
        doc: p.doc,
      },
      p.position,
    );
  }
}

/** The revision of every part, for a replacement that must leave each one later than it was. */
export const partRevisions = (db: Database.Database): Map<string, number> =>
  new Map(
    (db.prepare('SELECT id, revision FROM parts').all() as { id: string; revision: number }[]).map((r) => [
      r.id,
      r.revision,
    ]),
  );

export function clearParts(db: Database.Database): void {
  db.exec('DELETE FROM parts; DELETE FROM parts_fts;');
}

/**
 * Writes a whole tree of parts at once into a conference whose parts were just cleared.
 * Adding them one by one renumbers every sibling and scans the search index each time,
 * which is quadratic (10,000 headings took minutes); here each part is one insert and its
 * position is counted as it comes, siblings keeping the order they come in. `revisions`
 * holds the revision each id had before it was cleared: a replaced part gets a later one,
 * so a save based on what it was before is refused.
 */
export function insertParts(db: Database.Database, parts: PartToInsert[], revisions: Map<string, number>): void {
  const ids = new Set(parts.map((p) => p.id));
  const nextPosition = new Map<string | null, number>();
  const insert =
    db.prepare(`INSERT INTO parts (id, parent_id, position, kind, title, status, rapporteur, doc, word_count, revision, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const index = indexer(db);
  const updatedAt = now();
  for (const p of parts) {
    if (p.parentId !== null && !ids.has(p.parentId)) throw gone();
    const position = nextPosition.get(p.parentId) ?? 0;
    nextPosition.set(p.parentId, position + 1);
    const doc = p.doc ?? emptyDoc();
    const text = docToPlainText(doc);
    const before = revisions.get(p.id);
    insert.run(
      p.id,
      p.parentId,
      position,
      p.kind,
      p.title,
      p.status ?? 'not-started',
      p.rapporteur ?? '',
      docColumn(db, doc),
      countWords(text),
      before === undefined ? 1 : before + 1,
      updatedAt,
    );
    index(p.id, p.title, text);
  }
}
