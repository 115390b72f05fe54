import es from './translations/es.json';
import fr from './translations/fr.json';
import type { Template, TemplateSection } from './schema';

/** A template's words in another language: its name, description, and each section's title, label and guidance. */
export interface TemplateTranslation {
  name: string;
  description: string;
  sections: Record<string, { title: string; instanceLabel?: string; guidance: string }>;
}

/** Translations by primary language; the templates themselves (seeds/templates) are in English. */
export const templateTranslations: Record<string, Record<string, TemplateTranslation>> = { es, fr };

const primary = (language: string) => language.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** The template in a language (a BCP 47 tag; "es-CL" uses Spanish); English, or an untranslated language, as it is. */
export function localizeTemplate(template: Template, language: string): Template {
  const tr = templateTranslations[primary(language)]?.[template.id];
  if (!tr) return template;
  const section = (s: TemplateSection): TemplateSection => {
    const t = tr.sections[s.id];
    return {
      ...s,
      ...(t
        ? {
            title: t.title,
            guidance: t.guidance,
            ...(s.instanceLabel && t.instanceLabel ? { instanceLabel: t.instanceLabel } : {}),
          }
        : {}),
      children: s.children.map(section),
    };
  };
  return { ...template, name: tr.name, description: tr.description, sections: template.sections.map(section) };
}

/** The name and description of a template in a language, for lists. */
export function localizeTemplateSummary<T extends { id: string; name: string; description: string }>(
  summary: T,
  language: string,
): T {
  const tr = templateTranslations[primary(language)]?.[summary.id];
  return tr ? { ...summary, name: tr.name, description: tr.description } : summary;
}

/** The title of a new instance of a repeatable section ("Untitled session", "Sesión sin título", "Séance sans titre"). */
export function untitledInstance(instanceLabel: string, language: string): string {
  const cap = instanceLabel.charAt(0).toLocaleUpperCase(language) + instanceLabel.slice(1);
  switch (primary(language)) {
    case 'es':
      return `${cap} sin título`;
    case 'fr':
      return `${cap} sans titre`;
    default:
      return `Untitled ${instanceLabel}`;
  }
}
