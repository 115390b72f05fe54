import type { PartSummary } from '../../../shared/model/conference';
import { formatLabel } from '../../../shared/templates/numbering';
import { findSection, type Template, type TemplateSection } from '../../../shared/templates/schema';

/** Section of the template a part instantiates (part.kind = section id). */
export function sectionOf(template: Template | null, kind: string): TemplateSection | null {
  return template ? findSection(template.sections, kind) ?? null : null;
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
 * Heading labels of the parts, as the report will print them: per-level numbering of the
 * template ("A.", "Unit I.", "1."), sections marked unnumbered skipped, sections with
 * their own label format ("Annex 1") sharing a counter with consecutive siblings of the
 * same format. Generated sections (contents, annexes from the registry) are not counted.
 */
export function partLabels(parts: PartSummary[], template: Template | null): Map<string, string> {
  const labels = new Map<string, string>();
  if (!template) return labels;
  const depth = depthOf(parts);
  const children = new Map<string | null, PartSummary[]>();
  for (const p of parts) {
    const key = p.parentId ?? null;
    if (!children.has(key)) children.set(key, []);
    children.get(key)!.push(p);
  }
  const visit = (parentId: string | null) => {
    const siblings = (children.get(parentId) ?? []).slice().sort((a, b) => a.position - b.position);
    let counter = 0;
    let ownCounter = 0;
    let ownKey = '';
    for (const p of siblings) {
      const section = sectionOf(template, p.kind);
      if (section?.label) {
        const key = JSON.stringify(section.label);
        ownCounter = key === ownKey ? ownCounter + 1 : 1;
        ownKey = key;
        labels.set(p.id, formatLabel(ownCounter, section.label));
      } else if (section && section.numbered !== false && !section.generated) {
        ownKey = '';
        counter++;
        const fmt = template.numbering[depth.get(p.id) ?? 0];
        if (fmt) labels.set(p.id, formatLabel(counter, fmt));
      }
      visit(p.id);
    }
  };
  visit(null);
  return labels;
}

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
