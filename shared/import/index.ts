/**
 * The report importer's pure part: source text (plain, markdown, or HTML from a .docx)
 * to the parts, registry, agenda and warnings of a conference. Nothing here touches
 * the file system; electron/node/importer reads the file and writes the result.
 */
import { AppError } from '../errors';
import { detectTemplate, type TemplateId } from './detect';
import { parseSummaryReport } from './parse-summary-report';
import { parseCompendium } from './parse-compendium';
import { parseAnnualReport } from './parse-annual-report';
import { parseProceedings } from './parse-proceedings';
import { parseWorkshopReport } from './parse-workshop-report';
import { ImportContext, type ImportResult, type WarningDraft } from './result';
import { type SourceLine, toLines } from './source';

export type { ImportResult, ImportedPart, WarningDraft } from './result';
export { decodeText } from './source';
export { detectTemplate } from './detect';

type Parser = (lines: SourceLine[], ctx: ImportContext) => void;

const parsers: Partial<Record<TemplateId, Parser>> = {
  'summary-report': parseSummaryReport,
  'workshop-report': parseWorkshopReport,
  'best-practices-compendium': parseCompendium,
  'annual-activity-report': parseAnnualReport,
  'conference-proceedings': parseProceedings,
};

export const KNOWN_TEMPLATES: TemplateId[] = [
  'conference-proceedings', 'workshop-report', 'summary-report', 'best-practices-compendium', 'annual-activity-report', 'conclusions-declaration',
];

export interface ImportTextOptions {
  fileName: string;
  templateId?: string;
  /** Warnings from reading the file (encoding), kept with the rest. */
  warnings?: WarningDraft[];
}

/** Imports the text of a report. Throws AppError IMPORT_FAILED when nothing usable comes out. */
export function importText(text: string, opts: ImportTextOptions): ImportResult {
  const ctx = new ImportContext();
  ctx.warnings.push(...(opts.warnings ?? []));
  let templateId: TemplateId;
  let source: ImportResult['templateSource'];
  if (opts.templateId) {
    if (!KNOWN_TEMPLATES.includes(opts.templateId as TemplateId)) {
      throw new AppError('IMPORT_FAILED', `There is no template “${opts.templateId}”. Available: ${KNOWN_TEMPLATES.join(', ')}.`);
    }
    templateId = opts.templateId as TemplateId;
    source = 'given';
  } else {
    const d = detectTemplate(text);
    templateId = d.id;
    source = d.confident ? 'detected' : 'fallback';
    if (!d.confident) {
      ctx.warn(null, 'TEMPLATE_GUESSED', `The kind of report could not be recognised with confidence; it was imported as “${d.id}”. Import again with another template if the outline looks wrong.`);
    }
  }
  const lines = toLines(text);
  const parser = parsers[templateId] ?? parseGenericFallback;
  parser(lines, ctx);
  if (ctx.parts.length === 0) throw new AppError('IMPORT_FAILED', `“${opts.fileName}” contains no report text that could be imported.`);
  ctx.meta.templateId = templateId;
  return ctx.result(templateId, source);
}

function parseGenericFallback(lines: SourceLine[], ctx: ImportContext): void {
  parseWorkshopReport(lines, ctx);
}
