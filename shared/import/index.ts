/**
 * The report importer's pure part: source text (plain, markdown, or HTML from a .docx)
 * to the parts, registry, agenda and warnings of a conference. Nothing here touches
 * the file system; electron/node/importer reads the file and writes the result.
 */
import { detectTemplate, type TemplateId } from './detect';
import { parseSummaryReport } from './parse-summary-report';
import { parseCompendium } from './parse-compendium';
import { parseAnnualReport } from './parse-annual-report';
import { parseProceedings } from './proceedings/read-proceedings';
import { parseGeneric } from './parse-generic';
import type { Template } from '../templates/schema';
import { conformToTemplate } from './conform';
import { dropDisallowedLinks } from './links';
import { attachWarningsToParts, placeWarningsInText } from './warning-places';
import { parseWorkshopReport } from './parse-workshop-report';
import { ImportContext, type ImportResult, type WarningDraft } from './result';
import { type SourceLine, toLines } from './source';
import { appError } from '../i18n/app-error';

export type { ImportResult, ImportedPart, WarningDraft } from './result';
export { decodeText } from './source';
export { detectTemplate } from './detect';

/** A genre's reader; `template` is the genre's own template, whose reading rules it follows. */
type Parser = (lines: SourceLine[], ctx: ImportContext, template: Template | undefined) => void;

const parsers: Partial<Record<TemplateId, Parser>> = {
  'summary-report': parseSummaryReport,
  'workshop-report': parseWorkshopReport,
  'best-practices-compendium': parseCompendium,
  'annual-activity-report': parseAnnualReport,
  'conference-proceedings': parseProceedings,
};

export const KNOWN_TEMPLATES: TemplateId[] = [
  'conference-proceedings',
  'workshop-report',
  'summary-report',
  'best-practices-compendium',
  'annual-activity-report',
  'conclusions-declaration',
];

export interface ImportTextOptions {
  fileName: string;
  templateId?: string;
  /** Warnings from reading the file (encoding), kept with the rest. */
  warnings?: WarningDraft[];
  /** The templates (for the generic parser, which maps headings to sections). */
  templates?: Template[];
  /** 'markdown' for markdown and converted .docx: a source with heading marks, lists and tables. */
  format?: 'text' | 'markdown';
}

/** Imports the text of a report. Throws AppError IMPORT_FAILED when nothing usable comes out. */
export function importText(text: string, opts: ImportTextOptions): ImportResult {
  const ctx = new ImportContext();
  ctx.warnings.push(...(opts.warnings ?? []));
  let templateId: TemplateId;
  let source: ImportResult['templateSource'];
  const detected = detectTemplate(text);
  if (opts.templateId) {
    if (!KNOWN_TEMPLATES.includes(opts.templateId as TemplateId)) {
      throw appError('IMPORT_FAILED', 'template.notFound', {
        id: opts.templateId,
        available: KNOWN_TEMPLATES.join(', '),
      });
    }
    templateId = opts.templateId as TemplateId;
    source = 'given';
  } else {
    templateId = detected.id;
    source = detected.confident ? 'detected' : 'fallback';
  }
  const lines = toLines(text);
  const markdown = opts.format === 'markdown' || /^#{1,6}\s/m.test(text);
  // Unrecognised markdown goes to the most general outline: introduction, chapters, sub-sections.
  if (source === 'fallback') templateId = markdown ? 'summary-report' : 'workshop-report';
  const template = opts.templates?.find((t) => t.id === templateId);
  // The source is read as the genre it is (its own reader), then fitted to the chosen template.
  const genre = detected.confident ? detected.id : source === 'given' ? templateId : null;
  const parser = genre ? parsers[genre] : undefined;
  if (parser)
    parser(
      lines,
      ctx,
      opts.templates?.find((t) => t.id === genre),
    );
  if (ctx.parts.length === 0) {
    if (markdown) parseGeneric(lines, ctx, template);
    // Plain text is read with the workshop reader's own vocabulary, whatever the chosen template.
    else
      parseWorkshopReport(
        lines,
        ctx,
        opts.templates?.find((t) => t.id === 'workshop-report'),
      );
  }
  if (source === 'fallback') {
    ctx.warn(null, 'TEMPLATE_GUESSED', { key: 'templateGuessed', values: { template: templateId } });
  }
  if (template) conformToTemplate(ctx.parts, template, ctx);
  dropDisallowedLinks(ctx.parts, ctx);
  attachWarningsToParts(ctx);
  placeWarningsInText(ctx);
  if (ctx.parts.length === 0) throw appError('IMPORT_FAILED', 'import.noReportText', { name: opts.fileName });
  ctx.meta.templateId = templateId;
  return ctx.result(templateId, source);
}
