/**
 * Which template a source fits, from the marks each genre leaves (anatomy §§1–5):
 * units with speakers and highlights; sessions of interventions; recommendation
 * blocks; best-practice chapters; implementer reports under hand-typed outline labels.
 */
export type TemplateId =
  | 'conference-proceedings'
  | 'workshop-report'
  | 'summary-report'
  | 'best-practices-compendium'
  | 'annual-activity-report'
  | 'conclusions-declaration';

const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

/**
 * Lines that match, tested on each line trimmed: a pattern anchored at a line start
 * with \s* before it (/^\s*…/gm) backtracks over every run of spaces, quadratically
 * (100,000 spaces took 33 s).
 */
const countLines = (lines: string[], re: RegExp): number => lines.reduce((n, l) => (re.test(l) ? n + 1 : n), 0);

export function detectTemplate(text: string): { id: TemplateId; confident: boolean } {
  const lines = text.split('\n').map((l) => l.trim());
  const scores: Record<TemplateId, number> = {
    'conference-proceedings':
      countLines(lines, /^Unit\s+[IVXl|1]+/i) * 2 +
      count(text, /Highlights of the unit/gi) * 3 +
      countLines(lines, /^M ?oder ?ator:/i),
    'workshop-report':
      countLines(lines, /^Session\s+[IVX]+\s*:/) * 3 +
      count(text, /WORKSHOP REPORT|SUMMARY OF INTERVENTIONS|Questions from the floor/g) * 2,
    'summary-report': countLines(lines, /^(?:#{1,6}\s*)?(?:\*+\s*)?Recommendations:?(?:\s*\*+)?$/i) * 3,
    'best-practices-compendium':
      countLines(lines, /^#{1,6}\s*(?:\*+\s*)?Best Practices?:/i) * 2 + count(text, /-\s*BEST PRACTICES/g),
    'annual-activity-report':
      countLines(lines, /^[A-H]\.\d\.?\s+\S/) * 2 + count(text, /Activities (?:carried out|planned|assigned)/gi),
    'conclusions-declaration':
      countLines(lines, /^(?:[IVX]+\.\s*)?Conclusions$/i) * 2 +
      count(text, /Considering that:|We urge governments/g) * 2,
  };
  const ranked = (Object.entries(scores) as [TemplateId, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 3) return { id: 'workshop-report', confident: false };
  return { id: best[0], confident: best[1] >= 2 * (second?.[1] ?? 0) };
}
