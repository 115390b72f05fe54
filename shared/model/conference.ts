import { z } from 'zod';
import { docProblem } from '../elements/doc-schema';
import { LanguageTag, StoredLanguageTag } from './language';
import { ImportWarningKeySchema, WarningValuesSchema } from '../i18n/import-warnings';
import { FileProblemSchema } from '../i18n/file-problems';
import type { AppError } from '../errors';
import { appError } from '../i18n/app-error';

/** Workflow state of one part, shown in the outline. */
export const PartStatus = z.enum(['not-started', 'drafting', 'in-review', 'final']);
export type PartStatus = z.infer<typeof PartStatus>;

export const Distribution = z.enum(['', 'General', 'Limited', 'Restricted']);

/** Everything that goes on a cover or masthead. Empty strings mean "not set". */
export const ConferenceMeta = z.object({
  title: z.string().max(500),
  subtitle: z.string().max(500),
  series: z.string().max(300),
  seriesNumber: z.string().max(50),
  symbol: z.string().max(100),
  issuingBodies: z.array(z.string().max(300)).max(20),
  organisers: z.array(z.string().max(300)).max(30),
  venue: z.string().max(300),
  city: z.string().max(100),
  country: z.string().max(100),
  startDate: z.string().max(10),
  endDate: z.string().max(10),
  /** A BCP 47 tag from CONFERENCE_LANGUAGES (./language); older files' odd values are coerced when read. */
  language: StoredLanguageTag,
  originalLanguage: z.string().max(30),
  distribution: Distribution,
  templateId: z.string().max(100),
});
export type ConferenceMeta = z.infer<typeof ConferenceMeta>;

/** What the details form and the service say about a field, from the errors catalogue (one place for both). */
export const metaMessages = {
  titleRequired: () => appError('INVALID_INPUT', 'conference.meta.titleRequired'),
  badDate: (field: 'start' | 'end') => appError('INVALID_INPUT', 'conference.meta.badDate', { field }),
  endBeforeStart: () => appError('INVALID_INPUT', 'conference.meta.endBeforeStart'),
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string): boolean =>
  ISO_DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export type MetaField = 'title' | 'startDate' | 'endDate';

/**
 * The problems of the details a change would leave, by field: a blank title, a date that is
 * not one, an end before the start. Only the fields the change touches are judged, so a file
 * written before these checks (dates out of order) still opens and its other fields still save.
 * Each problem is an error with its catalogue key: the service throws it, the details form words it.
 */
export function metaProblemErrors(
  patch: Partial<ConferenceMeta>,
  current: Partial<ConferenceMeta> = {},
): Partial<Record<MetaField, AppError>> {
  const out: Partial<Record<MetaField, AppError>> = {};
  if (patch.title !== undefined && !patch.title.trim()) out.title = metaMessages.titleRequired();
  if (patch.startDate && !isDate(patch.startDate)) out.startDate = metaMessages.badDate('start');
  if (patch.endDate && !isDate(patch.endDate)) out.endDate = metaMessages.badDate('end');
  if ((patch.startDate !== undefined || patch.endDate !== undefined) && !out.startDate && !out.endDate) {
    const start = patch.startDate ?? current.startDate ?? '';
    const end = patch.endDate ?? current.endDate ?? '';
    if (start && end && isDate(start) && isDate(end) && end < start) out.endDate = metaMessages.endBeforeStart();
  }
  return out;
}

/** A change to the metadata as the contract accepts it: the language must be a listed tag. */
export const ConferenceMetaPatch = ConferenceMeta.extend({ language: LanguageTag })
  .partial()
  .strict()
  .superRefine((patch, ctx) => {
    // `plain`: the message is for people, shown as it is (shared/contract/dispatch).
    // `key` and `values`: the catalogue's, so the refusal is worded in the user's language.
    for (const [field, err] of Object.entries(metaProblemErrors(patch)))
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: err.message,
        params: { plain: true, key: err.key, values: err.values },
      });
  });

export const emptyMeta = (): ConferenceMeta => ({
  title: '',
  subtitle: '',
  series: '',
  seriesNumber: '',
  symbol: '',
  issuingBodies: [],
  organisers: [],
  venue: '',
  city: '',
  country: '',
  startDate: '',
  endDate: '',
  language: 'en',
  originalLanguage: '',
  distribution: '',
  templateId: '',
});

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _');

/** A part as the outline sees it: no document body. */
export const PartSummary = z.object({
  id: Id,
  parentId: Id.nullable(),
  position: z.number().int(),
  /** The template section this part instantiates (e.g. "unit", "speakers"). */
  kind: z.string().max(100),
  title: z.string().max(1000),
  status: PartStatus,
  rapporteur: z.string().max(200),
  wordCount: z.number().int(),
  revision: z.number().int(),
  updatedAt: z.string(),
});
export type PartSummary = z.infer<typeof PartSummary>;

