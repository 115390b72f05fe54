/**
 * Comment marks (Lexical's MarkNode): an inline wrapper around commented text, carrying
 * the ids of the comment threads on it (shared/review/comments.ts). It prints nothing of
 * its own: the compile step keeps its text and drops the mark.
 */
import { z } from 'zod';
import { elementFields, spec } from './spec';

/** As the thread ids of shared/review/comments.ts (the model's Id; not imported, the model imports the elements). */
const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const markElement = spec({
  type: 'mark', role: 'inline',
  fields: z.looseObject({ ...elementFields, ids: z.array(Id).max(100) }),
});
