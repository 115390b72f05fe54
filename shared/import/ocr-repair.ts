/**
 * Finds the systematic OCR damage of a scanned book (seed 000) with a spelling dictionary:
 * a dropped "l" ("internationa", "socia", "aso"), words fused ("Thisis") or split
 * ("develop ment", "M oderator"), a stray symbol for a letter ("|abour", "peopl€e").
 * A repair is offered only when the dictionary knows the repaired form and not the damaged
 * one, and only when exactly one repair fits; so a real word is never "repaired".
 * Each distinct repair is offered once, with how often it occurs.
 */
import type { WordList } from './spelling';

export type OcrDamage = 'dropped-letter' | 'fused' | 'split' | 'stray-symbol' | 'known-form';

export interface OcrRepair {
  from: string;
  to: string;
  /** Whole-word occurrences of `from` in the text. */
  count: number;
  /** The first line it occurs on. */
  line: number;
  kind: OcrDamage;
}

/** OCR forms of names and acronyms, which no dictionary holds. */
const KNOWN_FORMS: Record<string, string> = {
  Mufioz: 'Muñoz',
  Montafio: 'Montaño',
  Sudrez: 'Suárez',
  Comisién: 'Comisión',
  Balivia: 'Bolivia',
  '10M': 'IOM',
  I0M: 'IOM',
  '|OM': 'IOM',
};
/** A token: letters, with the symbols OCR puts in place of a letter. */
const TOKEN = /[\p{L}\p{N}|€]+/gu;
const STRAY = /[|€]/;
const LETTERS = /^\p{L}+$/u;
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;

interface Seen {
  count: number;
  line: number;
  nearForeign: boolean;
  nearName: boolean;
  /** On a line written in the other language ("Consul Genera del Peri en Chile"). */
  inForeignLine: boolean;
  /** Joined to a neighbour it makes a word ("wel comed"): it is a piece of that word. */
  nearPiece: boolean;
  /** After a piece of a broken word ("trand ated"): it may be the rest of that word, not two words fused. */
  afterPiece: boolean;
  /** In a Latin phrase English keeps as it is ("per capita"). */
  inPhrase: boolean;
}

/** Latin phrases of English texts whose second word no English dictionary holds. */
const LATIN_PHRASES: Record<string, string> = {
  capita: 'per',
  alia: 'inter',
  facto: 'de',
  jure: 'de',
  versa: 'vice',
  fide: 'bona',
};
/** Function words both languages share, which say nothing about the line's language. */
const SHARED_FUNCTION_WORDS = new Set(['no', 'a']);

/**
 * `foreign`: the other language's dictionary. A word of that language found next to a word
 * only it knows, or on a line with two such words, is a quotation ("Ministerio del Interior"), and a capitalised word next to an
 * unknown capitalised one is part of a name ("Maria Camila Moreno"): such words are left alone,
 * since accepting a repair changes every occurrence.
 */
