import type { PartSummary } from '../../../shared/model/conference';

/**
 * Whether two lists of parts have the same ids and titles in the same order. Each save gives the
 * conference a new list (word counts, revisions): what shows only the parts' titles (comments, the
 * warnings beside the editor) need not render again for it.
 */
export function sameIdsAndTitles(a: readonly PartSummary[] = [], b: readonly PartSummary[] = []): boolean {
  return a === b || (a.length === b.length && a.every((p, i) => p.id === b[i]!.id && p.title === b[i]!.title));
}
