import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import {
  type AgendaItem, type ConferenceMeta, type ImportWarning, type LexicalDoc, type Participant,
  type PartStatus, type PartSummary, type SnapshotInfo, AgendaItem as AgendaSchema, ConferenceMeta as MetaSchema,
  Participant as ParticipantSchema, emptyMeta, metaProblems,
} from '../../../shared/model/conference';
import { countWords, docToPlainText, emptyDoc } from '../../../shared/model/doc-text';
import { DOC_LIMITS, docProblem } from '../../../shared/elements/doc-schema';

/** A part the document schema refuses, named with the schema's reason. */
const outOfBounds = (title: string, problem: string) => `The part “${title}” cannot be opened: ${problem}`;
import { markClosed, markOpen } from '../files/open-files';
import { fileMessages, fsErrorToAppError } from '../files/file-messages';
import { checkTarget, type WriteOptions, writeAtomically } from '../files/safe-write';
import { checkConferenceFile, checkIdentity, type DbHeader } from './file-check';
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from './migrations';
import { describeSetAside, examineSidecars } from './sidecars';
import { insertParts, type PartToInsert } from './insert-parts';
import { pruneSnapshots, thinsAfter } from './snapshot-retention';
import { storeMessages, sqliteErrorToAppError } from './store-messages';

export const newId = (): string => randomUUID().replace(/-/g, '').slice(0, 16);
const now = (): string => new Date().toISOString();

interface PartRow {
  id: string; parent_id: string | null; position: number; kind: string; title: string; status: string;
  rapporteur: string; word_count: number; revision: number; updated_at: string;
}

/** A part with its body, as snapshots, imports and the compile step see it. */
export interface FullPart extends PartSummary { doc: LexicalDoc }

/** Everything in a conference: what a snapshot stores and an import writes. */
export interface ConferenceContent {
  meta: ConferenceMeta;
  parts: FullPart[];
  participants: Participant[];
  agenda: AgendaItem[];
}

/** A part to add: as written by insertParts, its id optional (a new one is made). */
export type NewPart = Omit<PartToInsert, 'id'> & { id?: string };

const toSummary = (r: PartRow): PartSummary => ({
  id: r.id, parentId: r.parent_id, position: r.position, kind: r.kind, title: r.title,
  status: r.status as PartStatus, rapporteur: r.rapporteur, wordCount: r.word_count,
  revision: r.revision, updatedAt: r.updated_at,
});

const PART_COLUMNS = 'id, parent_id, position, kind, title, status, rapporteur, word_count, revision, updated_at';

export interface OpenOptions {
  /** Open without ever writing to the file (also chosen by itself for read-only files and media). */
  readOnly?: boolean;
}

/** How a store holds its file: to write it, or only to read it (with the reason in words). */
interface Access { readOnlyReason: string | null; problems: string[] }

function isReadOnlyMedium(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EROFS';
  }
}

/** Why the file cannot be written, or null if it can. */
function readOnlyReason(file: string, asked: boolean): string | null {
  const r = storeMessages.readOnlyReasons;
  if (asked) return r.asked;
  const dir = path.dirname(file);
  if (isReadOnlyMedium(dir)) return r.medium;
  // The mode bits say what the user meant, even to a process allowed to ignore them.
  if ((fs.statSync(file).mode & 0o222) === 0) return r.fileMode;
  try { fs.accessSync(file, fs.constants.W_OK); } catch { return r.fileMode; }
  // A rollback journal is created beside the file for every save.
  try { fs.accessSync(dir, fs.constants.W_OK); } catch { return r.folder; }
  return null;
}

/** A database in memory holding the file's bytes (marked as not in WAL mode, so SQLite takes them as they are). */
function inMemory(bytes: Buffer): Database.Database {
  const copy = Buffer.from(bytes);
  if (copy[18] === 2) { copy[18] = 1; copy[19] = 1; }
  return new Database(copy);
}

/**
 * A copy of the file with its log applied, in a private folder, for a file whose own log
 * belongs to it (an interrupted save): its checks, and a read-only opening, never touch
 * the original.
 */
