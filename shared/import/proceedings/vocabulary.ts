/**
 * The words the proceedings reader looks for, taken from the template (conference-proceedings.json):
 * the sections' source headings ("Unit", "Speakers", "Highlights of the unit", "Final report"),
 * the annex label, the moderator line, the subheadings inside a part. Without them the reader
 * recognises nothing and the text stays in the parts it can open.
 */
import { fold } from '../../i18n/fold';
import { findSection, type Template, type TemplateSection } from '../../templates/schema';
import { sectionForHeading } from '../template-rules';
import { afterOpener, endsWord, isOneOf, spacedOpenerLength } from './openers';
/**
 * A phrase's words without case, accents or punctuation, as template-rules.ts's isPhrase compares
 * them: equal keys are the same phrase. Every line of the book is tried against the headings, so
 * each phrase is keyed once and each line once (the last line's key is kept).
 */
const phraseKey = (s: string) =>
  fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
let lastLine = '';
let lastKey = '';
const keyOf = (line: string) => {
  if (line !== lastLine) {
    lastLine = line;
    lastKey = phraseKey(line);
  }
  return lastKey;
};
/** Each phrase's key to what it names; the first phrase of a key wins. */
function keyed<T>(entries: [string, T][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [phrase, value] of entries) {
    const key = phraseKey(phrase);
    if (key && !map.has(key)) map.set(key, value);
  }
  return map;
}

/** The numbered sub-heading of a unit or of the final panel: "1. Speakers", "3. Highlights of the unit". */
export interface Subsection {
  kind: string;
  /** "1", or undefined when the OCR lost it. */
  label: string | undefined;
  title: string;
}

export interface ProceedingsVocabulary {
  /** The source headings of a section of the template. */
  headings(kind: string): readonly string[];
  /** Whether a line is the heading of that section and nothing more ("Abstract", "SUMMARY"). */
  isHeading(kind: string, line: string): boolean;
  /** "Annex 2:" → 2. */
  annexNumber(line: string): number | null;
  /** The kind of an annex, from its title's source headings; by its number when none matches. */
  annexKind(title: string, no: number): string;
  /** The kind of a lettered part ("D. Report of civil society organizations and final panel"). */
  partKind(title: string): 'thematic-part' | 'final-panel';
  /** "Unit II: Title" → label "II", title "Title" (the label as the OCR printed it). */
  unitHeading(line: string): { label: string; title: string } | null;
  /** Whether a line starts with the word that labels a unit ("Unit II: …", "Unit Il."). */
  opensUnit(line: string): boolean;
  /** A line that can only be a unit's label with a title that was moved away ("Unit Il."). */
  isLoneUnit(line: string): boolean;
  /** A numbered sub-heading of a unit or of the final panel; `within` the part it is read in. */
  subsection(line: string, within: 'unit' | 'final-panel'): Subsection | null;
  /** The line after its moderator opener and colon ("Moderator: ", "M oder ator:"); undefined if it has none. */
  afterModerator(line: string): string | undefined;
  /** The heading level of a line that heads a passage inside a part ("Background" → 1). */
  subheadingLevel(line: string): number | undefined;
  /** "Figure 1 Caption" → "Caption" ('' without one); "Source: …" and "Note: …" → the rest; undefined when not so labelled. */
  labels: Record<'figure' | 'source' | 'note', (line: string) => string | undefined>;
}

/** The kinds of annex, in the order of the seed's annexes, for annexes whose title names none. */
const ANNEX_ORDER = ['annex-final-report', 'programme', 'participants', 'annex-statement'];

export function proceedingsVocabulary(template: Template | undefined): ProceedingsVocabulary {
  const sections = template?.sections ?? [];
  const reading = template?.reading;
  const headings = (kind: string) => findSection(sections, kind)?.sourceHeadings ?? [];
  const unitWords = headings('unit');
  const labels = reading?.lineLabels;
  const headingKeys = new Map<string, Set<string>>();
  const headingsOf = (kind: string) => {
    if (!headingKeys.has(kind)) headingKeys.set(kind, new Set(headings(kind).map(phraseKey).filter(Boolean)));
    return headingKeys.get(kind)!;
  };
  const childKeys = (kind: string) =>
    keyed<TemplateSection>(
      (findSection(sections, kind)?.children ?? []).flatMap((c) =>
        (c.sourceHeadings ?? []).map((h): [string, TemplateSection] => [h, c]),
      ),
    );
  const children = { unit: childKeys('unit'), 'final-panel': childKeys('final-panel') };
  const subheadings = keyed((reading?.subheadings ?? []).map((h): [string, number] => [h.text, h.level]));
  /** "Source: …" → "…". */
  const colonOpener = (words: readonly string[] | undefined) => (line: string) => {
    const rest = afterOpener(line, words);
    const colon = rest === undefined ? null : /^\s*:\s*/.exec(rest);
    return colon ? rest!.slice(colon[0].length) : undefined;
  };
  return {
    headings,
    isHeading: (kind, line) => headingsOf(kind).has(keyOf(line)),
    annexNumber: (line) => {
      const m = /^(\p{L}+)\s+(\d)\s*:?$/u.exec(line);
      return m && isOneOf(m[1]!, reading?.annexLabels) ? Number(m[2]) : null;
    },
    annexKind: (title, no) => {
      const section = sectionForHeading(template, title);
      if (section && ANNEX_ORDER.includes(section.id)) return section.id;
      return ANNEX_ORDER[no - 1] ?? 'annex-statement';
    },
    partKind: (title) => (sectionForHeading(template, title)?.id === 'final-panel' ? 'final-panel' : 'thematic-part'),
    // The label's letters could also begin the title, so the rest is taken whole and split here
    // (one pattern backtracks quadratically).
    unitHeading: (line) => {
      const rest = afterOpener(line, unitWords);
      const m = rest === undefined ? null : /^\s*([|lI1N-]*[AB]?)([\s\S]*)$/.exec(rest);
      if (!m) return null;
      return { label: m[1]!, title: m[2]!.replace(/^\s*[.:]/, '').trim() };
    },
    opensUnit: (line) => {
      const rest = afterOpener(line, unitWords);
      return rest !== undefined && endsWord(rest);
    },
    isLoneUnit: (line) => {
      const rest = afterOpener(line, unitWords);
      return rest !== undefined && /^\s*\S*\.?$/.test(rest);
    },
    subsection: (line, within) => {
      const m = /^(?:(\d)\.\s*)?(\S[\s\S]*)$/.exec(line);
      if (!m) return null;
      const child = children[within].get(keyOf(m[2]!));
      return child ? { kind: child.id, label: m[1], title: m[2]! } : null;
    },
    afterModerator: (line) => {
      const at = spacedOpenerLength(line, reading?.moderatorLines);
      return at ? line.slice(at) : undefined;
    },
    subheadingLevel: (line) => subheadings.get(keyOf(line)),
    labels: {
      figure: (line) => {
        const rest = afterOpener(line, labels?.figure);
        const m = rest === undefined ? null : /^\s+\d+\b\s*(\S.*|)$/.exec(rest);
        return m ? m[1]! : undefined;
      },
      source: colonOpener(labels?.source),
      note: colonOpener(labels?.note),
    },
  };
}
