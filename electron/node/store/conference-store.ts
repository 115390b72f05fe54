import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import {
  type AgendaItem, type ConferenceMeta, type ImportWarning, type LexicalDoc, type Participant,
  type PartStatus, type PartSummary, type SnapshotInfo, ConferenceMeta as MetaSchema, emptyMeta,
} from '../../../shared/model/conference';
import { countWords, docToPlainText, emptyDoc } from '../../../shared/model/doc-text';
import { checkConferenceFile, checkIdentity } from './file-check';
import { APPLICATION_ID, migrate } from './migrations';

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

export interface NewPart {
  id?: string;
  parentId: string | null;
  kind: string;
  title: string;
  status?: PartStatus;
  rapporteur?: string;
  doc?: LexicalDoc;
}

const toSummary = (r: PartRow): PartSummary => ({
  id: r.id, parentId: r.parent_id, position: r.position, kind: r.kind, title: r.title,
  status: r.status as PartStatus, rapporteur: r.rapporteur, wordCount: r.word_count,
  revision: r.revision, updatedAt: r.updated_at,
});

const PART_COLUMNS = 'id, parent_id, position, kind, title, status, rapporteur, word_count, revision, updated_at';

/**
 * One conference file. Every write is one SQLite transaction, so a killed process
 * leaves the file as it was before or after the write, never between. Writes that
 * replace someone's work carry the revision they were based on: a stale one is
 * refused (CONFLICT) instead of silently overwriting another window or process.
 */
export class ConferenceStore {
  private constructor(readonly file: string, private readonly db: Database.Database) {}

