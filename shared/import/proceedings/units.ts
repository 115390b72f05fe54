/** The units of seed 000's thematic parts: their headings, lettered presentations and commentators. */

export const PRES_HEAD = /^\(\s*([a-h@&8€])(?:\s*\))?\s+(\S.*)$/;
export const LETTERS = 'abcdefgh';

/**
 * "Unit II: Title" → label "II", title "Title". The label's letters could also begin the
 * title, so the rest is taken whole and split here (one pattern backtracks quadratically).
 */
export function unitHeading(t: string): { label: string; title: string } | null {
  const m = /^Unit\s*([|lI1N-]*[AB]?)([\s\S]*)$/.exec(t);
  if (!m) return null;
  return { label: m[1]!, title: m[2]!.replace(/^\s*[.:]/, '').trim() };
}

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
