/**
 * Which OCR repairs concern a part's text. A repair is stored with one part (the first
 * holding its damaged word), but Accept changes the word in every part, so every part
 * whose text holds it shows the warning (issue 12).
 */
import { findQuote } from '../../../../shared/import/warning-places';
import type { ImportWarning } from '../../../../shared/model/conference';

/** A run of letters and digits: the words findQuote's whole-word match stops at. */
const WORD = /^[\p{L}\p{N}]+$/u;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * The ids of the open repairs whose damaged word stands in `text` as a whole word, as
 * findQuote (and so the markers) finds it. One pass splits the text into words; a repair of
 * one word is then a set look-up, and only the few of several words or with symbols
 * ("organi zations", "|ess") are looked for in the text.
 */
export function repairsInText(text: string, warnings: readonly ImportWarning[]): Set<number> {
  const found = new Set<number>();
  const repairs = warnings.filter((w) => w.status === 'open' && w.suggestion?.find);
  if (!repairs.length || !text) return found;
  const words = new Set(text.split(NOT_WORD));
  for (const w of repairs) {
    const find = w.suggestion!.find;
    if (WORD.test(find) ? words.has(find) : findQuote(text, find) >= 0) found.add(w.id);
  }
  return found;
}
