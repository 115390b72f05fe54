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
