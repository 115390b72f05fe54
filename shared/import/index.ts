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
  return fitToTemplate(readText(text, opts), opts);
}

/**
 * The text imported into each of `templateIds`, as importText would import it into each, but read
 * once when its reading does not depend on the template (a genre detected with confidence, whose
 * reader found parts): then only the fitting is done again, on a copy of what was read.
 */
export function importTextIntoEach(text: string, opts: ImportTextOptions, templateIds: string[]): ImportResult[] {
  let shared: TextRead | undefined;
  return templateIds.map((templateId) => {
    // The file's own warnings (encoding) are each import's own, as when each reads the file.
    const each = { ...opts, templateId, warnings: structuredClone(opts.warnings ?? []) };
    if (shared)
      return fitToTemplate({ ...shared, ...chooseTemplate(shared.detected, text, each), ctx: shared.ctx.copy() }, each);
    const read = readText(text, each);
    if (!read.templateFree) return fitToTemplate(read, each);
    shared = { ...read, ctx: read.ctx.copy() };
    return fitToTemplate(read, each);
  });
}

/** A text read by its genre's reader, before it is fitted to the chosen template. */
interface TextRead {
  ctx: ImportContext;
  detected: ReturnType<typeof detectTemplate>;
  templateId: TemplateId;
  source: ImportResult['templateSource'];
  /** Whether the reading is the same whatever the template chosen (importTextIntoEach reads once). */
  templateFree: boolean;
}

/** The template asked for, or the one detected (a fallback when no genre is recognised). */
function chooseTemplate(
  detected: ReturnType<typeof detectTemplate>,
  text: string,
  opts: ImportTextOptions,
): { templateId: TemplateId; source: ImportResult['templateSource'] } {
  if (opts.templateId) {
    if (!KNOWN_TEMPLATES.includes(opts.templateId as TemplateId)) {
      throw appError('IMPORT_FAILED', 'template.notFound', {
        id: opts.templateId,
        available: KNOWN_TEMPLATES.join(', '),
      });
    }
    return { templateId: opts.templateId as TemplateId, source: 'given' };
  }
  // Unrecognised markdown goes to the most general outline: introduction, chapters, sub-sections.
  if (!detected.confident)
    return { templateId: isMarkdown(text, opts) ? 'summary-report' : 'workshop-report', source: 'fallback' };
  return { templateId: detected.id, source: 'detected' };
}

const isMarkdown = (text: string, opts: ImportTextOptions) => opts.format === 'markdown' || /^#{1,6}\s/m.test(text);

function readText(text: string, opts: ImportTextOptions): TextRead {
  const ctx = new ImportContext();
  ctx.warnings.push(...(opts.warnings ?? []));
  const detected = detectTemplate(text);
  const { templateId, source } = chooseTemplate(detected, text, opts);
  const lines = toLines(text);
  const markdown = isMarkdown(text, opts);
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
  const templateFree = detected.confident && ctx.parts.length > 0;
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
  return { ctx, detected, templateId, source, templateFree };
}

function fitToTemplate({ ctx, templateId, source }: TextRead, opts: ImportTextOptions): ImportResult {
  if (source === 'fallback') {
    ctx.warn(null, 'TEMPLATE_GUESSED', { key: 'templateGuessed', values: { template: templateId } });
  }
  const template = opts.templates?.find((t) => t.id === templateId);
  if (template) conformToTemplate(ctx.parts, template, ctx);
  dropDisallowedLinks(ctx.parts, ctx);
  attachWarningsToParts(ctx);
  placeWarningsInText(ctx);
  if (ctx.parts.length === 0) throw appError('IMPORT_FAILED', 'import.noReportText', { name: opts.fileName });
  ctx.meta.templateId = templateId;
  return ctx.result(templateId, source);
}
