/**
 * Which template a source fits, from the marks each genre leaves (anatomy §§1–5):
 * units with speakers and highlights; sessions of interventions; recommendation
 * blocks; best-practice chapters; implementer reports under hand-typed outline labels.
 */
export type TemplateId =
  | 'conference-proceedings' | 'workshop-report' | 'summary-report' | 'best-practices-compendium'
  | 'annual-activity-report' | 'conclusions-declaration';

const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

export function detectTemplate(text: string): { id: TemplateId; confident: boolean } {
  const scores: Record<TemplateId, number> = {
    'conference-proceedings': count(text, /^\s*Unit\s+[IVXl|1]+/gmi) * 2 + count(text, /Highlights of the unit/gi) * 3 + count(text, /^\s*M\s?oder\s?ator:/gmi),
    'workshop-report': count(text, /^\s*Session\s+[IVX]+\s*:/gm) * 3 + count(text, /WORKSHOP REPORT|SUMMARY OF INTERVENTIONS|Questions from the floor/g) * 2,
    'summary-report': count(text, /^\s*(?:#{1,6}\s*)?\**\s*Recommendations:?\s*\**\s*$/gmi) * 3,
    'best-practices-compendium': count(text, /^#{1,6}\s*\**\s*Best Practices?:/gmi) * 2 + count(text, /-\s*BEST PRACTICES/g),
    'annual-activity-report': count(text, /^\s*[A-H]\.\d\.?\s+\S/gm) * 2 + count(text, /Activities (?:carried out|planned|assigned)/gi),
    'conclusions-declaration': count(text, /^\s*(?:[IVX]+\.\s*)?Conclusions\s*$/gmi) * 2 + count(text, /Considering that:|We urge governments/g) * 2,
  };
  const ranked = (Object.entries(scores) as [TemplateId, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 3) return { id: 'workshop-report', confident: false };
  return { id: best[0], confident: best[1] >= 2 * (second?.[1] ?? 0) };
}
