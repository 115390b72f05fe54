import type { PartSummary } from '../model/conference';
import type { Template } from '../templates/schema';
import { outlineOf } from './outline';

/** The label each numbered part prints ("A.", "Session II:", "Annex 1"): the outline, the editor and the exports read this one rule. */
export function partLabels(parts: PartSummary[], template: Template | null): Map<string, string> {
  const labels = new Map<string, string>();
  if (!template) return labels;
  for (const [id, e] of outlineOf(parts, template)) if (e.label) labels.set(id, e.label);
  return labels;
}
