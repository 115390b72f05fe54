/**
 * What preparing a rapporteur kit and bringing kits back in report, for every transport
 * (contract, command line). Pure: the services are in electron/node/kits.
 */
import { z } from 'zod';

/** Who a kit is for, which conference and which version of it the kit started from. */
export const KitInfo = z.object({
  kitId: z.string(),
  conferenceId: z.string(),
  conferenceTitle: z.string(),
  rapporteur: z.string(),
  assignedPartIds: z.array(z.string()),
  /** The version of the editor's conference the kit was made from (a snapshot there, by name). */
  baseVersion: z.string(),
  createdAt: z.string(),
});
export type KitInfo = z.infer<typeof KitInfo>;

export const MergeDecision = z.enum([
  /** The kit's change was brought in. */
  'taken',
  /** The desk already has exactly what the kit has. */
  'already-in',
  /** Changed on both sides: nothing replaced; waits for the editor. */
  'conflict',
  /** Not brought in (not the kit's to change, or deleted at the desk); the kit's version is kept in the merge log. */
  'refused',
  /** A new participant added to the registry. */
  'added',
  /** A new participant of the kit is someone already in the registry. */
  'matched',
  /** A conflict the editor has since decided (kept the desk's version or took the kit's). */
  'resolved',
]);
export type MergeDecision = z.infer<typeof MergeDecision>;

export const MergeEntry = z.object({
  subject: z.enum(['part', 'participant', 'programme', 'details']),
  id: z.string().nullable(),
  title: z.string(),
  decision: MergeDecision,
  message: z.string(),
  /** The message's catalogue key ("kits:merge.part.taken") and values: the interface shows it in the user's language. */
  key: z.string().optional(),
  values: z.record(z.string(), z.string()).optional(),
  /** A part in conflict: what the editor decides it by (resolveKitConflict). */
  conflictId: z.number().int().optional(),
});
export type MergeEntry = z.infer<typeof MergeEntry>;

export const KitMergeResult = z.object({
  /** The kit file's name (not its folder). */
  file: z.string(),
  outcome: z.enum(['merged', 'already-merged', 'refused']),
  /** Why it was refused, or when it had been brought in already. */
  message: z.string().optional(),
  /** The message's catalogue key and values, as for an entry. */
  messageKey: z.string().optional(),
  messageValues: z.record(z.string(), z.string()).optional(),
  kit: KitInfo.nullable(),
  entries: z.array(MergeEntry),
});
export type KitMergeResult = z.infer<typeof KitMergeResult>;

export const MergeReport = z.object({
  /** The snapshot taken before anything changed (null when nothing was to change). */
  snapshotId: z.number().int().nullable(),
  kits: z.array(KitMergeResult),
  taken: z.number().int(),
  conflicts: z.number().int(),
  refused: z.number().int(),
});
export type MergeReport = z.infer<typeof MergeReport>;