function recoveredCopy(file: string, sidecar: 'journal' | 'wal'): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-check-'));
  try {
    const copy = path.join(dir, 'c.rapporteur');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-${sidecar}`, `${copy}-${sidecar}`);
    const db = new Database(copy);
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    return fs.readFileSync(copy);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One conference file. Every write is one SQLite transaction with a rollback journal and
 * full syncs, so the file alone holds every saved change at every moment (a copy taken
 * while it is open is whole), and a killed process leaves it as it was before or after a
 * write, never between. Writes that replace someone's work carry the revision they were
 * based on: a stale one is refused (CONFLICT) instead of silently overwriting another
 * window or process.
 */
/** mkdir -p; a file standing where a folder must go is named as such (mkdir says EEXIST, not "already exists"). */
function makeFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw fileMessages.notAFolder(dir);
    throw err;
  }
}

export class ConferenceStore {
  private readonly openKey: string;

  private constructor(readonly file: string, private readonly db: Database.Database, private readonly access: Access) {
    this.openKey = markOpen(file);
  }

  static create(file: string, meta: Partial<ConferenceMeta> = {}): ConferenceStore {
    if (fs.existsSync(file)) {
      throw new AppError('EXISTS', `“${path.basename(file)}” already exists; choose another name.`);
    }
    let db: Database.Database;
    try {
      makeFolder(path.dirname(file));
      checkTarget(file);
      db = new Database(file);
    } catch (err) {
      throw fsErrorToAppError(err, file);
    }
    try {
      // Identity and schema first, straight into the main file.
      db.pragma(`application_id = ${APPLICATION_ID}`);
      ConferenceStore.configure(db);
      migrate(db);
      const store = new ConferenceStore(file, db, { readOnlyReason: null, problems: [] });
      store.writeMeta({ ...emptyMeta(), ...meta });
      return store;
    } catch (err) {
      db.close();
      for (const f of [file, `${file}-journal`]) fs.rmSync(f, { force: true });
      throw sqliteErrorToAppError(err, file);
    }
  }

  /**
   * Opens a file after checking it without writing: its header (no SQLite yet), the
   * sidecars beside it (foreign ones set aside), then its identity, integrity and schema on
   * a read-only connection or a private copy. A refused file is left byte for byte as it
   * was. Read-only files and media open read-only.
   */
  static open(file: string, options: OpenOptions = {}): ConferenceStore {
    const name = path.basename(file);
    const header = checkConferenceFile(file);
    const sidecars = examineSidecars(file, header, header.mtimeMs);
    const problems = sidecars.setAside.map(describeSetAside);
    const reason = sidecars.stuck ? storeMessages.readOnlyReasons.foreignLog : readOnlyReason(file, options.readOnly === true);

    // Checked without writing: a private copy when a log must be applied first, the bytes
    // in memory for a file in WAL mode (a read-only connection would create -wal and -shm),
    // otherwise a read-only connection.
    let inspect: Database.Database;
    try {
      if (sidecars.pending && !sidecars.stuck) inspect = inMemory(recoveredCopy(file, sidecars.pending));
      else if (header.walMode || sidecars.stuck) inspect = inMemory(fs.readFileSync(file));
      else inspect = new Database(file, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw storeMessages.damaged(file, (err as Error).message);
    }
    let keepInspect = false;
    try {
      ConferenceStore.inspect(name, inspect);
      if (reason === null) {
        inspect.close();
        return ConferenceStore.openForWriting(file, { readOnlyReason: null, problems });
      }
      // Read-only: an older file is brought up to date in memory, never on disk.
      let db = inspect;
      if ((db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) {
        db = inMemory(inspect.serialize());
        if (inspect !== db) inspect.close();
        migrate(db);
      }
      db.pragma('foreign_keys = ON');
      keepInspect = true;
      return ConferenceStore.withProblems(new ConferenceStore(file, db, { readOnlyReason: reason, problems }));
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw storeMessages.damaged(file, (err as Error).message);
    } finally {
      if (!keepInspect && inspect.open) inspect.close();
    }
  }

  /** Identity, integrity and metadata, on a connection that does not write. */
  private static inspect(name: string, db: Database.Database): void {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('CORRUPT', `“${name}” is damaged (${String(check)}). Restore it from a copy or backup.`);
    checkIdentity(name, db.pragma('application_id', { simple: true }) as number, db.pragma('user_version', { simple: true }) as number);
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get()
      && db.prepare("SELECT 1 FROM meta WHERE key = 'conference'").get();
    if (!hasMeta) throw new AppError('CORRUPT', `“${name}” has no conference metadata: it is damaged.`);
  }

  private static openForWriting(file: string, access: Access): ConferenceStore {
    let db: Database.Database;
    try {
      db = new Database(file, { fileMustExist: true });
    } catch (err) {
      throw new AppError('CORRUPT', `“${path.basename(file)}” could not be opened: ${(err as Error).message}`);
    }
    try {
      ConferenceStore.configure(db);
      migrate(db);
      return ConferenceStore.withProblems(new ConferenceStore(file, db, access));
    } catch (err) {
      db.close();
      throw sqliteErrorToAppError(err, file);
    }
  }

  /** Reads every record once, so what is damaged is named as the conference opens. */
  private static withProblems(store: ConferenceStore): ConferenceStore {
    store.getMeta();
    store.listParts();
    store.listParticipants();
    store.listAgenda();
    for (const row of store.db.prepare('SELECT id, title, doc FROM parts').iterate() as IterableIterator<{ id: string; title: string; doc: string }>) {
      const doc = ConferenceStore.parseDoc(row.doc);
      if (!doc) store.note(storeMessages.damagedPart(row.title));
      else { const problem = docProblem(doc, DOC_LIMITS, true); if (problem) store.note(outOfBounds(row.title, problem)); }
    }
    return store;
  }

  private static configure(db: Database.Database): void {
    db.pragma('busy_timeout = 5000');
    // A rollback journal: every committed save is in the file itself, so the file can be
    // copied whole while open, and closing leaves nothing beside it. Converts a file an
    // earlier version left in WAL mode (its log, checked beforehand, is folded in).
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new AppError('IO', `The file could not be switched to its safe saving mode (${String(mode)}).`);
    // FULL: each committed save survives a crash of the process and of the machine.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  }

  /** Null when the file can be written; otherwise why not, for a banner. */
  get readOnlyReason(): string | null { return this.access.readOnlyReason; }

  /** What was found damaged or set aside when the file was opened (and since), each named. */
  get problems(): string[] { return [...this.access.problems]; }

  private note(problem: string): void {
    if (!this.access.problems.includes(problem)) this.access.problems.push(problem);
  }

  private assertWritable(): void {
    if (this.access.readOnlyReason !== null) throw storeMessages.readOnly(this.file, this.access.readOnlyReason);
  }

  /** Every write: refused when read-only, one transaction, SQLite's failures in words. */
  private write<T>(fn: () => T): T {
    this.assertWritable();
    try {
      return this.db.transaction(fn)();
    } catch (err) {
      throw sqliteErrorToAppError(err, this.file);
    }
  }

  /**
   * One write transaction with the database, for services that keep their own tables in the
   * file (kits/: kit identity, merge log). The store's own methods may be called inside (they
   * nest as savepoints): all of it is saved, or none.
   */
  writeWith<T>(fn: (db: Database.Database) => T): T { return this.write(() => fn(this.db)); }

  /** Reads with the database, for the same services. */
  readWith<T>(fn: (db: Database.Database) => T): T { return fn(this.db); }

  close(): void {
    if (this.db.open) {
      this.db.close();
      markClosed(this.openKey);
    }
  }

  /**
   * Writes a consistent, compacted copy of the whole conference elsewhere (VACUUM INTO a
   * temporary file beside the target, renamed into place). Refuses an existing target
   * unless `replace`, and never writes onto a conference open in this process.
   */
  saveCopy(target: string, options: WriteOptions = {}): string {
    return writeAtomically(target, (temp) => {
      try {
        this.db.prepare('VACUUM INTO ?').run(temp);
      } catch (err) {
        // Named after the target by the writer, not after its temporary file.
        if ((err as { code?: string }).code === 'SQLITE_FULL') throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        throw err;
      }
    }, options);
  }

  // ---- metadata -------------------------------------------------------------

  getMeta(): { meta: ConferenceMeta; revision: number } {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'conference'").get() as { value: string } | undefined;
    const rev = this.db.prepare("SELECT value FROM meta WHERE key = 'conference_revision'").get() as { value: string } | undefined;
    const revision = rev && Number.isInteger(Number(rev.value)) ? Number(rev.value) : 1;
    let value: unknown = null;
    try { value = row ? JSON.parse(row.value) : null; } catch { /* reported below */ }
    const parsed = MetaSchema.safeParse(value && typeof value === 'object' ? { ...emptyMeta(), ...value } : null);
    if (parsed.success) return { meta: parsed.data, revision };
    this.note(storeMessages.damagedMeta);
    return { meta: emptyMeta(), revision };
  }

  updateMeta(patch: Partial<ConferenceMeta>, baseRevision: number): number {
    return this.write(() => {
      const { meta, revision } = this.getMeta();
      if (revision !== baseRevision) {
        throw new AppError('CONFLICT', 'The conference details were changed elsewhere (another window or program). Reload to see the latest version.');
      }
      // Judged against the stored details: a patch of one date may put the two out of order.
      const problems = Object.values(metaProblems(patch, meta));
      if (problems.length) throw new AppError('INVALID_INPUT', problems.join(' '));
      this.writeMeta({ ...meta, ...patch });
      return this.getMeta().revision;
    });
  }

  private writeMeta(meta: ConferenceMeta): void {
    const up = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    const rev = this.db.prepare("SELECT value FROM meta WHERE key = 'conference_revision'").get() as { value: string } | undefined;
    up.run('conference', JSON.stringify(meta));
    up.run('conference_revision', String(rev ? Number(rev.value) + 1 : 1));
  }

  // ---- parts ----------------------------------------------------------------

  /** The outline, depth-first in document order. */
  listParts(): PartSummary[] {
    const rows = this.db.prepare(`SELECT ${PART_COLUMNS} FROM parts ORDER BY position`).all() as PartRow[];
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
    // A part whose parent is missing would vanish from the outline: shown at the top, and named.
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      this.note(storeMessages.orphanPart(r.title));
      seen.add(r.id);
      out.push({ ...toSummary(r), parentId: null });
      visit(r.id);
    }
    return out;
  }

  /** A part's document, or null if it cannot be read (a damaged row). */
  private static parseDoc(json: string): LexicalDoc | null {
    try {
      const doc = JSON.parse(json) as LexicalDoc;
      return doc && typeof doc === 'object' && doc.root && Array.isArray(doc.root.children) ? doc : null;
    } catch {
      return null;
    }
  }

  getPart(id: string): FullPart {
    const row = this.db.prepare(`SELECT ${PART_COLUMNS}, doc FROM parts WHERE id = ?`).get(id) as (PartRow & { doc: string }) | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'This part no longer exists in the conference (it may have been deleted elsewhere).');
    const doc = ConferenceStore.parseDoc(row.doc);
    if (!doc) {
      this.note(storeMessages.damagedPart(row.title));
      throw new AppError('CORRUPT', storeMessages.damagedPart(row.title));
    }
    // Beyond the document schema's bounds (too deep, too big): not opened, named (shared/elements/doc-schema).
    // Unknown kinds are left to the compile step, which prints their text and says so.
    const problem = docProblem(doc, DOC_LIMITS, true);
    if (problem) {
      this.note(outOfBounds(row.title, problem));
      throw new AppError('CORRUPT', outOfBounds(row.title, problem));
    }
    return { ...toSummary(row), doc };
  }

  /** Adds a part as the last child of its parent, or at `index` among its siblings. */
  addPart(part: NewPart, index?: number): PartSummary {
    return this.write(() => {
      if (part.parentId) this.getPart(part.parentId);
      const siblings = this.childIds(part.parentId);
      const at = index === undefined ? siblings.length : Math.max(0, Math.min(index, siblings.length));
      const id = part.id ?? newId();
      const doc = part.doc ?? emptyDoc();
      const text = docToPlainText(doc);
      this.db.prepare(`INSERT INTO parts (id, parent_id, position, kind, title, status, rapporteur, doc, word_count, revision, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`).run(
        id, part.parentId, at, part.kind, part.title, part.status ?? 'not-started', part.rapporteur ?? '',
        JSON.stringify(doc), countWords(text), now(),
      );
      siblings.splice(at, 0, id);
      this.renumber(siblings);
      this.index(id, part.title, text);
      return this.summary(id);
    });
  }

  /** Saves a part's document. Refused if the part changed since `baseRevision`. */
  savePartDoc(id: string, doc: LexicalDoc, baseRevision: number): PartSummary {
    return this.write(() => {
      // Autosave path: check the revision without reading and parsing the stored document.
      const current = this.summary(id);
      if (current.revision !== baseRevision) {
        throw new AppError('CONFLICT', `“${current.title}” was changed elsewhere (another window or program) since you opened it. Your text was not saved over theirs; reopen the part to see both.`);
      }
      const text = docToPlainText(doc);
      this.db.prepare('UPDATE parts SET doc = ?, word_count = ?, revision = revision + 1, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(doc), countWords(text), now(), id);
      this.index(id, current.title, text);
      return this.summary(id);
    });
  }

  updatePart(id: string, patch: { title?: string; status?: PartStatus; rapporteur?: string; kind?: string }): PartSummary {
    return this.write(() => {
      const current = this.getPart(id);
      const next = { ...current, ...patch };
      this.db.prepare('UPDATE parts SET title = ?, status = ?, rapporteur = ?, kind = ?, updated_at = ? WHERE id = ?')
        .run(next.title, next.status, next.rapporteur, next.kind, now(), id);
      if (patch.title !== undefined) this.index(id, next.title, docToPlainText(current.doc));
      return this.summary(id);
    });
  }

  movePart(id: string, parentId: string | null, index: number): void {
    this.write(() => {
      this.getPart(id);
      for (let p = parentId; p; p = this.getPart(p).parentId) {
        if (p === id) throw new AppError('INVALID_INPUT', 'A part cannot be moved inside itself.');
      }
      const old = this.getPart(id).parentId;
      const oldSiblings = this.childIds(old).filter((x) => x !== id);
      this.renumber(oldSiblings);
      const siblings = this.childIds(parentId).filter((x) => x !== id);
      siblings.splice(Math.max(0, Math.min(index, siblings.length)), 0, id);
      this.db.prepare('UPDATE parts SET parent_id = ? WHERE id = ?').run(parentId, id);
      this.renumber(siblings);
    });
  }

  /** Deletes a part and its descendants; returns them whole so the deletion can be undone. */
  deletePart(id: string): FullPart[] {
    return this.write(() => {
      const all = this.listParts();
      const doomed = new Set([id]);
      for (const p of all) if (p.parentId && doomed.has(p.parentId)) doomed.add(p.id);
      const removed = all.filter((p) => doomed.has(p.id)).map((p) => this.getPart(p.id));
      const parent = this.getPart(id).parentId;
      this.db.prepare('DELETE FROM parts WHERE id = ?').run(id);
      const del = this.db.prepare('DELETE FROM parts_fts WHERE part_id = ?');
      for (const p of removed) del.run(p.id);
      this.renumber(this.childIds(parent));
      return removed;
    });
  }

  /** Copies a part and its descendants right after the original. */
  duplicatePart(id: string): PartSummary {
    return this.write(() => {
      const all = this.listParts();
      const copy = (source: FullPart, parentId: string | null, index?: number, suffix = ''): PartSummary => {
        const added = this.addPart({ parentId, kind: source.kind, title: source.title + suffix, status: source.status, rapporteur: source.rapporteur, doc: source.doc }, index);
        for (const child of all.filter((p) => p.parentId === source.id)) copy(this.getPart(child.id), added.id);
        return added;
      };
      const original = this.getPart(id);
      return copy(original, original.parentId, original.position + 1, ' (copy)');
    });
  }

  /** Puts back parts returned by deletePart (undo). */
  restoreParts(parts: FullPart[]): void {
    this.write(() => {
      for (const p of parts) {
        this.addPart({ id: p.id, parentId: p.parentId, kind: p.kind, title: p.title, status: p.status, rapporteur: p.rapporteur, doc: p.doc }, p.position);
      }
    });
  }

  private summary(id: string): PartSummary {
    const row = this.db.prepare(`SELECT ${PART_COLUMNS} FROM parts WHERE id = ?`).get(id) as PartRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'This part no longer exists in the conference (it may have been deleted elsewhere).');
    return toSummary(row);
  }

  private childIds(parentId: string | null): string[] {
    const rows = parentId === null
      ? this.db.prepare('SELECT id FROM parts WHERE parent_id IS NULL ORDER BY position').all()
      : this.db.prepare('SELECT id FROM parts WHERE parent_id = ? ORDER BY position').all(parentId);
    return (rows as { id: string }[]).map((r) => r.id);
  }

  private renumber(ids: string[]): void {
    const stmt = this.db.prepare('UPDATE parts SET position = ? WHERE id = ?');
    ids.forEach((id, i) => stmt.run(i, id));
  }

  private index(id: string, title: string, body: string): void {
    this.db.prepare('DELETE FROM parts_fts WHERE part_id = ?').run(id);
    this.db.prepare('INSERT INTO parts_fts (part_id, title, body) VALUES (?, ?, ?)').run(id, title, body);
  }

  // ---- search ---------------------------------------------------------------

  /** Full-text search; every word of the query must occur (prefix match on the last). */
  search(query: string, limit = 50): { partId: string; title: string; snippet: string }[] {
    const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    const match = words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
    return this.db.prepare(`SELECT part_id AS partId, title, snippet(parts_fts, 2, '[', ']', '…', 12) AS snippet
      FROM parts_fts WHERE parts_fts MATCH ? ORDER BY rank LIMIT ?`).all(match, limit) as { partId: string; title: string; snippet: string }[];
  }

  // ---- participants and agenda ------------------------------------------------

  listParticipants(): Participant[] {
    const rows = this.db.prepare('SELECT id, honorific, name, title, organisation, country, grp, role, revision FROM participants ORDER BY position').all() as
      (Omit<Participant, 'group'> & { grp: string })[];
    const out: Participant[] = [];
    for (const { grp, ...r } of rows) {
      const parsed = ParticipantSchema.safeParse({ ...r, group: grp });
      if (parsed.success) out.push(parsed.data);
      else this.note(storeMessages.damagedParticipant(String(r.name || r.id)));
    }
    return out;
  }

  private revisionOf(table: 'participants' | 'agenda', id: string): number | null {
    const row = this.db.prepare(`SELECT revision FROM ${table} WHERE id = ?`).get(id) as { revision: number } | undefined;
    return row ? row.revision : null;
  }

  /**
   * Adds a participant (no revision) or saves one read at `revision`; a participant
   * changed or deleted since is refused (CONFLICT). Returns the new revision.
   */
  saveParticipant(p: Participant): number {
    return this.write(() => {
      const current = this.revisionOf('participants', p.id);
      const stale = storeMessages.stale;
      if (p.revision === undefined && current !== null) throw new AppError('CONFLICT', stale.exists(`“${p.name}”`));
      if (p.revision !== undefined && current === null) throw new AppError('CONFLICT', stale.deleted(`“${p.name}”`));
      if (p.revision !== undefined && p.revision !== current) throw new AppError('CONFLICT', stale.participant(p.name));
      return this.writeParticipant(p, (current ?? 0) + 1);
    });
  }

  private writeParticipant(p: Participant, revision: number): number {
    const exists = this.db.prepare('SELECT position FROM participants WHERE id = ?').get(p.id) as { position: number } | undefined;
    const position = exists?.position ?? ((this.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS n FROM participants').get() as { n: number }).n);
    this.db.prepare(`INSERT INTO participants (id, position, honorific, name, title, organisation, country, grp, role, revision)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET honorific = excluded.honorific, name = excluded.name,
      title = excluded.title, organisation = excluded.organisation, country = excluded.country, grp = excluded.grp, role = excluded.role,
      revision = excluded.revision`)
      .run(p.id, position, p.honorific, p.name, p.title, p.organisation, p.country, p.group, p.role, revision);
    return revision;
  }

  /** Deletes a participant; with `baseRevision`, only if nobody changed it since. */
  deleteParticipant(id: string, baseRevision?: number): void {
    this.write(() => {
      const current = this.revisionOf('participants', id);
      if (baseRevision !== undefined && current !== null && current !== baseRevision) {
        const name = (this.db.prepare('SELECT name FROM participants WHERE id = ?').get(id) as { name: string }).name;
        throw new AppError('CONFLICT', storeMessages.stale.participant(name));
      }
      this.db.prepare('DELETE FROM participants WHERE id = ?').run(id);
    });
  }

  listAgenda(): AgendaItem[] {
    const rows = this.db.prepare('SELECT id, position, day, start, end, title, part_id, moderator_id, speaker_ids, revision FROM agenda ORDER BY position').all() as
      { id: string; position: number; day: string; start: string; end: string; title: string; part_id: string | null; moderator_id: string | null; speaker_ids: string; revision: number }[];
    const out: AgendaItem[] = [];
    for (const r of rows) {
      let speakerIds: unknown = null;
      try { speakerIds = JSON.parse(r.speaker_ids); } catch { /* reported below */ }
      const parsed = AgendaSchema.safeParse({ id: r.id, position: r.position, day: r.day, start: r.start, end: r.end, title: r.title,
        partId: r.part_id, moderatorId: r.moderator_id, speakerIds, revision: r.revision });
      if (parsed.success) out.push(parsed.data);
      else this.note(storeMessages.damagedAgendaItem(String(r.title || r.id)));
    }
    return out;
  }

  /** As saveParticipant, for a programme item. Returns the new revision. */
  saveAgendaItem(a: AgendaItem): number {
    return this.write(() => {
      const current = this.revisionOf('agenda', a.id);
      const stale = storeMessages.stale;
      if (a.revision === undefined && current !== null) throw new AppError('CONFLICT', stale.exists(`The programme item “${a.title}”`));
      if (a.revision !== undefined && current === null) throw new AppError('CONFLICT', stale.deleted(`The programme item “${a.title}”`));
      if (a.revision !== undefined && a.revision !== current) throw new AppError('CONFLICT', stale.agendaItem(a.title));
      return this.writeAgendaItem(a, (current ?? 0) + 1);
    });
  }

  private writeAgendaItem(a: AgendaItem, revision: number): number {
    this.db.prepare(`INSERT INTO agenda (id, position, day, start, end, title, part_id, moderator_id, speaker_ids, revision)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET position = excluded.position, day = excluded.day,
      start = excluded.start, end = excluded.end, title = excluded.title, part_id = excluded.part_id,
      moderator_id = excluded.moderator_id, speaker_ids = excluded.speaker_ids, revision = excluded.revision`)
      .run(a.id, a.position, a.day, a.start, a.end, a.title, a.partId, a.moderatorId, JSON.stringify(a.speakerIds), revision);
    return revision;
  }

  deleteAgendaItem(id: string, baseRevision?: number): void {
    this.write(() => {
      const current = this.revisionOf('agenda', id);
      if (baseRevision !== undefined && current !== null && current !== baseRevision) {
        const title = (this.db.prepare('SELECT title FROM agenda WHERE id = ?').get(id) as { title: string }).title;
        throw new AppError('CONFLICT', storeMessages.stale.agendaItem(title));
      }
      this.db.prepare('DELETE FROM agenda WHERE id = ?').run(id);
    });
  }

  // ---- import warnings --------------------------------------------------------

  listWarnings(): ImportWarning[] {
    return (this.db.prepare('SELECT id, part_id, line, code, message, suggestion, status FROM import_warnings ORDER BY id').all() as
      { id: number; part_id: string | null; line: number | null; code: string; message: string; suggestion: string | null; status: string }[])
      .map((r) => ({ id: r.id, partId: r.part_id, line: r.line, code: r.code, message: r.message,
        suggestion: r.suggestion ? JSON.parse(r.suggestion) as { find: string; replace: string } : null,
        status: r.status as ImportWarning['status'] }));
  }

  addWarnings(warnings: Omit<ImportWarning, 'id' | 'status'>[]): void {
    const stmt = this.db.prepare('INSERT INTO import_warnings (part_id, line, code, message, suggestion) VALUES (?, ?, ?, ?, ?)');
    this.write(() => {
      for (const w of warnings) stmt.run(w.partId, w.line, w.code, w.message, w.suggestion ? JSON.stringify(w.suggestion) : null);
    });
  }

  setWarningStatus(id: number, status: ImportWarning['status']): void {
    this.write(() => { this.db.prepare('UPDATE import_warnings SET status = ? WHERE id = ?').run(status, id); });
  }

  // ---- whole content, snapshots -------------------------------------------------

  /** What the last readContent left out (damaged parts), in words for an export's notes. */
  leftOutOfLastRead: string[] = [];

  /** Everything that can be read; a damaged part is left out (named in `problems` and `leftOutOfLastRead`). */
  readContent(): ConferenceContent {
    const parts: FullPart[] = [];
    const leftOut: string[] = [];
    for (const p of this.listParts()) {
      try {
        parts.push(this.getPart(p.id));
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'CORRUPT')) throw err;
        leftOut.push(storeMessages.leftOut(p.title));
      }
    }
    this.leftOutOfLastRead = leftOut;
    return {
      meta: this.getMeta().meta,
      parts,
      participants: this.listParticipants(),
      agenda: this.listAgenda(),
    };
  }

  /**
   * Replaces everything (import, restore) in one transaction. A snapshot of what was there
   * is taken first, unless `before` is null (a file just created, with nothing to keep).
   */
  replaceContent(content: ConferenceContent, before: { reason: SnapshotInfo['reason']; name: string } | null): void {
    this.write(() => {
      if (before) this.createSnapshot(before.name, before.reason);
      const revisions = new Map(this.listParts().map((p) => [p.id, p.revision]));
      const participantRevisions = new Map(this.listParticipants().map((p) => [p.id, p.revision ?? 0]));
      const agendaRevisions = new Map(this.listAgenda().map((a) => [a.id, a.revision ?? 0]));
      this.db.exec('DELETE FROM parts; DELETE FROM parts_fts; DELETE FROM participants; DELETE FROM agenda;');
      this.writeMeta(content.meta);
      // In one pass (adding one by one is quadratic); a replaced part gets a later revision.
      insertParts(this.db, content.parts, revisions);
      // Likewise for participants and programme items: past any revision a window may hold.
      content.participants.forEach((p) => this.writeParticipant(p, Math.max(participantRevisions.get(p.id) ?? 0, p.revision ?? 0) + 1));
      content.agenda.forEach((a) => this.writeAgendaItem(a, Math.max(agendaRevisions.get(a.id) ?? 0, a.revision ?? 0) + 1));
    });
  }

  createSnapshot(name: string, reason: SnapshotInfo['reason'] = 'manual'): SnapshotInfo {
    return this.write(() => {
      const data = JSON.stringify(this.readContent());
      const createdAt = now();
      const info = this.db.prepare('INSERT INTO snapshots (name, reason, created_at, data) VALUES (?, ?, ?, ?)').run(name, reason, createdAt, data);
      // Automatic snapshots are thinned by age in the same transaction; named ones are all kept.
      if (thinsAfter(reason)) pruneSnapshots(this.db, new Date(createdAt));
      return { id: Number(info.lastInsertRowid), name, reason, createdAt };
    });
  }

  listSnapshots(): SnapshotInfo[] {
    return this.db.prepare('SELECT id, name, reason, created_at AS createdAt FROM snapshots ORDER BY id DESC').all() as SnapshotInfo[];
  }

  /** A snapshot as stored (its content as JSON), for reading it without restoring it. */
  snapshotRow(id: number): (SnapshotInfo & { data: string }) | undefined {
    return this.db.prepare('SELECT id, name, reason, created_at AS createdAt, data FROM snapshots WHERE id = ?').get(id) as (SnapshotInfo & { data: string }) | undefined;
  }

  restoreSnapshot(id: number): void {
    const row = this.db.prepare('SELECT name, data FROM snapshots WHERE id = ?').get(id) as { name: string; data: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That snapshot does not exist.');
    this.replaceContent(JSON.parse(row.data) as ConferenceContent, { reason: 'before-restore', name: `Before restoring “${row.name}”` });
  }
}
