/** The units of seed 000: their lettered presentations and the names of their commentators. */

export const PRES_HEAD = /^\(\s*([a-h@&8€])(?:\s*\))?\s+(\S.*)$/;
export const LETTERS = 'abcdefgh';

/** "The second commentator was Ms. Ann Jordan, who …" → "Ann Jordan". */
export function commentatorName(t: string): string | null {
  const m = t
    .slice(0, 160)
    .match(
      /(?:commentator(?:\s+(?:of|on|for)\s+(?:this|the present)\s+(?:panel|unit|session|block|table))?\s+was|commentator,|round of comments,|During the discussion,|took the floor was|take the floor was)\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?([A-ZÁÉÍÓÚ][^\s\d.,;:!?()*"“”[\]<>]*(?:\s+[A-ZÁÉÍÓÚ][^\s\d.,;:!?()*"“”[\]<>]*){0,3})/,
    );
  if (!m) return null;
  const words = m[1]!.trim().split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    const cut = w.search(/[^\p{L}'’-]/u);
    const clean = cut < 0 ? w : w.slice(0, cut);
    if (!clean || !/^[A-ZÁÉÍÓÚ]/.test(clean)) break;
    out.push(clean);
    if (clean !== w) break;
  }
  return out.length >= 2 ? out.join(' ') : null;
}
