import type { LexicalDoc } from '../../shared/model/conference';
import { type Template, TemplateSchema, type TemplateSection } from '../../shared/templates/schema';
import { untitledInstance } from '../../shared/templates/localize';
import { appError } from '../../shared/i18n/app-error';
import { templateSources } from '../../seeds/templates';

let cache: Template[] | null = null;

/** The templates shipped with the app, validated once. A broken template is a build error, not a user's problem. */
export function loadTemplates(): Template[] {
  if (!cache) {
    cache = templateSources.map((src, i) => {
      const parsed = TemplateSchema.safeParse(src);
      if (!parsed.success) throw new Error(`Template #${i} is invalid: ${parsed.error.message}`);
      return parsed.data;
    });
  }
  return cache;
}

export function getTemplate(id: string): Template {
  const t = loadTemplates().find((x) => x.id === id);
  if (!t) {
    throw appError('NOT_FOUND', 'template.notFound', {
      id,
      available: loadTemplates()
        .map((x) => x.id)
        .join(', '),
    });
  }
  return t;
}

export interface SkeletonPart {
  kind: string;
  title: string;
  doc?: LexicalDoc;
  children: SkeletonPart[];
}

/** The parts a new conference starts with: every section, each repeatable group once ("Untitled session" in `language`). */
export function skeletonOf(sections: TemplateSection[], language = 'en'): SkeletonPart[] {
  return sections.map((s) => ({
    kind: s.id,
    title: s.repeatable && s.instanceLabel ? untitledInstance(s.instanceLabel, language) : s.title,
    ...(s.starter ? { doc: structuredClone(s.starter) as LexicalDoc } : {}),
    children: skeletonOf(s.children, language),
  }));
}
