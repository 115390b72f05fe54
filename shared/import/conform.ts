/**
 * Makes every imported part an instance of a section of the chosen template. Needed when
 * the user forces a template that is not the genre of the source: the outline is read as
 * what the source is, then each part is given the closest section of the template.
 */
import type { Template, TemplateSection } from '../templates/schema';
import type { ImportContext, ImportedPart } from './result';

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function conformToTemplate(parts: ImportedPart[], template: Template, ctx: ImportContext): void {
  // Candidates for a part of another kind: editable sections. Any section, generated or not, keeps its parts.
  const byDepth: TemplateSection[][] = [];
  const every: TemplateSection[] = [];
  const walk = (list: TemplateSection[], d: number) => {
    for (const s of list) {
      every.push(s);
      if (!s.generated) (byDepth[d] ??= []).push(s);
      walk(s.children, d + 1);
    }
  };
  walk(template.sections, 0);
  const ids = new Set(every.map((s) => s.id));
  const mapped = new Map<string, string>();
  const visit = (list: ImportedPart[], d: number, parent: TemplateSection | null) => {
    for (const p of list) {
      let section = every.find((s) => s.id === p.kind);
      if (!section) {
        const level =
          (parent ? parent.children.filter((c) => !c.generated) : null) ??
          byDepth[Math.min(d, byDepth.length - 1)] ??
          [];
        const pool = level.length ? level : (byDepth[0] ?? []);
        section = pool.find((s) => norm(s.title) === norm(p.title)) ?? pool.find((s) => s.repeatable) ?? pool[0];
        if (section && section.id !== p.kind) {
          if (!mapped.has(p.kind))
            ctx.warn(
              p.line,
              'KIND_MAPPED',
              {
                key: 'kindMapped',
                values: { kind: p.kind, section: section.id, sectionTitle: section.title, template: template.id },
              },
              { partId: p.id },
            );
          mapped.set(p.kind, section.id);
          p.kind = section.id;
        }
      }
      visit(p.children, d + 1, section && ids.has(section.id) ? section : null);
    }
  };
  visit(parts, 0, null);
}
