/** The conference details of seed 000: title, place and dates, organisers and series. */
import type { ImportContext } from '../result';
import { parseDateRange } from '../util';

export function readMeta(paras: string[], lines: string[], ctx: ImportContext): void {
  const all = paras.join(' ');
  const title = all.match(
    /Hemispheric Conference on International Migration: Human Rights and(?: the)? Trafficking in Persons in the Americas/,
  );
  ctx.meta.title = title ? title[0].replace('and the Trafficking', 'and Trafficking') : (paras[0] ?? '');
  // The place and dates line of the annexed final report: "Santiago, Chile, 20-22 November 2002".
  const place = lines
    .map((l) =>
      l.match(/^([A-Z][\p{L} ]{2,40}), ([A-Z][\p{L} ]{2,40}), (\d{1,2}\s*[-–]\s*\d{1,2} [A-Z][a-z]+ \d{4})$/u),
    )
    .find(Boolean);
  if (place) {
    Object.assign(ctx.meta, parseDateRange(place[3]!) ?? {});
    ctx.meta.city = place[1]!.trim();
    ctx.meta.country = place[2]!.trim();
  }
  ctx.meta.organisers = [
    'Economic Commission for Latin America and the Caribbean (ECLAC)',
    'International Organization for Migration (IOM)',
  ];
  ctx.meta.venue = 'ECLAC headquarters';
  ctx.meta.series = 'CEPAL – Serie Seminarios y conferencias';
  ctx.meta.seriesNumber = '33';
  ctx.meta.language = 'en';
}
