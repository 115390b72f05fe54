/**
 * Word-level differences: the one place both the compare view and the Word export
 * turn two texts into kept, deleted and inserted words. The `diff` package finds the
 * longest common subsequence; this module splits words and tidies the result so that a
 * changed phrase reads as "old words deleted, new words inserted", not as a comb of
 * one-word changes around shared spaces.
 */
import { diffArrays } from 'diff';

/** Words, runs of spaces and single punctuation marks, in order; joined they give the text back. */
export function splitWords(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}_'’]+|[^\s\p{L}\p{N}\p{M}_'’]/gu) ?? [];
}

export type DiffOp = 'eq' | 'del' | 'ins';

/** One token of the result: kept (both indexes), deleted (old index) or inserted (new index). */
export interface TokenChange {
  op: DiffOp;
  oldIndex: number;
  newIndex: number;
}

const isSpace = (key: string) => /^\s*$/.test(key);

/**
 * Aligns two token sequences by their keys. A kept stretch made only of spaces between
 * two changes is folded into them, and each run of changes lists its deletions before
 * its insertions.
 */
export function diffTokens(
  oldKeys: string[],
  newKeys: string[],
  spaceKey: (key: string) => boolean = isSpace,
): TokenChange[] {
  type Seg = { op: DiffOp; oldStart: number; newStart: number; count: number };
  const flat: TokenChange[] = [];
  let i = 0;
  let j = 0;
  for (const c of diffArrays(oldKeys, newKeys)) {
    for (let t = 0; t < c.value.length; t++) {
      if (c.added) flat.push({ op: 'ins', oldIndex: -1, newIndex: j++ });
      else if (c.removed) flat.push({ op: 'del', oldIndex: i++, newIndex: -1 });
      else flat.push({ op: 'eq', oldIndex: i++, newIndex: j++ });
    }
  }
  slideToBoundaries(flat, oldKeys, newKeys);
  const segs: Seg[] = [];
  for (const c of flat) {
    const last = segs[segs.length - 1];
    if (last && last.op === c.op) last.count++;
    else segs.push({ op: c.op, oldStart: c.oldIndex, newStart: c.newIndex, count: 1 });
  }
  // Kept spaces between two changes become part of the change on both sides.
  for (let k = 1; k < segs.length - 1; k++) {
    const s = segs[k]!;
    if (s.op !== 'eq') continue;
    const only = oldKeys.slice(s.oldStart, s.oldStart + s.count).every(spaceKey);
    if (only && segs[k - 1]!.op !== 'eq' && segs[k + 1]!.op !== 'eq') {
      segs.splice(
        k,
        1,
        { op: 'del', oldStart: s.oldStart, newStart: s.newStart, count: s.count },
        { op: 'ins', oldStart: s.oldStart, newStart: s.newStart, count: s.count },
      );
      k++;
    }
  }
  const out: TokenChange[] = [];
  let dels: TokenChange[] = [];
  let inss: TokenChange[] = [];
  const flush = () => {
    out.push(...dels, ...inss);
    dels = [];
    inss = [];
  };
  for (const s of segs) {
    for (let t = 0; t < s.count; t++) {
      if (s.op === 'eq') {
        flush();
        out.push({ op: 'eq', oldIndex: s.oldStart + t, newIndex: s.newStart + t });
      } else if (s.op === 'del') dels.push({ op: 'del', oldIndex: s.oldStart + t, newIndex: -1 });
      else inss.push({ op: 'ins', oldIndex: -1, newIndex: s.newStart + t });
    }
  }
  flush();
  return out;
}

const BOUNDARY = /^[.!?:;]$/;
const WORD = /[\p{L}\p{N}]/u;

/** How well a change placed at `keys[from..to)` sits on word and sentence boundaries. */
function placeScore(keys: string[], from: number, to: number): number {
  const first = keys[from] ?? '';
  const last = keys[to - 1] ?? '';
  let before = from - 1;
  let score = 0;
  if (WORD.test(first)) score += 2;
  if (before < 0 || isSpace(keys[before]!)) score += 1;
  if (isSpace(last) || BOUNDARY.test(last)) score += 2;
  while (before >= 0 && isSpace(keys[before]!)) before--;
  if (before < 0 || BOUNDARY.test(keys[before]!)) score += 1;
  return score;
}

/**
 * A run of only deletions (or only insertions) between kept text can often sit in
 * several places ("The [meeting … ten. The] delegates" or "[The meeting … ten. ]The
 * delegates"); it is moved to where it best starts and ends on words and sentences.
 */
