/** Footnote texts of seed 000's page feet put back at their garbled marks in the body lines. */
import type { BodyLine, PageNote } from '../ocr';
import type { ImportContext } from '../result';
import { trailingLetters } from '../util';

/**
 * The reference marks of 000 are garbled into glyphs stuck to a word ("Pizarro'",
 * "Infante?", "Jordan,*®"). The notes of a page take the mark-like glyphs of that page
 * in order of appearance (anatomy §8.2); what cannot be matched is reported.
 */
export function placeAnchors(body: BodyLine[], notes: PageNote[], ctx: ImportContext): void {
  const byPage = new Map<number, BodyLine[]>();
  for (const l of body) (byPage.get(l.page) ?? byPage.set(l.page, []).get(l.page)!).push(l);
  const notesByPage = new Map<number, PageNote[]>();
  for (const n of notes) (notesByPage.get(n.page) ?? notesByPage.set(n.page, []).get(n.page)!).push(n);
  for (const [page, pageNotes] of notesByPage) {
    const pageLines = [...(byPage.get(page) ?? [])];
    const cands: { line: BodyLine; index: number; length: number; named: boolean }[] = [];
    let open = 0;
    for (const line of pageLines) {
      for (const m of line.text.matchAll(
        /((?<=[\p{L}.,)])(?:(?:“B|[’”"'?®*™%¢¥]){1,2}|\d{1,2})(?=[\s,.;:)]|$))|[“”]/gu,
      )) {
        const g = m[0];
        const at = m.index ?? 0;
        if (g === '“' && !m[1]) {
          open++;
          continue;
        }
        if (!m[1]) {
          if (open > 0) {
            open--;
            continue;
          }
        }
        if (open > 0 && /^[”’]/.test(g)) {
          open--;
          continue;
        }
        const before = line.text.slice(0, at);
        if (/^[’']/.test(g) && /s$/.test(before) && /^\s/.test(line.text.slice(at + g.length))) continue;
        // The apostrophe of a name ("Florizelle O’ Connor", "O’Connor") is no mark.
        if (/^[’']$/.test(g) && /(?:^|[\s(])\p{Lu}$/u.test(before) && /^\s?\p{Lu}/u.test(line.text.slice(at + 1)))
          continue;
        if (g === '?' && /^\s+[A-Z]/.test(line.text.slice(at + 1))) continue;
        if (/^\d/.test(g) && !/\p{L}$/u.test(before)) continue;
        const word = trailingLetters(before.replace(/[.,]$/, ''));
        cands.push({ line, index: at, length: g.length, named: /^[A-Z]/.test(word) });
      }
    }
    // Prefer marks stuck to capitalised words (names of speakers), keeping their order.
    let chosen = cands;
    if (cands.length > pageNotes.length) {
      const named = cands.filter((c) => c.named);
      chosen = named.length >= pageNotes.length ? named : cands;
    }
    const picks = chosen.slice(0, pageNotes.length);
    // Replace from the end of each line so indexes stay valid.
    pageNotes.forEach((note, k) => {
      const c = picks[k];
      if (!c) return;
      (c as { note?: number }).note = note.id;
    });
    const perLine = new Map<BodyLine, typeof picks>();
    for (const c of picks) (perLine.get(c.line) ?? perLine.set(c.line, []).get(c.line)!).push(c);
    for (const [line, cs] of perLine) {
      for (const c of cs.sort((a, b) => b.index - a.index)) {
        const id = (c as { note?: number }).note;
        line.text = `${line.text.slice(0, c.index)}<sup>${id}</sup>${line.text.slice(c.index + c.length)}`;
      }
    }
    for (const note of pageNotes.slice(picks.length)) {
      // No mark left on the page: attach to the end of the page's last body line, and say so.
      const last = [...pageLines].reverse().find((l) => l.text.trim());
      if (last) {
        last.text = `${last.text.trimEnd()}<sup>${note.id}</sup>`;
        ctx.warn(note.line, 'ANCHOR_GUESSED', {
          key: 'anchorGuessed',
          values: { text: note.text.slice(0, 60), line: last.n },
        });
      }
    }
  }
}
