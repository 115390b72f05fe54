import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ApiImpl } from '../../../shared/contract/api';
import type { ConferenceView } from '../../../shared/model/conference';
import { ConferenceStore } from '../store/conference-store';
import { getTemplate, loadTemplates, skeletonOf, type SkeletonPart } from '../templates';
import { SettingsFile } from './settings';
import { appError, reviveError } from '../../../shared/i18n/app-error';
import { readOnlyReasonKey } from '../store/store-messages';
import { localizeTemplate } from '../../../shared/templates/localize';
import { addComment, listComments, replyToComment, setCommentResolved, withComments } from './comments-service';
import { importIntoStore, importReportBytes, writeNewConference } from '../importer';
import { ExportJobs } from '../export/export-jobs';
import { checkTarget, writeAtomically } from '../files/safe-write';
import { compareWithSnapshot, exportSource, restoreFromSnapshot } from './review-service';
import {
  assertKitMayChange,
  assignmentOverview,
  assignParts,
  kitConflict,
  kitIdentityOf,
  kitInfo,
  mergeKits,
  prepareKit,
  resolveKitConflict,
} from '../kits';
import { findInConference, replaceInConference } from './replace-service';
import { acceptRepair } from './repair-service';

export const CONFERENCE_EXT = '.rapporteur';

export interface ServiceOptions {
  /** Where the app keeps its own settings (recent files). */
  dataDir: string;
  /** Where new conferences go when no path is given, and what browser mode's Open lists. */
  workspaceDir: string;
  /** Folder of the sample conferences built from the seeds, if present. */
  samplesDir?: string;
}

/** Creates a conference file with a template's skeleton. */
/** A new conference from a template; in `language` (a listed BCP 47 tag) its parts start with the template's titles in that language. */
export function createConferenceFile(
  file: string,
  templateId: string,
  title?: string,
  language?: string,
): ConferenceStore {
  const template = localizeTemplate(getTemplate(templateId), language ?? 'en');
  const store = ConferenceStore.create(file, { templateId, title: title ?? '', ...(language ? { language } : {}) });
  const add = (parts: SkeletonPart[], parentId: string | null) => {
    for (const p of parts) add(p.children, store.addPart({ parentId, kind: p.kind, title: p.title, doc: p.doc }).id);
  };
  add(skeletonOf(template.sections, language), null);
  return store;
}

function readImportSource(file: string): Buffer {
  try {
    return fs.readFileSync(path.resolve(file));
  } catch (err) {
    throw (err as NodeJS.ErrnoException).code === 'ENOENT'
      ? appError('NOT_FOUND', 'file.noSuchFile', { name: path.basename(file) })
      : appError('NOT_FOUND', 'file.cannotRead', { name: path.basename(file), detail: (err as Error).message });
  }
}

