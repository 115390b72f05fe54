/**
 * The title page of a summary report: the conference's name (with its theme after a dash),
 * place, dates and the kind of report ("Summary Report", as the template names them).
 */
import type { Template } from '../../templates/schema';
import { plainInline } from '../inline';
import type { Block } from '../markdown-blocks';
import type { ImportContext } from '../result';
import { isPhrase } from '../template-rules';
import { parseDateRange, squash } from '../util';

/** The title page's lines as written: each source line of its paragraphs, headings whole. */
export function titleLines(blocks: Block[]): string[] {
  return blocks.flatMap((b) =>
    b.t === 'para' && b.lines
      ? b.lines.map((l) => l.text)
      : b.t === 'list'
        ? b.items.map((i) => i.text)
        : [b.t === 'table' ? '' : b.text],
  );
}

export function readTitleBlock(lines: string[], ctx: ImportContext, template: Template | undefined): void {
  const texts = lines.map((l) => plainInline(l)).filter((t) => t !== '');
  const reportType = texts.find((t) => isPhrase(t, template?.reading?.reportTypes));
  const head: string[] = [];
  for (const t of texts) {
    if (t === reportType) continue;
    const dates = parseDateRange(t);
    if (dates && /^\d/.test(t)) {
      Object.assign(ctx.meta, dates);
      continue;
    }
    const place = t.match(/^([\p{L} .'-]+),([\p{L} .'-]+)$/u);
    if (place && t.length < 60) {
      ctx.meta.city = place[1]!.trim();
      ctx.meta.country = place[2]!.trim();
      continue;
    }
    head.push(t);
  }
  const full = squash(head.join(' '));
  const dash = full.split(/\s[–—-]\s/).map((s) => s.trim());
  ctx.meta.title = dash[0]!;
  if (dash.length > 1) ctx.meta.subtitle = dash.slice(1).join(' – ');
  if (reportType) ctx.meta.subtitle = ctx.meta.subtitle ? `${ctx.meta.subtitle}. ${reportType}` : reportType;
}
