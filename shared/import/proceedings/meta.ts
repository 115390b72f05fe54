/**
 * The conference details the proceedings state: title, place and dates (the annexed final report's
 * header), organisers, venue and series (the running head). Only what the text says is taken.
 */
import type { ImportContext } from '../result';
import { guessSpellingLanguage } from '../spelling';
import { parseDateRange } from '../util';

/** Bodies that organise such conferences, each taken when the text names it. */
const ORGANISERS = [
  {
    name: 'Economic Commission for Latin America and the Caribbean (ECLAC)',
    named: /Economic Commission for Latin America and the Caribbean|\bECLAC\b/,
  },
  { name: 'International Organization for Migration (IOM)', named: /International Organization for Migration|\bIOM\b/ },
];
/** The running head of ECLAC's series: "CEPAL - SERIE Seminarios y conferencias N° 33" (the OCR fuses "Seminariosy"). */
const SERIES_HEAD = /^\s*CEPAL\s*-\s*SERIE\s+Seminarios\s*y\s*conferencias\s+N°\s*(\d{1,4})\s*$/i;

/** `paras` and `lines`: the body's paragraphs and lines; `source`: every line, running heads included. */
export function readMeta(paras: string[], lines: string[], source: string[], ctx: ImportContext): void {
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
  ctx.meta.organisers = ORGANISERS.filter((o) => o.named.test(all)).map((o) => o.name);
  if (/headquarters of the Economic Commission for Latin America and the Caribbean|ECLAC headquarters/.test(all))
    ctx.meta.venue = 'ECLAC headquarters';
  const series = source.map((l) => SERIES_HEAD.exec(l)).find(Boolean);
  if (series) {
    ctx.meta.series = 'CEPAL – Serie Seminarios y conferencias';
    ctx.meta.seriesNumber = series[1]!;
  }
  ctx.meta.language = guessSpellingLanguage(all);
}
