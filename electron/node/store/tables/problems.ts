import type { FileProblem } from '../../../../shared/i18n/file-problems';

/** Where a table module reports a damaged record it skipped (the store lists them for the user). */
export type NoteProblem = (problem: FileProblem) => void;
