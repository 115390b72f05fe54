import { z } from 'zod';
import { NumberFormatEnum } from '../elements/number-formats';
import { type LabelFormat, NumberFormatSchema } from './numbering';

/** Element kinds of the seed anatomy §6.1 that a section may allow. */
export const ElementKind = z.enum([
  'heading',
  'paragraph',
  'bullet-list',
  'numbered-list',
  'quote',
  'epigraph',
  'footnote',
  'presentation',
  'commentator',
  'moderator',
  'highlights',
  'recommendations',
  'recommendations-table',
  'conclusions',
  'run-in',
  'table',
  'figure',
  'delegation-statement',
  'page-break',
  'link',
]);
export type ElementKind = z.infer<typeof ElementKind>;

export const MetaField = z.enum([
  'title',
  'subtitle',
  'series',
  'seriesNumber',
  'symbol',
  'issuingBodies',
  'organisers',
  'venue',
  'city',
  'country',
  'startDate',
  'endDate',
  'language',
  'originalLanguage',
  'distribution',
]);

export interface TemplateSection {
  id: string;
  title: string;
  required: boolean;
  /** A repeatable group (one per session, unit, chapter, implementing body). */
  repeatable: boolean;
  /** What an instance of a repeatable group is called in the UI ("session", "unit"). */
  instanceLabel?: string;
  /** Generated at compile time (contents, annexes from the registry); no editable body. */
  generated?: 'toc' | 'recommendations-table' | 'participants' | 'programme';
  allows: ElementKind[];
  guidance: string;
  /** false: the section's heading carries no number (Abstract, Introduction). Default true. */
  numbered?: boolean;
  /**
   * Label of this section's instances when it differs from the template's per-level
   * numbering ("Annex " + 1). Consecutive sibling sections with the same label format
   * share one counter (Annex 1, Annex 2, ... across different annex sections).
   */
  label?: LabelFormat;
  /** Starting content of a new instance, in the manner of the seed (e.g. "Moderator: "). */
  starter?: unknown;
  /**
   * For the importer: how this section's heading reads in the reports the template was drawn
   * from, in any language ("Background", "Antecedentes"). A heading opens this section when it
   * starts with one of them, compared without case or accents (shared/import/template-rules.ts).
   */
  sourceHeadings?: string[];
  children: TemplateSection[];
}

export const TemplateSectionSchema: z.ZodType<TemplateSection> = z.lazy(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    required: z.boolean(),
    repeatable: z.boolean(),
    instanceLabel: z.string().optional(),
    generated: z.enum(['toc', 'recommendations-table', 'participants', 'programme']).optional(),
    allows: z.array(ElementKind),
    guidance: z.string(),
    numbered: z.boolean().optional(),
    label: NumberFormatSchema.optional(),
    starter: z.unknown().optional(),
    sourceHeadings: z.array(z.string().min(1).max(120)).max(20).optional(),
    children: z.array(TemplateSectionSchema),
  }),
);

export const HouseStyle = z.object({
  bodyFont: z.string(),
  headingFont: z.string(),
  bodySizePt: z.number().min(6).max(24),
  headingSizesPt: z.array(z.number()).min(1).max(6),
  lineSpacing: z.number().min(0.8).max(3),
  paragraphSpacingPt: z.number().min(0).max(36),
  /** 'endnotes': notes gathered at the end of the report (seed 002). */
  footnotes: z.enum(['continuous', 'per-part', 'endnotes']),
  paragraphNumbering: z.boolean(),
  pageSize: z.enum(['A4', 'Letter']),
});
export type HouseStyle = z.infer<typeof HouseStyle>;

