/**
 * The endnotes of an annual report exported from Word as text: each note a paragraph opening
 * with "\uFFFD." and a tab (the reference mark Word could not write), after the body; the marks
 * in the text are lost too, and only a line broken where one stood shows the place.
 */
import type { DocNode } from '../../model/doc-nodes';
import { plainInline } from '../inline';
import { footnote } from '../nodes';
import type { ImportContext } from '../result';
import { squash } from '../util';

export interface Endnote {
  text: string;
  line: number;
}

/** A paragraph of the body: its text, where it starts, and where a lost reference mark broke it. */
export interface Para {
  n: number;
  text: string;
  /** Offsets in `text` where the source line was broken at a lost reference mark. */
  traces: number[];
}

const ENDNOTE = /^\s*\uFFFD\.\t\s*(\S.*|)$/;

/** The text of an endnote's first paragraph, or null when the paragraph is not one. */
export function endnoteOpening(line: string): string | null {
  const m = line.match(ENDNOTE);
  return m ? noteText(m[1]!) : null;
}

/** A note's text: field codes out, its addresses kept as plain text. */
export const noteText = (s: string): string =>
  squash(plainInline(stripFieldCodes(s).replace(/<(https?:[^<>]+)>/g, '$1')));

/** Word's HYPERLINK field codes (anatomy §3.5): keep the address, drop the code. */
export const stripFieldCodes = (s: string): string =>
  s.replace(/\uFFFD\s*HYPERLINK\s+"([^"]+)"[^\uFFFD]*\uFFFD+[^\uFFFD]*\uFFFD/g, '<$1>').replace(/\uFFFD/g, '');

/** The footnote node for an inline "<sup>n</sup>" mark: the n-th endnote. */
export function anchorNode(label: string, notes: Endnote[]): DocNode | null {
  const note = notes[Number(label) - 1];
  return note ? footnote(note.text) : null;
}

/** Text a note can close: a sentence or a long line, not a heading ("I.  Introduction:"), whose mark would be lost with it. */
const isRunningText = (t: string) => {
  const plain = plainInline(t).trim();
  return plain.length >= 90 || /[.!?][”"’)]?$/.test(plain);
};

/** Past this many trace–note pairs the comparison would cost seconds: the notes then go to the traces in order. */
const MAX_PAIRS = 1_000_000;

/**
 * Which note each trace gets (trace index → note index), in order, the notes without a trace
 * chosen so that the words before the traces match their notes' best. More traces than notes,
 * or too many pairs to compare: the notes go to the first traces in order.
 */
function assignNotes(before: Set<string>[], noteWords: Set<string>[]): Map<number, number> {
  const T = before.length;
  const N = noteWords.length;
  const assigned = new Map<number, number>();
  if (T > N || T * N > MAX_PAIRS) {
    for (let t = 0; t < Math.min(T, N); t++) assigned.set(t, t);
    return assigned;
  }
  const score = (t: number, k: number) => {
    let s = 0;
    for (const w of noteWords[k]!) if (before[t]!.has(w)) s++;
    return s;
  };
  // best[t][k]: best total placing traces 0..t-1 with notes 0..k-1 (monotonic).
  const best: number[][] = Array.from({ length: T + 1 }, () => new Array<number>(N + 1).fill(-Infinity));
  for (let k = 0; k <= N; k++) best[0]![k] = 0;
  for (let t = 1; t <= T; t++) {
    for (let k = t; k <= N; k++) best[t]![k] = Math.max(best[t]![k - 1]!, best[t - 1]![k - 1]! + score(t - 1, k - 1));
  }
  for (let t = T, k = N; t > 0 && k > 0; ) {
    if (best[t]![k] === best[t]![k - 1]) k--;
    else {
      assigned.set(t - 1, k - 1);
      t--;
      k--;
    }
  }
  return assigned;
}

const words = (s: string) => new Set(s.toLowerCase().match(/\p{L}{5,}/gu) ?? []);

/**
 * Endnotes to their places: each trace of a lost mark gets one note, in order, choosing
 * which notes have no trace by how well each note's words match the text before the
 * trace. Every placement is reported, since it is a reconstruction.
 */
export function placeEndnotes(paras: Para[], notes: Endnote[], ctx: ImportContext): void {
  if (!notes.length) return;
  const traces = paras.flatMap((p, pi) => p.traces.map((at) => ({ pi, at })));
  const assigned = assignNotes(
    traces.map((tr) => words(paras[tr.pi]!.text.slice(Math.max(0, tr.at - 400), tr.at))),
    notes.map((n) => words(n.text)),
  );
  const inserts = new Map<number, { at: number; k: number }[]>();
  for (const [t, k] of assigned) {
    const tr = traces[t]!;
    (inserts.get(tr.pi) ?? inserts.set(tr.pi, []).get(tr.pi)!).push({ at: tr.at, k });
    ctx.warn(paras[tr.pi]!.n, 'ENDNOTE_PLACED', {
      key: 'endnotePlaced',
      values: { number: k + 1, context: paras[tr.pi]!.text.slice(Math.max(0, tr.at - 40), tr.at) },
    });
  }
  const placed = new Set(assigned.values());
  notes.forEach((note, k) => {
    if (placed.has(k)) return;
    // No trace left: the paragraph of running text sharing most words with the note (else the last), flagged.
    let bestPi = paras.length - 1;
    let bestScore = 0;
    const nw = words(note.text);
    paras.forEach((p, pi) => {
      if (!isRunningText(p.text)) return;
      let s = 0;
      for (const w of words(p.text)) if (nw.has(w)) s++;
      if (s > bestScore) {
        bestScore = s;
        bestPi = pi;
      }
    });
    (inserts.get(bestPi) ?? inserts.set(bestPi, []).get(bestPi)!).push({ at: paras[bestPi]!.text.length, k });
    ctx.warn(note.line, 'ANCHOR_LOST', {
      key: 'anchorLost',
      values: { number: k + 1, text: note.text.slice(0, 60), line: paras[bestPi]!.n },
    });
  });
  for (const [pi, list] of inserts) {
    const p = paras[pi]!;
    for (const { at, k } of list.sort((a, b) => b.at - a.at))
      p.text = `${p.text.slice(0, at)}<sup>${k + 1}</sup>${p.text.slice(at)}`;
  }
}