/**
 * A part's document: Lexical's serialized editor state ({ root: {...} }), checked against
 * the element registry's schema and bounds (unknown kinds, malformed fields, too deep, too big).
 */
export const LexicalDoc = z
  .object({
    root: z.object({ type: z.literal('root'), children: z.array(z.unknown()) }).passthrough(),
  })
  .passthrough()
  .superRefine((doc, ctx) => {
    // The document schema of the element registry, with its bounds (shared/elements/doc-schema).
    const problem = docProblem(doc);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export type LexicalDoc = { root: { type: 'root'; children: unknown[]; [k: string]: unknown }; [k: string]: unknown };

export const Participant = z.object({
  id: Id,
  honorific: z.string().max(50),
  name: z.string().min(1).max(300),
  title: z.string().max(500),
  organisation: z.string().max(500),
  country: z.string().max(200),
  /** Grouping for the list of participants, e.g. "A. Member States". */
  group: z.string().max(300),
  role: z.string().max(200),
  /**
   * The stored revision this participant was read at, sent back unchanged with a save:
   * a save based on an older one is refused (CONFLICT). Absent for a new participant.
   */
  revision: z.number().int().optional(),
});
export type Participant = z.infer<typeof Participant>;

export const AgendaItem = z.object({
  id: Id,
  position: z.number().int(),
  day: z.string().max(100),
  start: z.string().max(10),
  end: z.string().max(10),
  title: z.string().max(1000),
  partId: Id.nullable(),
  moderatorId: Id.nullable(),
  speakerIds: z.array(Id).max(100),
  /** As for participants: the revision a save is based on; absent for a new item. */
  revision: z.number().int().optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const SnapshotInfo = z.object({
  id: z.number().int(),
  name: z.string(),
  reason: z.enum(['manual', 'before-import', 'before-restore', 'before-merge', 'before-replace']),
  createdAt: z.string(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

/**
 * What an import warning concerns, where the interface shows it: a passage of its part's text
 * (`quote`, `block`), the part's title or number, an entry of the participants registry
 * (`participantId`; none: the registry as a whole), or the conference details.
 */
export const WarningPlace = z.enum(['text', 'title', 'participant', 'details']);
export type WarningPlace = z.infer<typeof WarningPlace>;

/** Something the importer could not resolve on its own; shown next to the place it concerns. */
export const ImportWarning = z.object({
  id: z.number().int(),
  partId: Id.nullable(),
  line: z.number().int().nullable(),
  code: z.string().max(50),
  message: z.string().max(2000),
  /** An OCR repair offered to the editor, never applied unasked. */
  suggestion: z.object({ find: z.string(), replace: z.string() }).nullable(),
  status: z.enum(['open', 'accepted', 'dismissed']),
  /** The words of the part's text the warning concerns, for the editor's marker (absent: the part as a whole). */
  quote: z.string().max(300).nullable().optional(),
  /** Index of the top-level block of the part's document that held the quote at import. */
  block: z.number().int().nullable().optional(),
  /** Where the warning shows (absent: files from before, a passage when quoted, else the part as a whole). */
  place: WarningPlace.nullable().optional(),
  /** The registry entry a participant warning concerns. */
  participantId: Id.nullable().optional(),
  /** The message as a catalogue key and values, shown in the reader's language (absent: files from before; `message` is shown). */
  key: ImportWarningKeySchema.nullable().optional(),
  values: WarningValuesSchema.nullable().optional(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

/** What the renderer holds for an open conference (part bodies are fetched one at a time). */
export const ConferenceView = z.object({
  handle: z.string(),
  path: z.string(),
  meta: ConferenceMeta,
  parts: z.array(PartSummary),
  participants: z.array(Participant),
  agenda: z.array(AgendaItem),
  metaRevision: z.number().int(),
  /** Set when the file cannot be written (read-only file, folder or medium): every write is refused. */
  readOnly: z.literal(true).optional(),
  /** Why it is read-only, in words for a banner. */
  readOnlyReason: z.string().optional(),
  /** The same reason as a key of errors.json's store.readOnlyReason, for the banner to word in the interface language. */
  readOnlyReasonKey: z.enum(['asked', 'fileMode', 'medium', 'folder', 'foreignLog']).optional(),
  /** What was found damaged or set aside when the file was opened, each named (a catalogue message); the rest opened. */
  problems: z.array(FileProblemSchema).optional(),
});
export type ConferenceView = z.infer<typeof ConferenceView>;
