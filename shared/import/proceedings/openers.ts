/**
 * A line's opening words matched against a template's phrases, without building a regular
 * expression from them: the importer's patterns are all literals, each checked for backtracking
 * (electron/node/importer/regex-safety.test.ts).
 */

const longestFirst = (phrases: readonly string[] | undefined) =>
  [...(phrases ?? [])].sort((a, b) => b.length - a.length);

/** The rest of `line` after the first (longest) of `phrases` it starts with, as printed; undefined if none. */
export function afterOpener(line: string, phrases: readonly string[] | undefined): string | undefined {
  const p = longestFirst(phrases).find((w) => line.startsWith(w));
  return p === undefined ? undefined : line.slice(p.length);
}

/** Whether `line` is one of `phrases`, ignoring case. */
export function isOneOf(line: string, phrases: readonly string[] | undefined): boolean {
  const l = line.toLowerCase();
  return (phrases ?? []).some((p) => p.toLowerCase() === l);
}

/** Whether a rest of a line starts a new word (the opener was a whole word: "Unit" in "Unit II", not "United"). */
export const endsWord = (rest: string): boolean => !/^[\p{L}\p{N}]/u.test(rest);

/**
 * The length of an opener and its colon at the start of `line` ("Moderator: "), its letters read
 * through the OCR's single spaces ("M oder ator:"); 0 if the line has none.
 */
export function spacedOpenerLength(line: string, phrases: readonly string[] | undefined): number {
  for (const phrase of longestFirst(phrases)) {
    let i = 0;
    let found = true;
    for (const [k, ch] of [...phrase.replace(/\s+/g, '')].entries()) {
      if (k > 0 && /^\s/.test(line.slice(i, i + 1)) && line.startsWith(ch, i + 1)) i++;
      if (!line.startsWith(ch, i)) {
        found = false;
        break;
      }
      i += ch.length;
    }
    if (!found) continue;
    const colon = /^\s*:\s*/.exec(line.slice(i));
    if (colon) return i + colon[0].length;
  }
  return 0;
}
