/**
 * A summary report's headings are numbered as its template's numbering says (004: "1." for
 * a chapter, "a." for a sub-section); their # marks do not follow that hierarchy.
 */
import type { LabelFormat } from '../../templates/numbering';

const COUNTER: Record<Exclude<LabelFormat['style'], 'none'>, RegExp> = {
  decimal: /^\d+/,
  'lower-alpha': /^[a-z]/,
  'upper-alpha': /^[A-Z]/,
  'lower-roman': /^[ivxlc]{1,6}/,
  'upper-roman': /^[IVXLC]{1,6}/,
};

/** The label and title of a heading written in `format` ("1. Profiling …" → "1", "Profiling …"), or null. */
export function labelled(text: string, format: LabelFormat | undefined): { label: string; title: string } | null {
  if (!format || format.style === 'none' || !text.startsWith(format.prefix)) return null;
  const rest = text.slice(format.prefix.length);
  const counter = COUNTER[format.style].exec(rest);
  if (!counter) return null;
  const after = rest.slice(counter[0].length);
  if (!after.startsWith(format.suffix)) return null;
  const title = after.slice(format.suffix.length);
  // The title stands apart from its label ("1.Profiling" is not a labelled heading).
  if (!/^\s/.test(title)) return null;
  return { label: counter[0], title: title.trim() };
}
