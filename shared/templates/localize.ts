import { documentLanguage, documentTerms, templateWord } from '../i18n/document-terms';
import { ANNEX_LABEL, sectionRole } from '../elements/outline';
import type { LabelFormat } from './numbering';
import es from './translations/es.json';
import fr from './translations/fr.json';
import type { Template, TemplateSection } from './schema';

/**
 * A template's words in another language: its name, description, and each section's title, label
 * and guidance; `starter`: the English texts of the section's starting content → this language.
 */
export interface TemplateTranslation {
  name: string;
  description: string;
  sections: Record<
    string,
    { title: string; instanceLabel?: string; guidance: string; starter?: Record<string, string> }
  >;
}

/** Translations by primary language; the templates themselves (seeds/templates) are in English. */
export const templateTranslations: Record<string, Record<string, TemplateTranslation>> = { es, fr };

const primary = (language: string) => language.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The template in a language (a BCP 47 tag; "es-CL" uses Spanish): titles, guidance and the starting
 * content of new instances. English, or an untranslated language, as it is.
 */
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
      ...(s.starter ? { starter: starterIn(template.id, s, language) } : {}),
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

/**
 * A section's starting content (Lexical JSON) with its texts in `language`: each text the
 * translations know, in any of the template's languages, becomes the one of `language`; other
 * texts are kept. So a starter taken from the template in the interface's language can still be
 * written in the conference's.
 */
export function starterIn(templateId: string, section: TemplateSection, language: string): unknown {
  if (section.starter === undefined) return undefined;
  const target = primary(language);
  const tables = Object.entries(templateTranslations).map(
    ([lang, byTemplate]) => [lang, byTemplate[templateId]?.sections[section.id]?.starter ?? {}] as const,
  );
  const english = new Map<string, string>();
  for (const [, table] of tables)
    for (const [en, translated] of Object.entries(table)) {
      english.set(en, en);
      english.set(translated, en);
    }
  const into = tables.find(([lang]) => lang === target)?.[1];
  const translate = (text: string): string => {
    const en = english.get(text);
    if (en === undefined) return text;
    return target === 'en' ? en : (into?.[en] ?? text);
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = walk(v);
    if (out.type === 'text' && typeof out.text === 'string') out.text = translate(out.text);
    return out;
  };
  return walk(section.starter);
}

/**
 * A heading label's words in a document's language: "Session " + I + ":" → "Sesión I:",
 * "Séance I :" (French puts a no-break space before the colon).
 */
export function labelFormatIn(format: LabelFormat, language: string): LabelFormat {
  const terms = documentTerms(language);
  const prefix = templateWord(format.prefix, terms);
  const suffix = documentLanguage(language) === 'fr' ? format.suffix.replace(/^[ \u00a0]?:/, '\u00a0:') : format.suffix;
  return prefix === format.prefix && suffix === format.suffix ? format : { ...format, prefix, suffix };
}

/**
 * The template as a document in `language` prints it: the words of its heading labels (its
 * numbering, its sections' own labels, and "Annex I" for annexes without one) and the starting
 * content of new instances. Section ids, titles and roles are unchanged.
 */
export function templateInDocumentLanguage(template: Template, language: string | undefined): Template {
  const lang = language || 'en';
  if (documentLanguage(lang) === 'en') return template;
  const section = (s: TemplateSection): TemplateSection => {
    // Annexes without a label of their own print "Annex I" (shared/elements/outline); in the language, that label is theirs.
    const label = s.label ?? (sectionRole(s, s.id) === 'annex' ? ANNEX_LABEL : undefined);
    return {
      ...s,
      ...(label ? { label: labelFormatIn(label, lang) } : {}),
      ...(s.starter ? { starter: starterIn(template.id, s, lang) } : {}),
      children: s.children.map(section),
    };
  };
  return {
    ...template,
    numbering: template.numbering.map((f) => labelFormatIn(f, lang)),
    sections: template.sections.map(section),
  };
}
