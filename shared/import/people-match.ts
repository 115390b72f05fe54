/**
 * Whether a name in a report's text and a name in its list of participants are the same
 * person, spelt in full in one place and shortened or garbled by the OCR in the other:
 * "Reynaldo Bajraj" / "Reynaldo F. Bajraj", "Carlos Orlando" / "Carlos Ernesto Orlando Bonet",
 * "Jorge Martinez Pizarro" / "Jorge Martinez P.", "SoniaMontafio" / "Sonia Montafio",
 * "Alfonso Morales Sudrez" / "Alfonso Morales Suárez".
 */
const fold = (s: string): string[] =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

/** Levenshtein distance, stopping early once it exceeds `max`. */
function within(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...cur) > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}

/** One word for another: the same but for one letter (two in long words), or an initial of it. */
const sameWord = (a: string, b: string): boolean =>
  within(a, b, a.length >= 8 ? 2 : 1) || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));

export function sameListedPerson(inText: string, inList: string): boolean {
  const a = fold(inText);
  const b = fold(inList);
  if (!a.length || !b.length) return false;
  // Words run together or split apart by the OCR.
  if (within(a.join(''), b.join(''), 1) && Math.min(a.join('').length, b.join('').length) >= 8) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2 || !sameWord(short[0]!, long[0]!)) return false;
  // Every word of the shorter name, in order, in the longer one (middle names and second surnames may be left out).
  let j = 1;
  for (const w of short.slice(1)) {
    while (j < long.length && !sameWord(w, long[j]!)) j++;
    if (j === long.length) return false;
    j++;
  }
  return true;
}
