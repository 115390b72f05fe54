/**
 * Conversion damage of OCR'd books (seed 000, anatomy §1.5 and §8.6): page furniture,
 * footnotes at page feet, garbled labels. Repairs of the words themselves are only
 * offered (as suggestions), applied when the user accepts one.
 */
import type { SourceLine } from './source';
import type { WarningText } from '../i18n/import-warnings';
import type { ImportContext } from './result';
import { squash } from './util';
import { findOcrRepairs, type OcrRepair } from './ocr-repair';
import { dictionaryFor, guessSpellingLanguage, otherLanguage, type WordList } from './spelling';

export interface PageNote {
  id: number;
  text: string;
  line: number;
  page: number;
}
export interface BodyLine {
  n: number;
  text: string;
  page: number;
  pageStart: boolean;
}

/** Tested on a trimmed line. */
const RUNNING_HEADER = /^(?:CEPAL\s*-\s*SERIE\b.*|Human Rights and Trafficking in Persons in the Americas)$/;
const PAGE_NUMBER = /^\s*\d{1,3}\s*$/;
/** A footnote text at the foot of a page: a (garbled) number, then the note. */
export const NOTE_START = /^(?:\d{1,2}|[*'’”“"?®™¢%¥€]{1,3}|[*'’”"?®™¢%¥]{1,2}\d?)\s+[A-Z(“"]/;

export function isFurniture(t: string): boolean {
  return RUNNING_HEADER.test(t.trim()) || PAGE_NUMBER.test(t);
}

/**
 * Splits the source into body lines and footnote texts. A page starts at a line with
 * one leading space, after a bare page number or after a running header; the notes of
 * a page are the note-shaped paragraphs just before that point.
 */
export function splitPages(lines: SourceLine[], ctx: ImportContext): { body: BodyLine[]; notes: PageNote[] } {
  const isBreak = (i: number): boolean => {
    const t = lines[i]?.text ?? '';
    return /^ \S/.test(t) || isFurniture(t);
  };
  const noteLines = new Set<number>();
  const notes: PageNote[] = [];
  let page = 0;
  const pageOfLine = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    if (isBreak(i) && !(i > 0 && isBreak(i - 1) && isFurniture(lines[i - 1]!.text))) page++;
    pageOfLine.set(i, page);
  }
  const isNoteStart = (k: number): boolean => {
    const t = lines[k]!.text;
    if (!NOTE_START.test(t) || /^\d{1,2}\s+[a-z]/.test(t)) return false;
    // An epigraph in quotes is not a note: it ends with its closing quote.
    if (/^[“"]/.test(t)) {
      let e = k;
      while (e + 1 < lines.length && lines[e + 1]!.text.trim() !== '' && !/^ \S/.test(lines[e + 1]!.text)) e++;
      if (/[”"]\s*\.?$/.test(lines[e]!.text.trimEnd())) return false;
    }
    return true;
  };
  for (let i = 1; i < lines.length; i++) {
    if (!isBreak(i) || isBreak(i - 1)) continue;
    // Walk back over blank lines and furniture to the last line of the page.
    let j = i - 1;
    while (j >= 0 && (lines[j]!.text.trim() === '' || isFurniture(lines[j]!.text))) j--;
    // Upwards, line by line: note starts, with at most two continuation lines below each.
    let top = -1;
    let pending = 0;
    for (let k = j; k >= 0 && k > j - 40; k--) {
      const t = lines[k]!.text;
      if (isFurniture(t) || (/^ \S/.test(t) && k !== j && !isNoteStart(k))) break;
      if (t.trim() === '') continue;
      if (isNoteStart(k)) {
        top = k;
        pending = 0;
        continue;
      }
      pending++;
      if (pending > 2) break;
    }
    if (top < 0) continue;
    let cur: { text: string[]; line: number; marked: boolean } | null = null;
    let afterBlank = false;
    const flush = () => {
      if (!cur) return;
      const joined = cur.text.join(' ').replace(/-\s+(?=[a-z])/g, '-');
      notes.push({
        id: notes.length + 1,
        text: joined.replace(NOTE_MARK, '').trim(),
        line: cur.line,
        page: pageOfLine.get(top) ?? 0,
      });
      // Its place: the note's first words (the editor marks the note's mark in the text).
      const quote = squash(joined).split(' ').slice(0, 6).join(' ');
      if (!cur.marked) ctx.warn(cur.line, 'NOTE_WITHOUT_MARK', { key: 'noteWithoutMark' }, { quote });
    };
    for (let k = top; k <= j; k++) {
      const t = lines[k]!.text.trim();
      noteLines.add(k);
      if (!t) {
        afterBlank = true;
        continue;
      }
      const starts = isNoteStart(k);
      if (!cur || starts || (afterBlank && /^[A-Z]/.test(t))) {
        flush();
        cur = { text: [t], line: lines[k]!.n, marked: starts };
      } else cur.text.push(t);
      afterBlank = false;
    }
    flush();
  }
  const body: BodyLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (noteLines.has(i)) continue;
    const t = lines[i]!.text;
    if (isFurniture(t)) continue;
    body.push({ n: lines[i]!.n, text: t, page: pageOfLine.get(i) ?? 0, pageStart: /^ \S/.test(t) });
  }
  if (notes.length === 0) ctx.warn(null, 'NO_NOTES', { key: 'noNotes' });
  return { body, notes };
}

const NOTE_MARK = /^(?:\d{1,2}|[*'’”“"?®™¢%¥€]{1,3}|[*'’”"?®™¢%¥]{1,2}\d?)\s+/;

/** OCR forms of roman numerals in labels ("|1", "Il", "111", "I11-A", "lll-B") → "II", "III-A". */
export function repairRoman(label: string): string {
  return label
    .replace(/[|l1]/g, 'I')
    .replace(/N(?=I)/g, 'I')
    .toUpperCase();
}

/**
 * One warning per distinct OCR repair the dictionary of the text's language confirms (see
 * ocr-repair.ts), at its first line, with its count; the text itself is not changed here.
 * Returns the dictionary it used (null when none was provided).
 */
export function suggestRepairs(body: BodyLine[], ctx: ImportContext): WordList | null {
  const language = guessSpellingLanguage(body.map((l) => l.text).join('\n'), ctx.meta.language);
  const words = dictionaryFor(language);
  if (!words) return null;
  for (const r of findOcrRepairs(body, words, dictionaryFor(otherLanguage(language)) ?? undefined)) {
    ctx.warn(r.line, 'OCR_REPAIR', ocrRepairMessage(r), { suggestion: { find: r.from, replace: r.to } });
  }
  return words;
}

/**
 * Whether a word hyphenated at a line end ("documen-" / "tation") is one word broken there:
 * the dictionary knows the joined form and not both halves ("grounds-" / "race" is a dash
 * between two words, "traveller-identification" a compound).
 */
export function isBrokenWord(head: string, tail: string, words: WordList | null): boolean {
  if (!words) return false;
  return words.knows(head + tail) && !(words.knows(head) && words.knows(tail));
}

function ocrRepairMessage(r: OcrRepair): WarningText {
  return { key: 'ocrRepair', values: { from: r.from, to: r.to, count: r.count, damage: r.kind.replace('-', '_') } };
}
