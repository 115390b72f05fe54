/**
 * Issue 14.2: the words of heading labels ("Session I:", "Unit II.", "Annex 2", "Appendix:") follow
 * the conference language, in the compiled proceedings and in Word's headings list.
 */
import { describe, expect, it } from 'vitest';
import { templateSources } from '../../seeds/templates';
import type { LexicalDoc } from '../model/conference';
import { TemplateSchema, type Template, type TemplateSection } from '../templates/schema';
import { compile, type ConferenceSource } from './compile';
import { richConference } from './fixtures';
import type { HeadingBlock } from './model';

const templates = templateSources.map((src) => TemplateSchema.parse(src));
const template = (id: string): Template => templates.find((t) => t.id === id)!;

const emptyDoc = (): LexicalDoc =>
  ({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] } }) as LexicalDoc;
const withHeading = (text: string): LexicalDoc =>
  ({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'heading',
          tag: 'h1',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
        },
      ],
    },
  }) as LexicalDoc;

/** One part per section of the template, each repeatable one twice, every body part with one heading inside. */
function conferenceOf(t: Template, language: string): ConferenceSource {
  const parts: ConferenceSource['parts'] = [];
  const add = (sections: TemplateSection[], parentId: string | null) => {
    for (const s of sections)
      for (let i = 0; i < (s.repeatable ? 2 : 1); i++) {
        const id = `${s.id}-${i}`;
        parts.push({
          id,
          parentId,
          kind: s.id,
          title: `Part ${id}`,
          doc: s.generated ? emptyDoc() : withHeading('Inside'),
        });
        add(s.children, id);
      }
  };
  add(t.sections, null);
  const base = richConference();
  return { ...base, meta: { ...base.meta, language }, parts, agenda: [] };
}

const labelsOf = (id: string, language: string) => {
  const proc = compile(conferenceOf(template(id), language), template(id), {
    partIds: null,
    annexes: true,
    watermark: false,
    issueDate: '2026-11-30',
  });
  const labels = proc.sections
    .flatMap((s) => s.blocks)
    .filter((b): b is HeadingBlock => b.kind === 'heading')
    .map((h) => h.label)
    .filter(Boolean);
  return { labels, numbering: proc.headingNumbering ?? [] };
};

const ENGLISH_LABEL = /\b(Session|Unit|Annex|Appendix|Chapter)(?=[\s:.]|$)/;

describe('heading labels in the conference language', () => {
  it('workshop report: “Sesión I:” in Spanish, “Séance I :” in French, “Session I:” in English', () => {
    expect(labelsOf('workshop-report', 'en').labels).toEqual(expect.arrayContaining(['Session I:', 'Session II:']));
    const es = labelsOf('workshop-report', 'es-CL');
    expect(es.labels).toEqual(expect.arrayContaining(['Sesión I:', 'Sesión II:']));
    const fr = labelsOf('workshop-report', 'fr');
    expect(fr.labels).toEqual(expect.arrayContaining(['Séance I\u00a0:', 'Séance II\u00a0:']));
    // Word's headings list numbers them with the same words.
    expect(fr.numbering[1]).toEqual({ style: 'upper-roman', prefix: 'Séance ', suffix: '\u00a0:' });
    for (const l of [...es.labels, ...fr.labels]) expect(l).not.toMatch(ENGLISH_LABEL);
  });

  it('conference proceedings: units and numbered annexes', () => {
    const en = labelsOf('conference-proceedings', 'en').labels;
    expect(en).toEqual(expect.arrayContaining(['Unit I.', 'Unit II.', 'Annex 1', 'Annex 4']));
    const es = labelsOf('conference-proceedings', 'es').labels;
    expect(es).toEqual(expect.arrayContaining(['Unidad I.', 'Unidad II.', 'Anexo 1', 'Anexo 4']));
    const fr = labelsOf('conference-proceedings', 'fr-CA').labels;
    expect(fr).toEqual(expect.arrayContaining(['Unité I.', 'Unité II.', 'Annexe 1', 'Annexe 4']));
    // The same parts are labelled, and counted the same way, in every language.
    expect(es).toHaveLength(en.length);
    expect(fr).toHaveLength(en.length);
    for (const l of [...es, ...fr]) expect(l).not.toMatch(ENGLISH_LABEL);
  });

  it('an appendix and an annex named by their words alone, and annexes without a label of their own', () => {
    expect(labelsOf('best-practices-compendium', 'en').labels).toEqual(expect.arrayContaining(['Appendix:', 'Annex:']));
    expect(labelsOf('best-practices-compendium', 'es').labels).toEqual(expect.arrayContaining(['Apéndice:', 'Anexo:']));
    expect(labelsOf('best-practices-compendium', 'fr').labels).toEqual(
      expect.arrayContaining(['Appendice\u00a0:', 'Annexe\u00a0:']),
    );
    expect(labelsOf('summary-report', 'es').labels).toEqual(expect.arrayContaining(['Anexo I:', 'Anexo II:']));
    expect(labelsOf('summary-report', 'fr').labels).toEqual(
      expect.arrayContaining(['Annexe I\u00a0:', 'Annexe II\u00a0:']),
    );
  });
});