export function findOcrRepairs(lines: { n: number; text: string }[], words: WordList, foreign?: WordList): OcrRepair[] {
  const memo = new Map<string, boolean>();
  const knows = (w: string) => {
    let k = memo.get(w);
    if (k === undefined) {
      k = w.length > 0 && words.knows(w);
      memo.set(w, k);
    }
    return k;
  };
  const foreignMemo = new Map<string, boolean>();
  const foreignKnows = (w: string) => {
    let k = foreignMemo.get(w);
    if (k === undefined) {
      k = foreign?.knows(w) === true;
      foreignMemo.set(w, k);
    }
    return k;
  };
  const fixes = new Map<string, { to: string; kind: OcrDamage } | null>();
  const fixOf = (w: string) => {
    if (!fixes.has(w)) fixes.set(w, repairOf(w, knows, words.joiners));
    return fixes.get(w)!;
  };
  // A damaged word may happen to be a word of the other language ("socia", "aso"): not counted.
  const isForeignWord = (w: string | undefined) =>
    !!w && LETTERS.test(w) && !knows(w) && foreignKnows(w) && fixOf(w) === null;
  const isName = (w: string | undefined) =>
    !!w && TITLE_CASE.test(w) && !knows(w) && !KNOWN_FORMS[w] && fixOf(w) === null;

  // The other language's function words ("del", "en", "para", "y"): two on a line make it that language's.
  const foreignFunction = (w: string) => {
    const lower = w.toLowerCase();
    return !!foreign?.joiners.has(lower) && !words.joiners.has(lower) && !SHARED_FUNCTION_WORDS.has(lower);
  };
  // A lower-case token no dictionary knows and nothing repairs: a piece of a word the OCR broke.
  const isPiece = (w: string | undefined) =>
    !!w && LETTERS.test(w) && w === w.toLowerCase() && !knows(w) && !foreignKnows(w) && fixOf(w) === null;

  const tokens = new Map<string, Seen>();
  const pieces = new Map<string, { count: number; line: number; parts: string[] }>();
  for (const l of lines) {
    const found = [...l.text.matchAll(TOKEN)];
    // Two words of the other language on a line make it a quotation or a title in that language.
    const foreignLine = found.filter((m) => isForeignWord(m[0])).length >= 2;
    const inForeignLine = found.filter((m) => foreignFunction(m[0])).length >= 2;
    found.forEach((m, i) => {
      const word = m[0];
      const seen = tokens.get(word) ?? {
        count: 0,
        line: l.n,
        nearForeign: false,
        nearName: false,
        inForeignLine: false,
        nearPiece: false,
        afterPiece: false,
        inPhrase: false,
      };
      seen.count++;
      const around = [found[i - 1]?.[0], found[i + 1]?.[0]];
      seen.nearForeign ||= foreignLine || around.some(isForeignWord);
      seen.nearName ||= around.some(isName);
      seen.inForeignLine ||= inForeignLine;
      // Only a neighbour one space away can be the rest of the word.
      const prev = i > 0 && spaced(l.text, found[i - 1]!, m) ? found[i - 1]![0] : undefined;
      const next = i + 1 < found.length && spaced(l.text, m, found[i + 1]!) ? found[i + 1]![0] : undefined;
      seen.nearPiece ||=
        (!!prev && LETTERS.test(prev) && knows(prev + word)) || (!!next && LETTERS.test(next) && knows(word + next));
      seen.afterPiece ||= isPiece(prev);
      const phraseHead = LATIN_PHRASES[word.toLowerCase()];
      seen.inPhrase ||= !!phraseHead && phraseHead === found[i - 1]?.[0].toLowerCase();
      tokens.set(word, seen);
      // The run of two or three tokens ending here, each after one space: a word split apart.
      for (let k = 1; k <= 2 && i - k >= 0 && spaced(l.text, found[i - k]!, found[i - k + 1]!); k++) {
        const parts = found.slice(i - k, i + 1).map((f) => f[0]);
        const key = parts.join(' ');
        const p = pieces.get(key) ?? { count: 0, line: l.n, parts };
        p.count++;
        pieces.set(key, p);
      }
    });
  }
  const repairs: OcrRepair[] = [];
  const taken = new Set<string>();
  // Split words first (three pieces before two: "M oder ator"): their pieces are not repaired on their own.
  for (const [from, p] of [...pieces].sort((a, b) => b[1].parts.length - a[1].parts.length)) {
    const { parts } = p;
    if (parts.some((h) => !LETTERS.test(h)) || parts.every(knows)) continue;
    // A piece that is a function word of the other language ("with al") is a word of that language;
    // a longer piece it happens to know ("wel comed") is still a piece.
    if (parts.some((h) => !knows(h) && foreignKnows(h) && foreign?.joiners.has(h.toLowerCase()))) continue;
    const to = parts.join('');
    if (to.length < 5 || !knows(to) || parts.slice(1).some((h) => h !== h.toLowerCase())) continue;
    repairs.push({ from, to, count: p.count, line: p.line, kind: 'split' });
    for (const h of parts) if (!knows(h)) taken.add(h);
  }
  for (const [from, seen] of tokens) {
    if (taken.has(from)) continue;
    const known = KNOWN_FORMS[from];
    if (known) {
      repairs.push({ from, to: known, count: seen.count, line: seen.line, kind: 'known-form' });
      continue;
    }
    if (knows(from) || !/\p{L}{2}/u.test(from)) continue;
    if ((seen.nearForeign && foreignKnows(from)) || (seen.nearName && TITLE_CASE.test(from))) continue;
    // Accepting changes every occurrence: one in a foreign passage, a Latin phrase or beside a piece
    // of a broken word ("trand ated" is not "a ted") would be made wrong.
    if (seen.inForeignLine || seen.inPhrase || seen.nearPiece) continue;
    const fix = fixOf(from);
    if (fix?.kind === 'fused' && seen.afterPiece) continue;
    if (fix) repairs.push({ from, to: fix.to, count: seen.count, line: seen.line, kind: fix.kind });
  }
  return repairs.sort((a, b) => a.line - b.line || a.from.localeCompare(b.from));
}

const spaced = (text: string, a: RegExpMatchArray, b: RegExpMatchArray) =>
  b.index === a.index! + a[0].length + 1 && text[b.index - 1] === ' ';

function unique(candidates: string[]): string | null {
  const set = new Set(candidates);
  return set.size === 1 ? [...set][0]! : null;
}

/** The one repair the dictionary confirms for an unknown word, if there is exactly one. */
function repairOf(
  word: string,
  knows: (w: string) => boolean,
  joiners: ReadonlySet<string>,
): { to: string; kind: OcrDamage } | null {
  if (STRAY.test(word)) {
    if ((word.match(/[|€]/g) ?? []).length > 1) return null;
    const to = unique(['l', 'I', ''].map((c) => word.replace(STRAY, c)).filter((w) => w.length > 1 && knows(w)));
    return to ? { to, kind: 'stray-symbol' } : null;
  }
  if (!LETTERS.test(word)) return null;
  const l = word === word.toUpperCase() ? 'L' : 'l';
  if (word.length >= 3) {
    const options: string[] = [];
    for (let i = 1; i <= word.length; i++) options.push(word.slice(0, i) + l + word.slice(i));
    const to = unique(options.filter(knows));
    // A repair into a name only ("Camila" → "Camilla") would rename someone.
    if (to && (!TITLE_CASE.test(to) || knows(to.toLowerCase()))) return { to, kind: 'dropped-letter' };
  }
  // Fused: a short joining word glued to a known word ("Thisis", "theright", "Americaand").
  const splits: string[] = [];
  for (let i = 1; i < word.length; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (b !== b.toLowerCase()) continue;
    const aJoins = joiners.has(a.toLowerCase());
    const bJoins = joiners.has(b);
    if (!aJoins && !bJoins) continue;
    // Two joining words ("asin", "asthe") only in lower case: "Asin" may be a name.
    if (aJoins && bJoins ? word !== word.toLowerCase() : (aJoins ? b : a).length < 3) continue;
    // A one-letter joining word ("a") only leads a lower-case word: "Barra", "Republica", "Asin" are names.
    if ((bJoins && !aJoins && b.length === 1) || (aJoins && a.length === 1 && word !== word.toLowerCase())) continue;
    if (knows(a) && knows(b)) splits.push(`${a} ${b}`);
  }
  const to = unique(splits);
  return to ? { to, kind: 'fused' } : null;
}
