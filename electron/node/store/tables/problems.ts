/** Where a table module reports a damaged record it skipped (the store lists them for the user). */
export type NoteProblem = (problem: string) => void;
