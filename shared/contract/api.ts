import { z } from 'zod';
import { COMMENT_LIMITS, CommentText, CommentThread, UserName } from '../review/comments';
import {
  AgendaItem,
  ConferenceMetaPatch,
  ConferenceView,
  Id,
  ImportWarning,
  LexicalDoc,
  Participant,
  PartStatus,
  PartSummary,
  SnapshotInfo,
} from '../model/conference';
import { TemplateSchema } from '../templates/schema';
import { SnapshotComparison } from '../review/compare';
import { KitInfo, MergeEntry, MergeReport } from '../kits/kit-report';
import { AssignmentOverview, AssignRequest } from '../kits/assignments';
import { KitConflict } from '../kits/conflict-compare';
import { FindQuery, FindResult, Replacement, ReplaceResult, ReplaceSelection } from '../search/schemas';
import { UiLanguageChoice } from '../i18n/ui-language';
import { LanguageTag } from '../model/language';

/**
 * The one API between the interface and the rest of Rapporteur.
 *
 * Every method is declared here once, with its input and output schemas. The Electron
 * preload, the IPC handlers, the HTTP adapter of browser mode and the command line are
 * all derived from this table; a method added here exists on every transport.
 */

const handle = z.string().min(1).max(64);
const filePath = z.string().min(1).max(4096);
const empty = z.object({}).strict();

export const TemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  seed: z.string(),
});

export const RecentFile = z.object({ path: z.string(), title: z.string(), openedAt: z.string(), exists: z.boolean() });

const PartRef = z.object({ handle, partId: Id }).strict();

const FullPart = PartSummary.extend({ doc: LexicalDoc });

export const ExportOptions = z
  .object({
    partIds: z.array(Id).nullable(),
    annexes: z.boolean(),
    watermark: z.boolean(),
    /** DOCX: lay the document out to write page numbers into its contents (slower). */
    tocPageNumbers: z.boolean().optional(),
    /** DOCX: every difference from this snapshot (its id) as a Word tracked change. */
    changesSince: z.number().int().positive().optional(),
    /** DOCX: the open comments as Word comments (absent: written when there are any). Never in a PDF. */
    comments: z.boolean().optional(),
  })
  .strict();

export const ExportFormat = z.enum(['docx', 'pdf']);
const jobId = z.string().uuid();

