/**
 * The genre rules a template carries as data, for the importer: which source headings open
 * which section, which paragraph openers are run-in heads. Compared without case or accents,
 * as words: "Objectives" matches "OBJECTIVES" and "Objectives of the meeting", not "Objectivesx".
 */
import { fold } from '../i18n/fold';
import type { Template, TemplateSection } from '../templates/schema';

const words = (s: string) =>
  fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** true when `text` starts with `phrase`, word for word, ignoring case, accents and punctuation. */
export function startsWithPhrase(text: string, phrase: string): boolean {
  const t = words(text);
  const p = words(phrase);
  return p !== '' && (t === p || t.startsWith(`${p} `));
}

function* allSections(sections: TemplateSection[]): Generator<TemplateSection> {
  for (const s of sections) {
    yield s;
    yield* allSections(s.children);
  }
}

/** The section whose source headings (or title) the heading starts with; the longest phrase wins. */
export function sectionForHeading(template: Template | undefined, heading: string): TemplateSection | undefined {
  let best: { section: TemplateSection; length: number } | undefined;
  for (const section of allSections(template?.sections ?? [])) {
    for (const phrase of section.sourceHeadings ?? []) {
      if (startsWithPhrase(heading, phrase) && phrase.length > (best?.length ?? 0))
        best = { section, length: phrase.length };
    }
  }
  return best?.section;
}

/** The run-in head a paragraph opens with, as the template names it, if any. */
export function runInHeadOf(template: Template | undefined, paragraph: string): string | undefined {
  return template?.reading?.runInHeads?.find((h) => startsWithPhrase(paragraph, h));
}

/** The words of `text` (runs of letters and digits) with where each starts and ends. */
const wordSpans = (text: string) =>
  [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: fold(m[0]), start: m.index, end: m.index + m[0].length }));

/**
 * Where `phrase` occurs as whole words (without case or accents) in a text's words: the first
 * occurrence from word `fromWord` on, as character offsets into the text; null if none.
 */
function findPhrase(
  have: ReturnType<typeof wordSpans>,
  phrase: string,
  fromWord = 0,
): { start: number; end: number } | null {
  const want = words(phrase).split(' ').filter(Boolean);
  if (!want.length) return null;
  for (let i = fromWord; i + want.length <= have.length; i++) {
    if (want.every((w, k) => have[i + k]!.word === w))
      return { start: have[i]!.start, end: have[i + want.length - 1]!.end };
  }
  return null;
}

/**
 * The first of `phrases` that `text` opens with, the text after it as written (`after`:
 * ": Canada") and without the punctuation between (`rest`: "Canada").
 */
export function openingPhrase(
  text: string,
  phrases: readonly string[] | undefined,
): { phrase: string; rest: string; after: string } | undefined {
  for (const phrase of phrases ?? []) {
    if (!startsWithPhrase(text, phrase)) continue;
    const at = findPhrase(wordSpans(text), phrase);
    if (at)
      return {
        phrase,
        after: text.slice(at.end),
        rest: text
          .slice(at.end)
          .replace(/^[\s:.,;–—-]+/, '')
          .trim(),
      };
  }
  return undefined;
}

/** Whether `text` is one of `phrases` and nothing more (punctuation aside): "RECOMMENDATIONS:" is "Recommendations". */
export function isPhrase(text: string, phrases: readonly string[] | undefined): boolean {
  return (phrases ?? []).some((p) => words(p) !== '' && words(text) === words(p));
}

/** Where the first of `phrases` occurs inside `text` after its first word, as whole words (character offset), or -1. */
export function phraseInside(text: string, phrases: readonly string[] | undefined): number {
  let best = -1;
  const have = wordSpans(text);
  for (const p of phrases ?? []) {
    const at = findPhrase(have, p, 1);
    if (at && (best < 0 || at.start < best)) best = at.start;
  }
  return best;
}

/** Whether `text` mentions any of `phrases`, as whole words. */
export function mentionsPhrase(text: string, phrases: readonly string[] | undefined): boolean {
  if (!phrases?.length) return false;
  const have = wordSpans(text);
  return phrases.some((p) => findPhrase(have, p) !== null);
}

/** `text` without the first of `phrases` it ends with, nor the dash before it ("MIGRANT PROTECTION – BEST PRACTICES" → "MIGRANT PROTECTION"). */
export function withoutClosingPhrase(text: string, phrases: readonly string[] | undefined): string {
  const have = wordSpans(text);
  for (const p of phrases ?? []) {
    const want = words(p).split(' ').filter(Boolean);
    const from = have.length - want.length;
    if (!want.length || from < 1 || !want.every((w, k) => have[from + k]!.word === w)) continue;
    // Trimmed by a scan: a pattern anchored at the end of a run of spaces is quadratic.
    let end = have[from]!.start;
    while (end > 0 && /[\s–—-]/.test(text[end - 1]!)) end--;
    return text.slice(0, end).trim();
  }
  return text.trim();
}

/** Where `phrase` first occurs in `text` as whole words, from word `fromWord` on (character offsets), or null. */
export function phraseSpan(text: string, phrase: string, fromWord = 0): { start: number; end: number } | null {
  return findPhrase(wordSpans(text), phrase, fromWord);
}

/** The earliest occurrence in `text` of any of `phrases` as whole words, from word `fromWord` on (one pass over its words). */
export function earliestPhrase(
  text: string,
  phrases: readonly string[] | undefined,
  fromWord = 0,
): { start: number; end: number } | null {
  if (!phrases?.length) return null;
  const have = wordSpans(text);
  let best: { start: number; end: number } | null = null;
  for (const p of phrases) {
    const at = findPhrase(have, p, fromWord);
    if (at && (!best || at.start < best.start)) best = at;
  }
  return best;
}
