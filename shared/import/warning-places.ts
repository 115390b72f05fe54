/**
 * Every warning with a source line names the part that line fell in, so the warnings
 * panel has somewhere to jump to (issue 12: 37 of seed 000's 47 warnings named no part).
 * A part runs from its heading's line to the next part's; warnings before the first part
 * (the cover) or without a line (the file as a whole) stay unattached.
 */
import type { ImportContext, ImportedPart } from './result';

export function attachWarningsToParts(ctx: ImportContext): void {
  const flat = (ps: ImportedPart[]): ImportedPart[] => ps.flatMap((p) => [p, ...flat(p.children)]);
  const starts = flat(ctx.parts).filter((p) => p.line !== null).sort((a, b) => a.line! - b.line!);
  if (!starts.length) return;
  for (const w of ctx.warnings) {
    if (w.partId !== null || w.line === null) continue;
    // The last part starting at or before the line (binary search: imports can hold thousands of parts).
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]!.line! <= w.line) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (found >= 0) w.partId = starts[found]!.id;
  }
}
