/**
 * Assignments: which rapporteur drafts which part, by when, and whether their latest work has
 * come back from a returned kit. Pure schemas for every transport; the service is in
 * electron/node/kits/assignments.ts.
 */
import { z } from 'zod';
import { Id, PartStatus } from '../model/conference';
import { MergeDecision } from './kit-report';

/** A due time as the editor types it in a date-time field ("2026-11-30T17:00", local to the venue), or '' for none. */
export const DueAt = z.union([
  z.literal(''),
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a due time is a date and a time, as 2026-11-30T17:00'),
]);

export const AssignRequest = z.object({
  partIds: z.array(Id).min(1).max(2000),
  /** The rapporteur's name ('' takes the assignment away). */
  rapporteur: z.string().max(200),
  /** The registry's entry, when the rapporteur was chosen from it. */
  participantId: Id.nullable(),
  dueAt: DueAt,
  /** A chapter or session assigned with everything under it. */
  includeSubparts: z.boolean(),
});
export type AssignRequest = z.infer<typeof AssignRequest>;

export const AssignmentRow = z.object({
  partId: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  title: z.string(),
  kind: z.string(),
  rapporteur: z.string(),
  participantId: z.string().nullable(),
  dueAt: z.string(),
  status: PartStatus,
  wordCount: z.number().int(),
  updatedAt: z.string(),
  /** The latest kit prepared with this part for its rapporteur (null: none yet). */
  kitSentAt: z.string().nullable(),
  /** When that kit was last brought in, and what became of this part then (null: not back yet). */
  returned: z
    .object({
      at: z.string(),
      /** 'unchanged': the kit came back without a change to this part. */
      decision: z.union([MergeDecision, z.literal('unchanged')]),
    })
    .nullable(),
});
export type AssignmentRow = z.infer<typeof AssignmentRow>;

export const AssignmentOverview = z.object({
  rows: z.array(AssignmentRow),
  /** Everyone parts are assigned to, by name, sorted. */
  rapporteurs: z.array(z.string()),
});
export type AssignmentOverview = z.infer<typeof AssignmentOverview>;
