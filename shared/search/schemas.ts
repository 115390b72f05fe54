import { z } from 'zod';
import { Id, PartSummary, SnapshotInfo } from '../model/conference';
import { MAX_QUERY_LENGTH } from './find';

/** What to find, as the contract's find and replace methods take it. */
export const FindQuery = z
  .object({
    query: z.string().min(1).max(MAX_QUERY_LENGTH),
    matchCase: z.boolean(),
    wholeWord: z.boolean(),
    regex: z.boolean(),
  })
  .strict();

export const MAX_REPLACEMENT_LENGTH = 2000;
export const Replacement = z.string().max(MAX_REPLACEMENT_LENGTH);

/** One hit with the words around it and what it would become; `index` is its key within the part. */
export const FindHit = z.object({
  index: z.number().int(),
  before: z.string(),
  match: z.string(),
  after: z.string(),
  replacement: z.string(),
});

/** The preview of a replace in all parts: every hit, part by part, at the revision it was found in. */
export const FindResult = z.object({
  parts: z.array(
    z.object({
      partId: z.string(),
      title: z.string(),
      /** The titles of the parts it sits in, outermost first. */ within: z.array(z.string()),
      revision: z.number().int(),
      hits: z.array(FindHit),
    }),
  ),
  total: z.number().int(),
  /** More hits than a preview lists; only the listed ones can be replaced. */
  truncated: z.boolean(),
});
export type FindResult = z.infer<typeof FindResult>;

/** The ticked hits: for each part, the revision they were found in and their indexes. */
export const ReplaceSelection = z
  .array(
    z
      .object({
        partId: Id,
        revision: z.number().int(),
        hits: z.array(z.number().int().min(0)).min(1).max(100_000),
      })
      .strict(),
  )
  .max(10_000);

export const ReplaceResult = z.object({
  /** How many hits were replaced: exactly the text that changed. */
  replaced: z.number().int(),
  partsChanged: z.number().int(),
  /** Taken first; restoring it undoes the whole replace. */
  snapshot: SnapshotInfo,
  parts: z.array(PartSummary),
});
export type ReplaceResult = z.infer<typeof ReplaceResult>;
