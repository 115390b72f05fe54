import { describe, expect, it } from 'vitest';
import { templateSources } from '../../seeds/templates';
import { TemplateSchema, type TemplateSection } from './schema';
import { localizeTemplate, localizeTemplateSummary, templateTranslations, untitledInstance } from './localize';

const templates = templateSources.map((src) => TemplateSchema.parse(src));
const flat = (sections: TemplateSection[]): TemplateSection[] => sections.flatMap((s) => [s, ...flat(s.children)]);

describe('templates in Spanish and French', () => {
  it('translate every template and every section: name, description, title, guidance, and the label of repeatable ones', () => {
    const problems: string[] = [];
    for (const lang of ['es', 'fr']) {
      for (const t of templates) {
        const tr = templateTranslations[lang]![t.id];
        if (!tr) {
          problems.push(`${lang}: no ${t.id}`);
          continue;
        }
        if (!tr.name.trim() || !tr.description.trim()) problems.push(`${lang}/${t.id}: name or description missing`);
        const ids = new Set(flat(t.sections).map((s) => s.id));
        for (const s of flat(t.sections)) {
          const ts = tr.sections[s.id];
          if (!ts?.title.trim() || !ts.guidance.trim())
            problems.push(`${lang}/${t.id}/${s.id}: title or guidance missing`);
          else if (s.instanceLabel && !ts.instanceLabel?.trim())
            problems.push(`${lang}/${t.id}/${s.id}: instanceLabel missing`);
        }
        for (const id of Object.keys(tr.sections))
          if (!ids.has(id)) problems.push(`${lang}/${t.id}: ${id} is not a section of the template`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives a template in the language asked, keeping its structure', () => {
    const workshop = templates.find((t) => t.id === 'workshop-report')!;
    const es = localizeTemplate(workshop, 'es-CL');
    expect(es.name).toBe('Informe de taller');
    expect(flat(es.sections).map((s) => s.title)).toEqual([
      'Portada',
      'Antecedentes',
      'Objetivos',
      'Resumen de las intervenciones',
      'Sesión',
      'Contacto',
    ]);
    expect(flat(es.sections).map((s) => s.id)).toEqual(flat(workshop.sections).map((s) => s.id));
    expect(flat(localizeTemplate(workshop, 'fr').sections).find((s) => s.id === 'session')?.instanceLabel).toBe(
      'séance',
    );
    expect(localizeTemplate(workshop, 'en-GB')).toBe(workshop);
    expect(localizeTemplate(workshop, 'pt')).toBe(workshop);
    expect(
      localizeTemplateSummary({ id: 'workshop-report', name: 'Workshop report', description: 'x' }, 'fr').name,
    ).toBe('Rapport d’atelier');
  });

  it('names a new instance in the language', () => {
    expect(untitledInstance('session', 'en')).toBe('Untitled session');
    expect(untitledInstance('sesión', 'es')).toBe('Sesión sin título');
    expect(untitledInstance('séance', 'fr-CA')).toBe('Séance sans titre');
  });
});