/** A background export: progress while running; size, pages and notes when done. */
export const ExportJobStatus = z.object({
  jobId: z.string(),
  format: ExportFormat,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  fraction: z.number(),
  message: z.string(),
  /** The stage as a key of export.json's `stage` and its values, so the interface words it in its language. */
  stage: z
    .object({ key: z.string().max(100), values: z.record(z.string(), z.union([z.string(), z.number()])) })
    .optional(),
  bytes: z.number().int().optional(),
  pages: z.number().int().optional(),
  /** Plain words, or a key of export.json's `note` and its values, worded by the interface in its language. */
  notes: z
    .array(
      z.union([
        z.string(),
        z.object({ key: z.string().max(100), values: z.record(z.string(), z.union([z.string(), z.number()])) }),
      ]),
    )
    .optional(),
  fileName: z.string().optional(),
  savedTo: z.string().optional(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      key: z.string().optional(),
      values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .optional(),
});

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const contract = {
  // ---- the first screen ----
  listTemplates: method(empty, z.array(TemplateSummary)),
  /** A template in full: the editor shows its guidance, numbering and attribution policy. */
  getTemplate: method(z.object({ id: z.string().min(1).max(100) }).strict(), TemplateSchema),
  listRecent: method(empty, z.array(RecentFile)),
  /** The app's preferences: the interface language ('system' follows the system or browser). */
  getPreferences: method(empty, z.object({ uiLanguage: UiLanguageChoice })),
  setUiLanguage: method(
    z.object({ uiLanguage: UiLanguageChoice }).strict(),
    z.object({ uiLanguage: UiLanguageChoice }),
  ),
  listSamples: method(empty, z.array(z.object({ id: z.string(), title: z.string(), path: z.string() }))),
  /** Conference files in the working folder (browser mode's stand-in for an Open dialog). */
  listWorkspace: method(
    empty,
    z.object({ dir: z.string(), files: z.array(z.object({ path: z.string(), name: z.string() })) }),
  ),

  // ---- conference files ----
  createConference: method(
    // `language`: the conference language (a listed BCP 47 tag); its parts start with the template's titles in it.
    z
      .object({
        templateId: z.string().min(1).max(100),
        path: filePath.optional(),
        title: z.string().max(500).optional(),
        language: LanguageTag.optional(),
      })
      .strict(),
    ConferenceView,
  ),
  openConference: method(z.object({ path: filePath }).strict(), ConferenceView),
  /** `replace`: the user confirmed replacing an existing file (never an open conference). */
  saveCopy: method(
    z.object({ handle, path: filePath, replace: z.boolean().optional() }).strict(),
    z.object({ path: z.string() }),
  ),
  closeConference: method(z.object({ handle }).strict(), z.object({ closed: z.boolean() })),
  getConference: method(z.object({ handle }).strict(), ConferenceView),
  updateMeta: method(
    z.object({ handle, patch: ConferenceMetaPatch, baseRevision: z.number().int() }).strict(),
    z.object({ metaRevision: z.number().int() }),
  ),

  // ---- parts ----
  getPart: method(PartRef, FullPart),
  savePart: method(
    z.object({ handle, partId: Id, doc: LexicalDoc, baseRevision: z.number().int() }).strict(),
    PartSummary,
  ),
  addPart: method(
    z
      .object({
        handle,
        parentId: Id.nullable(),
        index: z.number().int().min(0).optional(),
        kind: z.string().min(1).max(100),
        title: z.string().max(1000),
      })
      .strict(),
    z.array(PartSummary),
  ),
  updatePart: method(
    z
      .object({
        handle,
        partId: Id,
        patch: z
          .object({ title: z.string().max(1000), status: PartStatus, rapporteur: z.string().max(200) })
          .partial()
          .strict(),
      })
      .strict(),
    PartSummary,
  ),
  movePart: method(
    z.object({ handle, partId: Id, parentId: Id.nullable(), index: z.number().int().min(0) }).strict(),
    z.array(PartSummary),
  ),
  duplicatePart: method(PartRef, z.array(PartSummary)),
  deletePart: method(PartRef, z.object({ removed: z.array(FullPart), parts: z.array(PartSummary) })),
  restoreParts: method(z.object({ handle, parts: z.array(FullPart).max(10000) }).strict(), z.array(PartSummary)),
  search: method(
    z.object({ handle, query: z.string().max(500) }).strict(),
    z.array(z.object({ partId: z.string(), title: z.string(), snippet: z.string() })),
  ),
  /** Every hit of a find in all parts, with its context: the preview of a replace in all parts. */
  findInConference: method(z.object({ handle, find: FindQuery, replacement: Replacement }).strict(), FindResult),
  /**
   * Replaces exactly the ticked hits of a preview, in one transaction after a snapshot (restoring it
   * undoes the whole replace). Refused, with nothing changed, if a part changed since the preview.
   */
  replaceInConference: method(
    z.object({ handle, find: FindQuery, replacement: Replacement, parts: ReplaceSelection }).strict(),
    ReplaceResult,
  ),

  // ---- registry and agenda ----
  saveParticipant: method(z.object({ handle, participant: Participant }).strict(), z.array(Participant)),
  /** `baseRevision`: the revision the user saw; a participant changed since is not deleted (CONFLICT). */
  deleteParticipant: method(
    z.object({ handle, participantId: Id, baseRevision: z.number().int().optional() }).strict(),
    z.array(Participant),
  ),
  saveAgendaItem: method(z.object({ handle, item: AgendaItem }).strict(), z.array(AgendaItem)),
  deleteAgendaItem: method(
    z.object({ handle, itemId: Id, baseRevision: z.number().int().optional() }).strict(),
    z.array(AgendaItem),
  ),

  // ---- snapshots and import warnings ----
  listSnapshots: method(z.object({ handle }).strict(), z.array(SnapshotInfo)),
  createSnapshot: method(z.object({ handle, name: z.string().min(1).max(200) }).strict(), SnapshotInfo),
  restoreSnapshot: method(z.object({ handle, snapshotId: z.number().int() }).strict(), ConferenceView),
  /** What changed since a snapshot, part by part and word by word (the compare view). */
  compareWithSnapshot: method(z.object({ handle, snapshotId: z.number().int() }).strict(), SnapshotComparison),
  /**
   * Puts back, as it was in a snapshot, a whole part (no indexes; a removed part is added again)
   * or one block of it (a changed or deleted block by its old index, an inserted one by its new
   * index). `baseRevision` refuses it if the part changed since it was compared.
   */
  restoreFromSnapshot: method(
    z
      .object({
        handle,
        snapshotId: z.number().int(),
        partId: Id,
        baseRevision: z.number().int().nullable(),
        oldIndex: z.number().int().min(0).nullable().optional(),
        newIndex: z.number().int().min(0).nullable().optional(),
      })
      .strict(),
    z.array(PartSummary),
  ),
  listWarnings: method(z.object({ handle }).strict(), z.array(ImportWarning)),
  setWarningStatus: method(
    z.object({ handle, warningId: z.number().int(), status: ImportWarning.shape.status }).strict(),
    z.array(ImportWarning),
  ),
  /**
   * Accepts an OCR repair: its word replaced in every part (whole words, exact case, every
   * occurrence) in one transaction after a snapshot, and the warning marked accepted.
   */
  acceptRepair: method(
    z.object({ handle, warningId: z.number().int() }).strict(),
    z.object({
      replaced: z.number().int(),
      partsChanged: z.number().int(),
      snapshot: SnapshotInfo,
      parts: z.array(PartSummary),
      warnings: z.array(ImportWarning),
    }),
  ),

  // ---- comments (review) ----
  /** The user's name, set once in the app's settings: every comment and reply carries it. */
  getUserName: method(empty, z.object({ userName: z.string() })),
  setUserName: method(z.object({ userName: UserName }).strict(), z.object({ userName: z.string() })),
  /** Comment threads of one part, or of the whole conference; open ones first, each saying whether its mark is still in the text. */
  listComments: method(z.object({ handle, partId: Id.optional() }).strict(), z.array(CommentThread)),
  /** A new thread on the text the editor marked with `threadId` (a mark node's id). */
  addComment: method(
    z
      .object({ handle, partId: Id, threadId: Id, quote: z.string().max(COMMENT_LIMITS.quote), text: CommentText })
      .strict(),
    CommentThread,
  ),
  replyToComment: method(z.object({ handle, threadId: Id, text: CommentText }).strict(), CommentThread),
  setCommentResolved: method(z.object({ handle, threadId: Id, resolved: z.boolean() }).strict(), CommentThread),

  // ---- rapporteur kits (several rapporteurs, one report) ----
  /** Writes a kit for one rapporteur to `path`: the whole conference, the parts assigned to them theirs to draft. */
  prepareKit: method(
    z
      .object({ handle, rapporteur: z.string().min(1).max(200), path: filePath, replace: z.boolean().optional() })
      .strict(),
    KitInfo.extend({ path: z.string() }),
  ),
  /** Brings returned kits into the conference (a snapshot first); what was taken, in conflict or refused, kit by kit. */
  mergeKits: method(z.object({ handle, paths: z.array(filePath).min(1).max(100) }).strict(), MergeReport),
  /**
   * Decides a part left in conflict by a merge: keep the desk's text, take the kit's, or an edited `doc`;
   * logged beside the conflict. `deskRevision`: the revision compared (a part changed since is refused).
   */
  resolveKitConflict: method(
    z
      .object({
        handle,
        conflictId: z.number().int().positive(),
        keep: z.enum(['desk', 'kit', 'edited']),
        doc: LexicalDoc.optional(),
        deskRevision: z.number().int().optional(),
      })
      .strict()
      .refine((x) => (x.keep === 'edited') === (x.doc !== undefined), {
        message: 'an edited text (doc) goes with keep "edited", and only with it',
      }),
    z.object({ entry: MergeEntry, parts: z.array(PartSummary) }),
  ),
  /** A part in conflict: the desk's and the kit's versions side by side, with their word differences. */
  kitConflict: method(z.object({ handle, conflictId: z.number().int().positive() }).strict(), KitConflict),
  /** Every part with its rapporteur, due time, status, words, last change, and whether its kit came back. */
  assignmentOverview: method(z.object({ handle }).strict(), AssignmentOverview),
  /** Assigns parts to a rapporteur (from the registry or by name) with a due time; an empty name unassigns. */
  assignParts: method(AssignRequest.extend({ handle }).strict(), AssignmentOverview),
  /** Whose kit an open conference is, of which conference and version (null for the editor's own conference). */
  kitInfo: method(z.object({ handle }).strict(), KitInfo.nullable()),

  // ---- report import (File → Import report…) ----
  /**
   * Imports a report (.txt, .md, .docx) from a path or from its bytes (base64). With `handle`,
   * into that open conference (a "before-import" snapshot is taken first); otherwise into a new
   * conference file at `targetPath` (or a free name in the workspace), which is opened.
   * `templateId` forces a template; without it the template is detected.
   */
  importReport: method(
    z
      .object({
        path: filePath.optional(),
        content: z.string().max(40_000_000).optional(),
        fileName: z.string().min(1).max(255),
        templateId: z.string().min(1).max(100).optional(),
        handle: handle.optional(),
        targetPath: filePath.optional(),
        /** The user confirmed replacing an existing file at `targetPath`. */
        replace: z.boolean().optional(),
      })
      .strict()
      .refine((x) => (x.path === undefined) !== (x.content === undefined), { message: 'give either path or content' }),
    z.object({
      conference: ConferenceView,
      warnings: z.array(ImportWarning),
      templateId: z.string(),
      templateSource: z.enum(['given', 'detected', 'fallback']),
    }),
  ),

  // ---- export (File → Export…) ----
  /**
   * Starts compiling and exporting in the background; its progress comes as exportProgress
   * events (shared/contract/events.ts; exportStatus answers scripts and tests). With `outPath`
   * the file is also written there. In browser mode the finished file is downloaded from
   * GET /files/<jobId>?token=…; in Electron it is saved with saveExport to a dialog's path.
   */
  startExport: method(
    z
      .object({
        handle,
        format: ExportFormat,
        options: ExportOptions,
        outPath: filePath.optional(),
        replace: z.boolean().optional(),
      })
      .strict(),
    ExportJobStatus,
  ),
  exportStatus: method(z.object({ jobId }).strict(), ExportJobStatus),
  cancelExport: method(z.object({ jobId }).strict(), z.object({ cancelled: z.boolean() })),
  /** A PDF export for the preview before saving (same as startExport with format 'pdf'). */
  previewPdf: method(z.object({ handle, options: ExportOptions }).strict(), ExportJobStatus),
  /** The finished file's bytes (base64), for a preview in either transport. */
  exportData: method(
    z.object({ jobId }).strict(),
    z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }),
  ),
  saveExport: method(
    z.object({ jobId, path: filePath, replace: z.boolean().optional() }).strict(),
    z.object({ path: z.string() }),
  ),
  /** One call, waits for the file (scripts, tests). */
  exportConference: method(
    z
      .object({
        handle,
        format: ExportFormat,
        options: ExportOptions,
        outPath: filePath,
        replace: z.boolean().optional(),
      })
      .strict(),
    z.object({ path: z.string(), bytes: z.number().int(), pages: z.number().int().optional() }),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

/** The API as the renderer calls it, whatever the transport. */
export type Api = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

/** The API as the services implement it (inputs already validated). */
export type ApiImpl = { [M in MethodName]: (input: z.output<Contract[M]['input']>) => Promise<Output<M>> | Output<M> };

export const methodNames = Object.keys(contract) as MethodName[];

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** IPC channel of a method: every channel carries the app's prefix. */
export const channelOf = (m: MethodName): string => `rapporteur:${m}`;

// ---- native file dialogs (desktop app only) ----

/** What a file is chosen for: decides the dialog's title, its filters and the extension required. */
export const FilePurpose = z.enum(['open', 'save-copy', 'import', 'export-docx', 'export-pdf', 'save-kit', 'open-kit']);
export type FilePurpose = z.infer<typeof FilePurpose>;
/** Purposes whose dialog may choose several files in one go (returned kits are brought in together). */
export const ManyFilesPurpose = z.enum(['open-kit']);
export type ManyFilesPurpose = z.infer<typeof ManyFilesPurpose>;

/**
 * Methods answered by native dialogs in the desktop app's main process (electron/main/dialogs.ts),
 * exposed by the preload beside the contract. Browser mode has none: its in-app chooser
 * (renderer/src/dialogs) picks from the workspace. A path a dialog returns is granted to the
 * app: path-taking methods accept only such paths (and recent files and samples).
 * `replace` is true when the user confirmed replacing an existing file.
 */
export const dialogContract = {
  chooseFile: method(
    z.object({ purpose: FilePurpose, suggestedName: z.string().max(255).optional() }).strict(),
    z.object({ path: z.string(), replace: z.boolean() }).nullable(),
  ),
  /** One or several files at once (a multi-select open dialog), each granted; null when the user cancels. */
  chooseFiles: method(
    z.object({ purpose: ManyFilesPurpose }).strict(),
    z.object({ paths: z.array(z.string()).min(1).max(100) }).nullable(),
  ),
} as const;
export type DialogMethodName = keyof typeof dialogContract;
export const dialogMethodNames = Object.keys(dialogContract) as DialogMethodName[];
export const dialogChannelOf = (m: DialogMethodName): string => `rapporteur:dialog:${m}`;