export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  description: z.string(),
  /** Which seed report it was derived from. */
  seed: z.string(),
  metaFields: z.array(MetaField),
  /** Heading numbering per outline level (level 1 = top-level parts). */
  numbering: z.array(NumberFormatSchema).min(1).max(6),
  attribution: z.enum(['footnote', 'inline', 'none']),
  recommendationColumns: z.array(z.string()).optional(),
  /** How recommendation items are numbered in this genre (004: i., ii., …); decimal if absent. */
  recommendationFormat: NumberFormatEnum.optional(),
  style: HouseStyle,
  sections: z.array(TemplateSectionSchema).min(1),
  /** What the importer needs to read a report of this genre beyond its sections (template-rules.ts). */
  reading: z
    .object({
      /** Paragraph openers that stay run-in heads ("Recommendations:"), not headings. */
      runInHeads: z.array(z.string().min(1).max(120)).max(50).optional(),
      /** Title-page lines naming the kind of report ("Summary Report"): kept in the subtitle, not the title. */
      reportTypes: z.array(z.string().min(1).max(120)).max(50).optional(),
      /** Cover-line words naming the series a report belongs to ("Workshop Series"): kept as the series, not the title. */
      seriesWords: z.array(z.string().min(1).max(60)).max(20).optional(),
      /** Statements that belong to the publisher's contact block ("… is responsible for the contents of this report"). */
      contactStatements: z.array(z.string().min(1).max(120)).max(20).optional(),
      /** Contents entries or headings that open the list of annexes ("Annexes"). */
      annexesHeadings: z.array(z.string().min(1).max(120)).max(50).optional(),
      /** Words closing a heading that are the genre's, not the title ("Migrant Protection – Best Practices"). */
      titleSuffixes: z.array(z.string().min(1).max(120)).max(50).optional(),
      /** Cover lines naming the organisers ("Organized by IOM"). */
      organiserLines: z.array(z.string().min(1).max(120)).max(50).optional(),
      /** Cover credits ("With the cooperation of …"): one met inside another cover line is a cover line of its own. */
      creditLines: z.array(z.string().min(1).max(120)).max(50).optional(),
      /** Mentions of an attachment the report file does not carry ("the attached spreadsheet"). */
      attachmentMentions: z.array(z.string().min(1).max(120)).max(50).optional(),
      /**
       * How a recommendation names its addressee: the subject before the first of `verbs` ("States are
       * encouraged to …"), after a lead-in ("Where appropriate, …"), unless it is a dummy subject ("It is …");
       * or, in the passive ("… should be elaborated by all stakeholders"), the agent after one of `passive.agents`.
       */
      addressee: z
        .object({
          verbs: z.array(z.string().min(1).max(60)).max(50),
          leadIns: z.array(z.string().min(1).max(60)).max(50).optional(),
          notSubjects: z.array(z.string().min(1).max(60)).max(50).optional(),
          /** Words that may stand between a verb and what follows it ("should also be"). */
          adverbs: z.array(z.string().min(1).max(60)).max(50).optional(),
          passive: z
            .object({
              auxiliaries: z.array(z.string().min(1).max(60)).max(20),
              agents: z.array(z.string().min(1).max(60)).max(20),
              /** Words that end the agent's name ("… by all stakeholders to better identify"). */
              stops: z.array(z.string().min(1).max(60)).max(50),
            })
            .optional(),
        })
        .optional(),
      /** The word before an annex's number ("Annex 2"); the annex's kind comes from its title's source headings. */
      annexLabels: z.array(z.string().min(1).max(40)).max(20).optional(),
      /** Openers of the line naming a session's moderator ("Moderator: …"), read through OCR-spaced letters. */
      moderatorLines: z.array(z.string().min(1).max(40)).max(20).optional(),
      /** Lines of their own that head a passage inside a part ("Background"), at the heading level given. */
      subheadings: z
        .array(z.object({ text: z.string().min(1).max(120), level: z.number().int().min(1).max(3) }))
        .max(50)
        .optional(),
      /** The printed programme's words: day names, breaks, unit labels, items of their own, and each line's opener. */
      programme: z
        .object({
          days: z.array(z.string().min(1).max(120)).max(50).optional(),
          breaks: z.array(z.string().min(1).max(120)).max(50).optional(),
          units: z.array(z.string().min(1).max(120)).max(50).optional(),
          items: z.array(z.string().min(1).max(120)).max(50).optional(),
          moderator: z.array(z.string().min(1).max(120)).max(50).optional(),
          presentation: z.array(z.string().min(1).max(120)).max(50).optional(),
          remarks: z.array(z.string().min(1).max(120)).max(50).optional(),
          commentators: z.array(z.string().min(1).max(120)).max(50).optional(),
          speakers: z.array(z.string().min(1).max(120)).max(50).optional(),
          debate: z.array(z.string().min(1).max(120)).max(50).optional(),
        })
        .optional(),
      /** Words that open a line of their kind: a figure's caption ("Figure 1"), its source ("Source:"), a delegation's note ("Note:"). */
      lineLabels: z
        .object({
          figure: z.array(z.string().min(1).max(40)).max(20).optional(),
          source: z.array(z.string().min(1).max(40)).max(20).optional(),
          note: z.array(z.string().min(1).max(40)).max(20).optional(),
        })
        .optional(),
    })
    .optional(),
});
export type Template = z.infer<typeof TemplateSchema>;

/** The section a part instantiates (part.kind is a section id), at any depth of the template. */
export function findSection(sections: TemplateSection[], id: string): TemplateSection | undefined {
  for (const s of sections) {
    if (s.id === id) return s;
    const hit = findSection(s.children, id);
    if (hit) return hit;
  }
  return undefined;
}