  static create(file: string, meta: Partial<ConferenceMeta> = {}): ConferenceStore {
    if (fs.existsSync(file)) {
      throw new AppError('IO', `“${path.basename(file)}” already exists; choose another name.`);
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      // Identity and schema first, straight into the main file, then WAL.
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db);
      ConferenceStore.configure(db);
      const store = new ConferenceStore(file, db);
      store.writeMeta({ ...emptyMeta(), ...meta });
      return store;
    } catch (err) {
      db.close();
      fs.rmSync(file, { force: true });
      throw err;
    }
  }

  static open(file: string): ConferenceStore {
    checkConferenceFile(file);
    let db: Database.Database;
    try {
      db = new Database(file, { fileMustExist: true });
    } catch (err) {
      throw new AppError('CORRUPT', `“${path.basename(file)}” could not be opened: ${(err as Error).message}`);
    }
    try {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new AppError('CORRUPT', `“${path.basename(file)}” is damaged (${String(check)}). Restore it from a copy or backup.`);
      checkIdentity(path.basename(file), db.pragma('application_id', { simple: true }) as number, db.pragma('user_version', { simple: true }) as number);
      ConferenceStore.configure(db);
      migrate(db);
      const metaExists = db.prepare("SELECT 1 FROM meta WHERE key = 'conference'").get();
      if (!metaExists) throw new AppError('CORRUPT', `“${path.basename(file)}” has no conference metadata: it is damaged.`);
      return new ConferenceStore(file, db);
    } catch (err) {
      db.close();
      if (err instanceof AppError) throw err;
      throw new AppError('CORRUPT', `“${path.basename(file)}” is damaged: ${(err as Error).message}`);
    }
  }

  private static configure(db: Database.Database): void {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // FULL: each committed save survives a crash of the process and of the machine.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  }

  close(): void {
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }

  /** Writes a consistent copy of the whole file elsewhere (SQLite's online backup). */
  async saveCopy(target: string): Promise<void> {
    if (path.resolve(target) === path.resolve(this.file)) throw new AppError('INVALID_INPUT', 'A copy must go to another file than the conference itself.');
    if (fs.existsSync(target)) fs.rmSync(target);
    await this.db.backup(target);
  }

  // ---- metadata -------------------------------------------------------------

  getMeta(): { meta: ConferenceMeta; revision: number } {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'conference'").get() as { value: string };
    const rev = this.db.prepare("SELECT value FROM meta WHERE key = 'conference_revision'").get() as { value: string } | undefined;
    const parsed = MetaSchema.safeParse({ ...emptyMeta(), ...JSON.parse(row.value) });
    if (!parsed.success) throw new AppError('CORRUPT', 'The conference metadata in this file is damaged.');
    return { meta: parsed.data, revision: rev ? Number(rev.value) : 1 };
  }

  updateMeta(patch: Partial<ConferenceMeta>, baseRevision: number): number {
    return this.db.transaction(() => {
      const { meta, revision } = this.getMeta();
      if (revision !== baseRevision) {
        throw new AppError('CONFLICT', 'The conference details were changed elsewhere (another window or program). Reload to see the latest version.');
      }
      this.writeMeta({ ...meta, ...patch });
      return this.getMeta().revision;
    })();
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
    const visit = (parent: string | null) => {
      for (const r of byParent.get(parent) ?? []) { out.push(toSummary(r)); visit(r.id); }
    };
    visit(null);
    return out;
  }

  getPart(id: string): FullPart {
    const row = this.db.prepare(`SELECT ${PART_COLUMNS}, doc FROM parts WHERE id = ?`).get(id) as (PartRow & { doc: string }) | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'This part no longer exists in the conference (it may have been deleted elsewhere).');
    return { ...toSummary(row), doc: JSON.parse(row.doc) as LexicalDoc };
  }

  /** Adds a part as the last child of its parent, or at `index` among its siblings. */
  addPart(part: NewPart, index?: number): PartSummary {
    return this.db.transaction(() => {
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
    })();
  }

  /** Saves a part's document. Refused if the part changed since `baseRevision`. */
  savePartDoc(id: string, doc: LexicalDoc, baseRevision: number): PartSummary {
    return this.db.transaction(() => {
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
    })();
  }

  updatePart(id: string, patch: { title?: string; status?: PartStatus; rapporteur?: string; kind?: string }): PartSummary {
    return this.db.transaction(() => {
      const current = this.getPart(id);
      const next = { ...current, ...patch };
      this.db.prepare('UPDATE parts SET title = ?, status = ?, rapporteur = ?, kind = ?, updated_at = ? WHERE id = ?')
        .run(next.title, next.status, next.rapporteur, next.kind, now(), id);
      if (patch.title !== undefined) this.index(id, next.title, docToPlainText(current.doc));
      return this.summary(id);
    })();
  }

  movePart(id: string, parentId: string | null, index: number): void {
    this.db.transaction(() => {
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
    })();
  }

  /** Deletes a part and its descendants; returns them whole so the deletion can be undone. */
  deletePart(id: string): FullPart[] {
    return this.db.transaction(() => {
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
    })();
  }

  /** Copies a part and its descendants right after the original. */
  duplicatePart(id: string): PartSummary {
    return this.db.transaction(() => {
      const all = this.listParts();
      const copy = (source: FullPart, parentId: string | null, index?: number, suffix = ''): PartSummary => {
        const added = this.addPart({ parentId, kind: source.kind, title: source.title + suffix, status: source.status, rapporteur: source.rapporteur, doc: source.doc }, index);
        for (const child of all.filter((p) => p.parentId === source.id)) copy(this.getPart(child.id), added.id);
        return added;
      };
      const original = this.getPart(id);
      return copy(original, original.parentId, original.position + 1, ' (copy)');
    })();
  }

  /** Puts back parts returned by deletePart (undo). */
  restoreParts(parts: FullPart[]): void {
    this.db.transaction(() => {
      for (const p of parts) {
        this.addPart({ id: p.id, parentId: p.parentId, kind: p.kind, title: p.title, status: p.status, rapporteur: p.rapporteur, doc: p.doc }, p.position);
      }
    })();
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
    return (this.db.prepare('SELECT id, honorific, name, title, organisation, country, grp, role FROM participants ORDER BY position').all() as
      (Omit<Participant, 'group'> & { grp: string })[]).map(({ grp, ...p }) => ({ ...p, group: grp }));
  }

  saveParticipant(p: Participant): void {
    const exists = this.db.prepare('SELECT position FROM participants WHERE id = ?').get(p.id) as { position: number } | undefined;
    const position = exists?.position ?? ((this.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS n FROM participants').get() as { n: number }).n);
    this.db.prepare(`INSERT INTO participants (id, position, honorific, name, title, organisation, country, grp, role)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET honorific = excluded.honorific, name = excluded.name,
      title = excluded.title, organisation = excluded.organisation, country = excluded.country, grp = excluded.grp, role = excluded.role`)
      .run(p.id, position, p.honorific, p.name, p.title, p.organisation, p.country, p.group, p.role);
  }

  deleteParticipant(id: string): void {
    this.db.prepare('DELETE FROM participants WHERE id = ?').run(id);
  }

  listAgenda(): AgendaItem[] {
    return (this.db.prepare('SELECT id, position, day, start, end, title, part_id, moderator_id, speaker_ids FROM agenda ORDER BY position').all() as
      { id: string; position: number; day: string; start: string; end: string; title: string; part_id: string | null; moderator_id: string | null; speaker_ids: string }[])
      .map((r) => ({ id: r.id, position: r.position, day: r.day, start: r.start, end: r.end, title: r.title, partId: r.part_id, moderatorId: r.moderator_id, speakerIds: JSON.parse(r.speaker_ids) as string[] }));
  }

  saveAgendaItem(a: AgendaItem): void {
    this.db.prepare(`INSERT INTO agenda (id, position, day, start, end, title, part_id, moderator_id, speaker_ids)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET position = excluded.position, day = excluded.day,
      start = excluded.start, end = excluded.end, title = excluded.title, part_id = excluded.part_id,
      moderator_id = excluded.moderator_id, speaker_ids = excluded.speaker_ids`)
      .run(a.id, a.position, a.day, a.start, a.end, a.title, a.partId, a.moderatorId, JSON.stringify(a.speakerIds));
  }

  deleteAgendaItem(id: string): void {
    this.db.prepare('DELETE FROM agenda WHERE id = ?').run(id);
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
    this.db.transaction(() => {
      for (const w of warnings) stmt.run(w.partId, w.line, w.code, w.message, w.suggestion ? JSON.stringify(w.suggestion) : null);
    })();
  }

  setWarningStatus(id: number, status: ImportWarning['status']): void {
    this.db.prepare('UPDATE import_warnings SET status = ? WHERE id = ?').run(status, id);
  }

  // ---- whole content, snapshots -------------------------------------------------

  readContent(): ConferenceContent {
    return {
      meta: this.getMeta().meta,
      parts: this.listParts().map((p) => this.getPart(p.id)),
      participants: this.listParticipants(),
      agenda: this.listAgenda(),
    };
  }

  /**
   * Replaces everything (import, restore) in one transaction. A snapshot of what was there
   * is taken first, unless `before` is null (a file just created, with nothing to keep).
   */
  replaceContent(content: ConferenceContent, before: { reason: SnapshotInfo['reason']; name: string } | null): void {
    this.db.transaction(() => {
      if (before) this.createSnapshot(before.name, before.reason);
      const revisions = new Map(this.listParts().map((p) => [p.id, p.revision]));
      this.db.exec('DELETE FROM parts; DELETE FROM parts_fts; DELETE FROM participants; DELETE FROM agenda;');
      this.writeMeta(content.meta);
      for (const p of content.parts) {
        this.addPart({ id: p.id, parentId: p.parentId, kind: p.kind, title: p.title, status: p.status, rapporteur: p.rapporteur, doc: p.doc });
        // A replaced part must not accept a save based on what it was before.
        const before = revisions.get(p.id);
        if (before !== undefined) this.db.prepare('UPDATE parts SET revision = ? WHERE id = ?').run(before + 1, p.id);
      }
      content.participants.forEach((p) => this.saveParticipant(p));
      content.agenda.forEach((a) => this.saveAgendaItem(a));
    })();
  }

  createSnapshot(name: string, reason: SnapshotInfo['reason'] = 'manual'): SnapshotInfo {
    const data = JSON.stringify(this.readContent());
    const createdAt = now();
    const info = this.db.prepare('INSERT INTO snapshots (name, reason, created_at, data) VALUES (?, ?, ?, ?)').run(name, reason, createdAt, data);
    return { id: Number(info.lastInsertRowid), name, reason, createdAt };
  }

  listSnapshots(): SnapshotInfo[] {
    return this.db.prepare('SELECT id, name, reason, created_at AS createdAt FROM snapshots ORDER BY id DESC').all() as SnapshotInfo[];
  }

  restoreSnapshot(id: number): void {
    const row = this.db.prepare('SELECT name, data FROM snapshots WHERE id = ?').get(id) as { name: string; data: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That snapshot does not exist.');
    this.replaceContent(JSON.parse(row.data) as ConferenceContent, { reason: 'before-restore', name: `Before restoring “${row.name}”` });
  }
}