function slideToBoundaries(flat: TokenChange[], oldKeys: string[], newKeys: string[]): void {
  let k = 0;
  while (k < flat.length) {
    const op = flat[k]!.op;
    if (op === 'eq') {
      k++;
      continue;
    }
    let e = k;
    while (e < flat.length && flat[e]!.op === op) e++;
    const pure = (e === flat.length || flat[e]!.op === 'eq') && (k === 0 || flat[k - 1]!.op === 'eq');
    if (!pure) {
      k = e;
      continue;
    }
    const keys = op === 'del' ? oldKeys : newKeys;
    const idx = (c: TokenChange) => (op === 'del' ? c.oldIndex : c.newIndex);
    const n = e - k;
    const p = idx(flat[k]!);
    let left = 0;
    while (k - left - 1 >= 0 && flat[k - left - 1]!.op === 'eq' && keys[p - left - 1] === keys[p - left + n - 1])
      left++;
    let right = 0;
    while (e + right < flat.length && flat[e + right]!.op === 'eq' && keys[p + n + right] === keys[p + right]) right++;
    let best = 0;
    let bestScore = placeScore(keys, p, p + n);
    for (let d = -left; d <= right; d++) {
      const score = placeScore(keys, p + d, p + d + n);
      if (score > bestScore || (score === bestScore && d < best)) {
        best = d;
        bestScore = score;
      }
    }
    if (best !== 0) {
      // Rewrite the window the run moves in: its own side's indices run on; the other side's count kept tokens.
      const w0 = k + Math.min(0, best);
      const w1 = e + Math.max(0, best);
      const firstOwn = idx(flat[w0]!);
      const firstOther = flat.slice(w0, w1).find((c) => c.op === 'eq')!;
      let other = op === 'del' ? firstOther.newIndex : firstOther.oldIndex;
      for (let q = w0; q < w1; q++) {
        const own = firstOwn + (q - w0);
        const inRun = q >= k + best && q < e + best;
        if (inRun) flat[q] = op === 'del' ? { op, oldIndex: own, newIndex: -1 } : { op, oldIndex: -1, newIndex: own };
        else {
          flat[q] =
            op === 'del' ? { op: 'eq', oldIndex: own, newIndex: other } : { op: 'eq', oldIndex: other, newIndex: own };
          other++;
        }
      }
    }
    k = e + Math.max(0, best);
  }
}

export interface TextSegment {
  op: DiffOp;
  text: string;
}

/** Word-level differences of two plain texts, adjacent pieces of one kind joined. */
export function diffText(oldText: string, newText: string): TextSegment[] {
  const a = splitWords(oldText);
  const b = splitWords(newText);
  const out: TextSegment[] = [];
  for (const c of diffTokens(a, b)) {
    const text = c.op === 'ins' ? b[c.newIndex]! : a[c.oldIndex]!;
    const last = out[out.length - 1];
    if (last && last.op === c.op) last.text += text;
    else out.push({ op: c.op, text });
  }
  return out;
}

/** How alike two texts are, 0..1 (Dice coefficient over their words). */
export function similarity(a: string, b: string): number {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wa = words(a);
  const wb = words(b);
  if (!wa.length && !wb.length) return 1;
  if (!wa.length || !wb.length) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/** One step of aligning two sequences of blocks (paragraphs, list items, rows, parts). */
export type Aligned<T> =
  | { op: 'eq'; old: T; cur: T; oldIndex: number; newIndex: number }
  | { op: 'changed'; old: T; cur: T; oldIndex: number; newIndex: number }
  | { op: 'del'; old: T; oldIndex: number }
  | { op: 'ins'; cur: T; newIndex: number };

/** Largest gap (deleted × inserted blocks) in which changed blocks are paired by similarity. */
const PAIRING_LIMIT = 400 * 400;

/**
 * Aligns two block sequences: equal keys are kept; in each stretch where blocks differ,
 * a deleted block and an inserted one that are alike enough (`alike` ≥ threshold) are
 * paired as one changed block, the rest are deleted or inserted whole. `alike` is
 * negative for blocks that can never be paired (another kind).
 */
export function alignBlocks<T>(
  oldItems: T[],
  newItems: T[],
  key: (x: T) => string,
  alike: (a: T, b: T) => number,
  threshold = 0.4,
): Aligned<T>[] {
  const out: Aligned<T>[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flushGap = () => {
    // One block replaced by one other of its kind (a paragraph rewritten in place) stays one changed block.
    if (removed.length === 1 && added.length === 1 && alike(oldItems[removed[0]!]!, newItems[added[0]!]!) >= 0) {
      out.push({
        op: 'changed',
        old: oldItems[removed[0]!]!,
        cur: newItems[added[0]!]!,
        oldIndex: removed[0]!,
        newIndex: added[0]!,
      });
      removed = [];
      added = [];
      return;
    }
    const pairable = removed.length * added.length <= PAIRING_LIMIT;
    let next = 0;
    for (const oi of removed) {
      let best = -1;
      let bestScore = threshold;
      if (pairable) {
        for (let k = next; k < added.length; k++) {
          const score = alike(oldItems[oi]!, newItems[added[k]!]!);
          if (score >= bestScore && (best < 0 || score > bestScore)) {
            best = k;
            bestScore = score;
          }
        }
      }
      if (best < 0) {
        out.push({ op: 'del', old: oldItems[oi]!, oldIndex: oi });
        continue;
      }
      for (; next < best; next++) out.push({ op: 'ins', cur: newItems[added[next]!]!, newIndex: added[next]! });
      out.push({
        op: 'changed',
        old: oldItems[oi]!,
        cur: newItems[added[best]!]!,
        oldIndex: oi,
        newIndex: added[best]!,
      });
      next = best + 1;
    }
    for (; next < added.length; next++) out.push({ op: 'ins', cur: newItems[added[next]!]!, newIndex: added[next]! });
    removed = [];
    added = [];
  };
  for (const c of diffTokens(oldItems.map(key), newItems.map(key), () => false)) {
    if (c.op === 'eq') {
      flushGap();
      out.push({
        op: 'eq',
        old: oldItems[c.oldIndex]!,
        cur: newItems[c.newIndex]!,
        oldIndex: c.oldIndex,
        newIndex: c.newIndex,
      });
    } else if (c.op === 'del') removed.push(c.oldIndex);
    else added.push(c.newIndex);
  }
  flushGap();
  return out;
}
