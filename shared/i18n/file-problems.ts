import { z } from 'zod';
import type { MessageValues } from '../errors';
import { type ErrorKey, isErrorKey } from './app-error';
import { translator } from './translate';
import type { UiLanguage } from './ui-language';

/**
 * Something found damaged or set aside when a conference was opened (the rest opened): a message of
 * the errors catalogue and its values, so the banner and the command line word it in the user's
 * language. What the system said (SQLite's or the document schema's words) stays a value.
 */
export interface FileProblem {
  key: ErrorKey;
  values: MessageValues;
}

export const fileProblem = (key: ErrorKey, values: MessageValues = {}): FileProblem => ({ key, values });

/** A problem at a boundary: a known key of the errors catalogue, and a few plain values, none long. */
export const FileProblemSchema = z.object({
  key: z.custom<ErrorKey>((k) => typeof k === 'string' && k.length <= 100 && isErrorKey(k), {
    message: 'not a key of the errors catalogue',
  }),
  values: z
    .record(z.string().max(50), z.union([z.string().max(2000), z.number().finite()]))
    .refine((v) => Object.keys(v).length <= 20, { message: 'too many values' }),
});

/** The problem in words, in a language. */
export function fileProblemText(problem: FileProblem, language: UiLanguage): string {
  return String(translator(language)(`errors:${problem.key}` as never, problem.values));
}

/** Two problems are the same when they say the same thing (a record read twice is named once). */
export const sameProblem = (a: FileProblem, b: FileProblem): boolean =>
  a.key === b.key && JSON.stringify(a.values) === JSON.stringify(b.values);
