import type { ConferenceMeta } from '../model/conference';
import { formatDate, formatDateRange, languageName } from './labels';
import type { Cover } from './model';

/** The masthead and cover of an official document, from the conference's metadata. */
export function buildCover(meta: ConferenceMeta, issueDate: string | undefined): Cover {
  const place = [meta.venue, meta.city, meta.country].map((s) => s.trim()).filter(Boolean).join(', ');
  const dates = formatDateRange(meta.startDate, meta.endDate);
  const original = meta.originalLanguage.trim() && languageName(meta.originalLanguage) !== languageName(meta.language)
    ? `Original: ${languageName(meta.originalLanguage)}` : '';
  return {
    issuingBodies: meta.issuingBodies.map((s) => s.trim()).filter(Boolean),
    symbol: meta.symbol.trim(),
    distribution: meta.distribution,
    // Dated as the conference is (its last day), not the day of export; the export date only when the conference has none.
    date: formatDate(meta.endDate.trim() || meta.startDate.trim() || issueDate || ''),
    original,
    series: [meta.series.trim(), meta.seriesNumber.trim() ? `No. ${meta.seriesNumber.trim()}` : ''].filter(Boolean).join(' '),
    title: meta.title.trim() || 'Untitled conference',
    subtitle: meta.subtitle.trim(),
    placeAndDates: [place, dates].filter(Boolean).join(', '),
    organisers: meta.organisers.map((s) => s.trim()).filter(Boolean),
  };
}
