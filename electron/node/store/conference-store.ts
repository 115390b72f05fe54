/**
 * One conference file. The tables are kept by one module each (tables/: meta, parts,
 * registry, agenda, snapshots, search, assets, warnings, content), plain functions over the
 * database with a row mapper per table; this class opens the file and gives every write
 * the same frame.
 *
 * Every write is one SQLite transaction with a rollback journal and full syncs, so the
 * file alone holds every saved change at every moment (a copy taken while it is open is
 * whole), and a killed process leaves it as it was before or after a write, never between.
 * Writes that replace someone's work carry the revision they were based on: a stale one is
 * refused (CONFLICT) instead of silently overwriting another window or process.
 */
import type { CataloguedNote } from '../../../shared/i18n/export-notes';
import { snapshotName, type SnapshotNameValues } from '../../../shared/i18n/snapshot-names';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type {
  AgendaItem,
  ConferenceMeta,
  ImportWarning,
  LexicalDoc,
  Participant,
  PartStatus,
  PartSummary,
  SnapshotInfo,
} from '../../../shared/model/conference';
import { emptyMeta } from '../../../shared/model/conference';
import { markClosed, markOpen } from '../files/open-files';
import { fsErrorToAppError } from '../files/file-messages';
import { checkTarget, type WriteOptions, writeAtomically } from '../files/safe-write';
import { checkConferenceFile } from './file-check';
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from './migrations';
import {
  compactIfMostlyFree,
  configure,
  inMemory,
  inspect,
  makeFolder,
  readOnlyReason,
  recoveredCopy,
} from './open-checks';
import { examineSidecars, setAsideProblem } from './sidecars';
import { type FileProblem, sameProblem } from '../../../shared/i18n/file-problems';
import { storeMessages, sqliteErrorToAppError } from './store-messages';
import * as agenda from './tables/agenda';
import { type ConferenceContent, readContent, writeContent } from './tables/content';
import * as meta from './tables/meta';
import * as parts from './tables/parts';
import type { FullPart, NewPart } from './tables/parts';
import * as registry from './tables/registry';
import * as search from './tables/search';
import * as snapshots from './tables/snapshots';
import * as warnings from './tables/warnings';
import { appError } from '../../../shared/i18n/app-error';

export type { ConferenceContent } from './tables/content';
export { newId, type FullPart, type NewPart } from './tables/parts';

export interface OpenOptions {
  /** Open without ever writing to the file (also chosen by itself for read-only files and media). */
  readOnly?: boolean;
}

/** How a store holds its file: to write it, or only to read it (with the reason in words). */
interface Access {
  readOnlyReason: string | null;
  problems: FileProblem[];
}

export class ConferenceStore {
  private readonly openKey: string;
  /** Where the table modules name a damaged record they skipped. */
  private readonly note = (problem: FileProblem): void => {
    if (!this.access.problems.some((p) => sameProblem(p, problem))) this.access.problems.push(problem);
  };

  private constructor(
    readonly file: string,
    private readonly db: Database.Database,
    private readonly access: Access,
  ) {
    this.openKey = markOpen(file);
  }

