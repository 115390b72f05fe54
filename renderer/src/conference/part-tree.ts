import type { PartSummary } from '../../../shared/model/conference';
import { findSection, type Template, type TemplateSection } from '../../../shared/templates/schema';

/** Section of the template a part instantiates (part.kind = section id). */
export function sectionOf(template: Template | null, kind: string): TemplateSection | null {
  return template ? (findSection(template.sections, kind) ?? null) : null;
}

export function depthOf(parts: PartSummary[]): Map<string, number> {
  const depth = new Map<string, number>();
  const byId = new Map(parts.map((p) => [p.id, p]));
  const get = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const parent = byId.get(id)?.parentId;
    const d = parent && byId.has(parent) ? get(parent) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  for (const p of parts) get(p.id);
  return depth;
}

/**
 * Heading labels of the parts, as the report prints them: the compile step's own rule
 * (shared/elements/outline), so the outline and the exports cannot disagree.
 */
/** Required sections that have no words yet (generated sections are filled at compile time). */
export function missingRequired(parts: PartSummary[], template: Template | null): Set<string> {
  // A part's words include those of its sub-parts: a Part holding written units is not empty.
  const words = new Map(parts.map((p) => [p.id, p.wordCount]));
  for (const p of [...parts].reverse()) {
    if (p.parentId) words.set(p.parentId, (words.get(p.parentId) ?? 0) + (words.get(p.id) ?? 0));
  }
  const out = new Set<string>();
  for (const p of parts) {
    const s = sectionOf(template, p.kind);
    if (s?.required && !s.generated && (words.get(p.id) ?? 0) === 0) out.add(p.id);
  }
  return out;
}