/** A free file name in `dir` from a title: "Regional Conference.rapporteur", "… (2).rapporteur". */
export function freeFileName(dir: string, title: string): string {
  const base =
    title
      .replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
      .trim()
      .slice(0, 80) || 'Untitled conference';
  for (let i = 1; ; i++) {
    const candidate = path.join(dir, `${base}${i > 1 ? ` (${i})` : ''}${CONFERENCE_EXT}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/**
 * The services behind the contract, in plain Node: used by the Electron main process,
 * the HTTP server of browser mode and the command line alike.
 */
export class AppServices {
  private readonly open = new Map<string, ConferenceStore>();
  private readonly settings: SettingsFile;

  constructor(private readonly options: ServiceOptions) {
    this.settings = new SettingsFile(path.join(options.dataDir, 'settings.json'));
  }

  store(handle: string): ConferenceStore {
    const s = this.open.get(handle);
    if (!s) throw appError('NOT_FOUND', 'conferenceNotOpen');
    return s;
  }

  /** Opens a file (or returns the handle it is already open under). */
  openFile(file: string): string {
    const abs = path.resolve(file);
    for (const [h, s] of this.open) if (s.file === abs) return h;
    const store = ConferenceStore.open(abs);
    return this.register(store);
  }

  private register(store: ConferenceStore): string {
    const handle = randomUUID();
    this.open.set(handle, store);
    this.settings.addRecent(store.file, store.getMeta().meta.title);
    return handle;
  }

  view(handle: string): ConferenceView {
    const s = this.store(handle);
    const { meta, revision } = s.getMeta();
    const view: ConferenceView = {
      handle,
      path: s.file,
      meta,
      metaRevision: revision,
      parts: s.listParts(),
      participants: s.listParticipants(),
      agenda: s.listAgenda(),
    };
    if (s.readOnlyReason !== null) {
      const key = readOnlyReasonKey(s.readOnlyReason);
      Object.assign(view, {
        readOnly: true,
        readOnlyReason: s.readOnlyReason,
        ...(key ? { readOnlyReasonKey: key } : {}),
      });
    }
    const problems = s.problems;
    return problems.length ? { ...view, problems } : view;
  }

  /** A sample opens as the user's own copy in the workspace (made once), so the bundled original stays as it is. */
  private workingCopyOf(file: string): string {
    const dir = this.options.samplesDir;
    if (!dir || path.dirname(path.resolve(file)) !== path.resolve(dir)) return file;
    const copy = path.join(this.options.workspaceDir, path.basename(file));
    if (!fs.existsSync(copy)) {
      fs.mkdirSync(this.options.workspaceDir, { recursive: true });
      writeAtomically(copy, (temp) => fs.copyFileSync(file, temp));
    }
    return copy;
  }

  closeAll(): void {
    for (const s of this.open.values()) s.close();
    this.open.clear();
  }

  readonly api: ApiImpl = {
    listTemplates: () => loadTemplates().map(({ id, name, description, seed }) => ({ id, name, description, seed })),
    getTemplate: ({ id }) => getTemplate(id),
    listRecent: () => this.settings.read().recent.map((r) => ({ ...r, exists: fs.existsSync(r.path) })),
    getPreferences: () => ({ uiLanguage: this.settings.read().uiLanguage }),
    setUiLanguage: ({ uiLanguage }) => {
      this.settings.setUiLanguage(uiLanguage);
      return { uiLanguage };
    },
    listSamples: () => {
      const dir = this.options.samplesDir;
      if (!dir || !fs.existsSync(dir)) return [];
      return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(CONFERENCE_EXT))
        .sort()
        .map((f) => ({
          id: path.basename(f, CONFERENCE_EXT),
          title: path.basename(f, CONFERENCE_EXT),
          path: path.join(dir, f),
        }));
    },
    listWorkspace: () => {
      const dir = this.options.workspaceDir;
      const files = fs.existsSync(dir)
        ? fs
            .readdirSync(dir)
            .filter((f) => f.endsWith(CONFERENCE_EXT))
            .sort()
        : [];
      return { dir, files: files.map((name) => ({ name, path: path.join(dir, name) })) };
    },

    createConference: ({ templateId, path: file, title, language }) => {
      const target = file
        ? path.resolve(file)
        : freeFileName(this.options.workspaceDir, title || getTemplate(templateId).name);
      if (!target.endsWith(CONFERENCE_EXT))
        throw appError('INVALID_INPUT', 'file.badConferenceExtension', { ext: CONFERENCE_EXT });
      // A path the user chose: its folder must exist, and an existing file is never replaced by a new conference.
      if (file) {
        if (path.dirname(target) === path.resolve(this.options.workspaceDir))
          fs.mkdirSync(this.options.workspaceDir, { recursive: true });
        checkTarget(target);
      }
      return this.view(this.register(createConferenceFile(target, templateId, title, language)));
    },
    openConference: ({ path: file }) => this.view(this.openFile(this.workingCopyOf(file))),
    saveCopy: ({ handle, path: file, replace }) => {
      const target = path.resolve(file.endsWith(CONFERENCE_EXT) ? file : `${file}${CONFERENCE_EXT}`);
      return { path: this.store(handle).saveCopy(target, { replace: replace === true }) };
    },
    closeConference: ({ handle }) => {
      const s = this.open.get(handle);
      s?.close();
      return { closed: this.open.delete(handle) };
    },
    getConference: ({ handle }) => this.view(handle),
    updateMeta: ({ handle, patch, baseRevision }) => ({
      metaRevision: this.store(handle).updateMeta(patch, baseRevision),
    }),

    getPart: ({ handle, partId }) => this.store(handle).getPart(partId),
    savePart: ({ handle, partId, doc, baseRevision }) => {
      // In a rapporteur's kit, only the parts assigned to them change (text, fields, place in the outline).
      assertKitMayChange(this.store(handle), partId);
      return this.store(handle).savePartDoc(partId, doc, baseRevision);
    },
    addPart: ({ handle, parentId, index, kind, title }) => {
      const s = this.store(handle);
      s.addPart({ parentId, kind, title }, index);
      return s.listParts();
    },
    updatePart: ({ handle, partId, patch }) => {
      assertKitMayChange(this.store(handle), partId);
      return this.store(handle).updatePart(partId, patch);
    },
    movePart: ({ handle, partId, parentId, index }) => {
      const s = this.store(handle);
      assertKitMayChange(s, partId);
      s.movePart(partId, parentId, index);
      return s.listParts();
    },
    duplicatePart: ({ handle, partId }) => {
      const s = this.store(handle);
      assertKitMayChange(s, partId);
      s.duplicatePart(partId);
      return s.listParts();
    },
    deletePart: ({ handle, partId }) => {
      const s = this.store(handle);
      assertKitMayChange(s, partId);
      const removed = s.deletePart(partId);
      return { removed, parts: s.listParts() };
    },
    restoreParts: ({ handle, parts }) => {
      const s = this.store(handle);
      s.restoreParts(parts);
      return s.listParts();
    },
    search: ({ handle, query }) => this.store(handle).search(query),
    findInConference: ({ handle, find, replacement }) => findInConference(this.store(handle), find, replacement),
    replaceInConference: ({ handle, ...req }) => replaceInConference(this.store(handle), req),

    saveParticipant: ({ handle, participant }) => {
      const s = this.store(handle);
      s.saveParticipant(participant);
      return s.listParticipants();
    },
    deleteParticipant: ({ handle, participantId, baseRevision }) => {
      const s = this.store(handle);
      s.deleteParticipant(participantId, baseRevision);
      return s.listParticipants();
    },
    saveAgendaItem: ({ handle, item }) => {
      const s = this.store(handle);
      s.saveAgendaItem(item);
      return s.listAgenda();
    },
    deleteAgendaItem: ({ handle, itemId, baseRevision }) => {
      const s = this.store(handle);
      s.deleteAgendaItem(itemId, baseRevision);
      return s.listAgenda();
    },

    listSnapshots: ({ handle }) => this.store(handle).listSnapshots(),
    createSnapshot: ({ handle, name }) => this.store(handle).createSnapshot(name, 'manual'),
    restoreSnapshot: ({ handle, snapshotId }) => {
      this.store(handle).restoreSnapshot(snapshotId);
      return this.view(handle);
    },
    compareWithSnapshot: ({ handle, snapshotId }) => compareWithSnapshot(this.store(handle), snapshotId),
    restoreFromSnapshot: ({ handle, ...which }) => restoreFromSnapshot(this.store(handle), which),
    listWarnings: ({ handle }) => this.store(handle).listWarnings(),
    getUserName: () => ({ userName: this.settings.read().userName }),
    setUserName: ({ userName }) => {
      this.settings.setUserName(userName);
      return { userName: this.settings.read().userName };
    },
    listComments: ({ handle, partId }) => listComments(this.store(handle), partId),
    addComment: ({ handle, ...c }) => addComment(this.store(handle), this.settings.read().userName, c),
    replyToComment: ({ handle, threadId, text }) =>
      replyToComment(this.store(handle), this.settings.read().userName, threadId, text),
    setCommentResolved: ({ handle, threadId, resolved }) =>
      setCommentResolved(this.store(handle), this.settings.read().userName, threadId, resolved),
    setWarningStatus: ({ handle, warningId, status }) => {
      const s = this.store(handle);
      s.setWarningStatus(warningId, status);
      return s.listWarnings();
    },
    acceptRepair: ({ handle, warningId }) => acceptRepair(this.store(handle), warningId),

    prepareKit: ({ handle, rapporteur, path: file, replace }) => {
      const target = path.resolve(file.endsWith(CONFERENCE_EXT) ? file : `${file}${CONFERENCE_EXT}`);
      return prepareKit(this.store(handle), { rapporteur, target, replace: replace === true });
    },
    mergeKits: ({ handle, paths }) => mergeKits(this.store(handle), paths),
    resolveKitConflict: ({ handle, conflictId, keep, doc, deskRevision }) => {
      const s = this.store(handle);
      return {
        entry: resolveKitConflict(s, conflictId, keep === 'edited' ? { keep, doc: doc! } : { keep }, deskRevision),
        parts: s.listParts(),
      };
    },
    kitConflict: ({ handle, conflictId }) => kitConflict(this.store(handle), conflictId),
    assignmentOverview: ({ handle }) => assignmentOverview(this.store(handle)),
    assignParts: ({ handle, ...req }) => assignParts(this.store(handle), req),
    kitInfo: ({ handle }) => {
      const kit = kitIdentityOf(this.store(handle));
      return kit && kitInfo(kit);
    },

    importReport: async ({ path: source, content, fileName, templateId, handle, targetPath, replace }) => {
      const bytes = source !== undefined ? readImportSource(source) : Buffer.from(content ?? '', 'base64');
      // A target given up front that will be refused is named before seconds of parsing, not after.
      if (!handle && targetPath) {
        if (!targetPath.endsWith(CONFERENCE_EXT))
          throw appError('INVALID_INPUT', 'file.badConferenceExtension', { ext: CONFERENCE_EXT });
        checkTarget(path.resolve(targetPath), { replace: replace === true });
      }
      // Parsed in memory first: a failed import changes nothing.
      const result = await importReportBytes({ bytes, fileName, ...(templateId ? { templateId } : {}) });
      let h: string;
      if (handle) {
        h = handle;
        importIntoStore(this.store(handle), result, fileName);
      } else {
        const title = result.meta.title || path.basename(fileName, path.extname(fileName));
        if (!targetPath) fs.mkdirSync(this.options.workspaceDir, { recursive: true });
        const target = targetPath ? path.resolve(targetPath) : freeFileName(this.options.workspaceDir, title);
        if (!target.endsWith(CONFERENCE_EXT))
          throw appError('INVALID_INPUT', 'file.badConferenceExtension', { ext: CONFERENCE_EXT });
        checkTarget(target, { replace: replace === true });
        writeNewConference(result, target, { replace: replace === true });
        h = this.openFile(target);
      }
      return {
        conference: this.view(h),
        warnings: this.store(h).listWarnings(),
        templateId: result.templateId,
        templateSource: result.templateSource,
      };
    },

    startExport: ({ handle, format, options, outPath, replace }) => {
      const source = withComments(
        this.store(handle),
        exportSource(this.store(handle), format, options, this.settings.read().userName),
        format,
        options,
      );
      return this.exports.start(
        source,
        format,
        options,
        outPath,
        replace === true,
        this.store(handle).leftOutOfLastRead,
      );
    },
    exportStatus: ({ jobId }) => this.exports.status(jobId),
    cancelExport: ({ jobId }) => ({ cancelled: this.exports.cancel(jobId) }),
    previewPdf: ({ handle, options }) => {
      const s = this.store(handle);
      return this.exports.start(s.readContent(), 'pdf', options, undefined, false, s.leftOutOfLastRead);
    },
    exportData: ({ jobId }) => {
      const f = this.exports.file(jobId);
      return { fileName: f.fileName, mime: f.mime, base64: fs.readFileSync(f.path).toString('base64') };
    },
    saveExport: ({ jobId, path: target, replace }) => ({ path: this.exports.save(jobId, target, replace === true) }),
    exportConference: async ({ handle, format, options, outPath, replace }) => {
      const source = withComments(
        this.store(handle),
        exportSource(this.store(handle), format, options, this.settings.read().userName),
        format,
        options,
      );
      const started = this.exports.start(
        source,
        format,
        options,
        path.resolve(outPath),
        replace === true,
        this.store(handle).leftOutOfLastRead,
      );
      const done = await this.exports.wait(started.jobId);
      if (done.state !== 'done')
        throw done.state === 'cancelled' || !done.error
          ? appError('CANCELLED', 'export.cancelled')
          : reviveError({ ...done.error, code: 'EXPORT_FAILED' });
      return {
        path: done.savedTo ?? outPath,
        bytes: done.bytes ?? 0,
        ...(done.pages !== undefined ? { pages: done.pages } : {}),
      };
    },
  };

  /** Background exports (progress, cancel, download); Electron sets its printToPDF engine here. */
  readonly exports = new ExportJobs();
}