  static create(file: string, initial: Partial<ConferenceMeta> = {}): ConferenceStore {
    if (fs.existsSync(file)) {
      throw appError('EXISTS', 'store.exists', { name: path.basename(file) });
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
      configure(db);
      migrate(db);
      const store = new ConferenceStore(file, db, { readOnlyReason: null, problems: [] });
      meta.writeMeta(db, { ...emptyMeta(), ...initial });
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
    const problems = sidecars.setAside.map(setAsideProblem);
    const reason = sidecars.stuck
      ? storeMessages.readOnlyReasons.foreignLog
      : readOnlyReason(file, options.readOnly === true);

    // Checked without writing: a private copy when a log must be applied first, the bytes
    // in memory for a file in WAL mode (a read-only connection would create -wal and -shm),
    // otherwise a read-only connection.
    let check: Database.Database;
    try {
      if (sidecars.pending && !sidecars.stuck) check = inMemory(recoveredCopy(file, sidecars.pending));
      else if (header.walMode || sidecars.stuck) check = inMemory(fs.readFileSync(file));
      else check = new Database(file, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw storeMessages.damaged(file, (err as Error).message);
    }
    let keepCheck = false;
    try {
      inspect(name, check);
      if (reason === null) {
        check.close();
        return ConferenceStore.openForWriting(file, { readOnlyReason: null, problems });
      }
      // Read-only: an older file is brought up to date in memory, never on disk.
      let db = check;
      if ((db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) {
        db = inMemory(check.serialize());
        if (check !== db) check.close();
        migrate(db);
      }
      db.pragma('foreign_keys = ON');
      keepCheck = true;
      return ConferenceStore.withProblems(new ConferenceStore(file, db, { readOnlyReason: reason, problems }));
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw storeMessages.damaged(file, (err as Error).message);
    } finally {
      if (!keepCheck && check.open) check.close();
    }
  }

  private static openForWriting(file: string, access: Access): ConferenceStore {
    let db: Database.Database;
    try {
      db = new Database(file, { fileMustExist: true });
    } catch (err) {
      throw appError('CORRUPT', 'store.cannotOpen', { name: path.basename(file), detail: (err as Error).message });
    }
    try {
      configure(db);
      migrate(db);
      compactIfMostlyFree(db);
      return ConferenceStore.withProblems(new ConferenceStore(file, db, access));
    } catch (err) {
      db.close();
      throw sqliteErrorToAppError(err, file);
    }
  }

  /** Reads every record once, so what is damaged is named as the conference opens. */
  private static withProblems(store: ConferenceStore): ConferenceStore {
    const { db, note } = store;
    meta.getMeta(db, note);
    parts.listParts(db, note);
    registry.listParticipants(db, note);
    agenda.listAgenda(db, note);
    parts.checkPartDocs(db, note);
    return store;
  }

  /** Null when the file can be written; otherwise why not, for a banner. */
  get readOnlyReason(): string | null {
    return this.access.readOnlyReason;
  }

  /** What was found damaged or set aside when the file was opened (and since), each named. */
  get problems(): FileProblem[] {
    return [...this.access.problems];
  }

  /** Every write: refused when read-only, one transaction, SQLite's failures in words. */
  private write<T>(fn: (db: Database.Database) => T): T {
    if (this.access.readOnlyReason !== null) throw storeMessages.readOnly(this.file, this.access.readOnlyReason);
    try {
      return this.db.transaction(() => fn(this.db))();
    } catch (err) {
      throw sqliteErrorToAppError(err, this.file);
    }
  }

  /**
   * One write transaction with the database, for services that keep their own tables in the
   * file (kits/: kit identity, merge log). The store's own methods may be called inside (they
   * nest as savepoints): all of it is saved, or none.
   */
  writeWith<T>(fn: (db: Database.Database) => T): T {
    return this.write(fn);
  }

  /** Reads with the database, for the same services. */
  readWith<T>(fn: (db: Database.Database) => T): T {
    return fn(this.db);
  }

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
    return writeAtomically(
      target,
      (temp) => {
        try {
          this.db.prepare('VACUUM INTO ?').run(temp);
        } catch (err) {
          // Named after the target by the writer, not after its temporary file.
          if ((err as { code?: string }).code === 'SQLITE_FULL')
            throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
          throw err;
        }
      },
      options,
    );
  }

  // ---- metadata ----------------------------------------------------------------

  getMeta(): { meta: ConferenceMeta; revision: number } {
    return meta.getMeta(this.db, this.note);
  }

  updateMeta(patch: Partial<ConferenceMeta>, baseRevision: number): number {
    return this.write((db) => meta.updateMeta(db, patch, baseRevision, this.note));
  }

  // ---- parts ---------------------------------------------------------------------

  /** The outline, depth-first in document order. */
  listParts(): PartSummary[] {
    return parts.listParts(this.db, this.note);
  }

  getPart(id: string): FullPart {
    return parts.getPart(this.db, id, this.note);
  }

  /** Adds a part as the last child of its parent, or at `index` among its siblings. */
  addPart(part: NewPart, index?: number): PartSummary {
    return this.write((db) => parts.addPart(db, part, index));
  }

  /** Saves a part's document. Refused if the part changed since `baseRevision`. */
  savePartDoc(id: string, doc: LexicalDoc, baseRevision: number): PartSummary {
    return this.write((db) => parts.savePartDoc(db, id, doc, baseRevision));
  }

  updatePart(
    id: string,
    patch: { title?: string; status?: PartStatus; rapporteur?: string; kind?: string },
  ): PartSummary {
    return this.write((db) => parts.updatePart(db, id, patch, this.note));
  }

  movePart(id: string, parentId: string | null, index: number): void {
    this.write((db) => parts.movePart(db, id, parentId, index));
  }

  /** Deletes a part and its descendants; returns them whole so the deletion can be undone. */
  deletePart(id: string): FullPart[] {
    return this.write((db) => parts.deletePart(db, id, this.note));
  }

  /** Copies a part and its descendants right after the original. */
  duplicatePart(id: string): PartSummary {
    return this.write((db) => parts.duplicatePart(db, id, this.note));
  }

  /** Puts back parts returned by deletePart (undo). */
  restoreParts(removed: FullPart[]): void {
    this.write((db) => parts.restoreParts(db, removed));
  }

  // ---- search ----------------------------------------------------------------------

  /** Full-text search; every word of the query must occur (prefix match on the last). */
  search(query: string, limit = 50): search.SearchHit[] {
    return search.search(this.db, query, limit);
  }

  // ---- participants and agenda ---------------------------------------------------------

  listParticipants(): Participant[] {
    return registry.listParticipants(this.db, this.note);
  }

  /**
   * Adds a participant (no revision) or saves one read at `revision`; a participant
   * changed or deleted since is refused (CONFLICT). Returns the new revision.
   */
  saveParticipant(p: Participant): number {
    return this.write((db) => registry.saveParticipant(db, p));
  }

  /** Deletes a participant; with `baseRevision`, only if nobody changed it since. */
  deleteParticipant(id: string, baseRevision?: number): void {
    this.write((db) => registry.deleteParticipant(db, id, baseRevision));
  }

  listAgenda(): AgendaItem[] {
    return agenda.listAgenda(this.db, this.note);
  }

  /** As saveParticipant, for a programme item. Returns the new revision. */
  saveAgendaItem(a: AgendaItem): number {
    return this.write((db) => agenda.saveAgendaItem(db, a));
  }

  deleteAgendaItem(id: string, baseRevision?: number): void {
    this.write((db) => agenda.deleteAgendaItem(db, id, baseRevision));
  }

  // ---- import warnings -------------------------------------------------------------------

  listWarnings(): ImportWarning[] {
    return warnings.listWarnings(this.db);
  }

  addWarnings(list: Omit<ImportWarning, 'id' | 'status'>[]): void {
    this.write((db) => warnings.addWarnings(db, list));
  }

  setWarningStatus(id: number, status: ImportWarning['status']): void {
    this.write((db) => warnings.setWarningStatus(db, id, status));
  }

  // ---- whole content, snapshots ------------------------------------------------------------

  /** What the last readContent left out (damaged parts), in words for an export's notes. */
  leftOutOfLastRead: CataloguedNote[] = [];

  /** Everything that can be read; a damaged part is left out (named in `problems` and `leftOutOfLastRead`). */
  readContent(): ConferenceContent {
    const { content, leftOut } = readContent(this.db, this.note);
    this.leftOutOfLastRead = leftOut;
    return content;
  }

  /**
   * Replaces everything (import, restore) in one transaction. A snapshot of what was there
   * is taken first, unless `before` is null (a file just created, with nothing to keep).
   */
  replaceContent(content: ConferenceContent, before: { reason: SnapshotInfo['reason']; name: string } | null): void {
    this.write((db) => {
      if (before) this.createSnapshot(before.name, before.reason);
      writeContent(db, content, this.note);
    });
  }

  createSnapshot(name: string, reason: SnapshotInfo['reason'] = 'manual'): SnapshotInfo {
    return this.write((db) => {
      // Read as stored: the images stay references, written once in `assets`.
      const { content, leftOut } = readContent(db, this.note, 'refs');
      this.leftOutOfLastRead = leftOut;
      return snapshots.createSnapshot(db, name, reason, content);
    });
  }

  listSnapshots(): SnapshotInfo[] {
    return snapshots.listSnapshots(this.db);
  }

  /** A snapshot as stored (its content as JSON, images as data URLs), for reading it without restoring it. */
  snapshotRow(id: number): (SnapshotInfo & { data: string }) | undefined {
    return snapshots.snapshotRow(this.db, id);
  }

  /** The name of a snapshot Rapporteur takes by itself, in this conference's language (it is stored in the file). */
  autoSnapshotName<K extends keyof SnapshotNameValues>(key: K, values: SnapshotNameValues[K]): string {
    return snapshotName(key, values, this.getMeta().meta.language);
  }

  restoreSnapshot(id: number): void {
    const { name, content } = snapshots.snapshotForRestore(this.db, id);
    this.replaceContent(content, { reason: 'before-restore', name: this.autoSnapshotName('beforeRestore', { name }) });
  }
}
