import type { ConferenceMeta } from '../model/conference';
import {
  documentTerms,
  formatDocumentDate,
  formatDocumentDateRange,
  languageCode,
  languageNameIn,
} from '../i18n/document-terms';
import type { Cover } from './model';

/** The masthead and cover of an official document, from the conference's metadata. */
export function buildCover(meta: ConferenceMeta, issueDate: string | undefined): Cover {
  const place = [meta.venue, meta.city, meta.country]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ');
  const lang = meta.language;
  const terms = documentTerms(lang);
  const dates = formatDocumentDateRange(meta.startDate, meta.endDate, lang);
  const sameLanguage =
    (languageCode(meta.originalLanguage) ?? meta.originalLanguage.trim().toLowerCase()) === languageCode(lang);
  const original =
    meta.originalLanguage.trim() && !sameLanguage
      ? `${terms.original} ${languageNameIn(meta.originalLanguage, lang)}`
      : '';
  return {
    issuingBodies: meta.issuingBodies.map((s) => s.trim()).filter(Boolean),
    symbol: meta.symbol.trim(),
    distribution: meta.distribution,
    // Dated as the conference is (its last day), not the day of export; the export date only when the conference has none.
    date: formatDocumentDate(meta.endDate.trim() || meta.startDate.trim() || issueDate || '', lang),
    original,
    series: [meta.series.trim(), meta.seriesNumber.trim() ? `${terms.number} ${meta.seriesNumber.trim()}` : '']
      .filter(Boolean)
      .join(' '),
    title: meta.title.trim() || terms.untitledConference,
    subtitle: meta.subtitle.trim(),
    placeAndDates: [place, dates].filter(Boolean).join(', '),
    organisers: meta.organisers.map((s) => s.trim()).filter(Boolean),
  };
}
