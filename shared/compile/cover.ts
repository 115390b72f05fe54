import type { ConferenceMeta } from '../model/conference';
import {
  documentTerms,
  formatDocumentDate,
  formatDocumentDateRange,
  languageCode,
  languageNameIn,
} from '../i18n/document-terms';
import { plainTextOf } from '../elements/plain-text';
import type { RawNode } from '../elements/spec';
import type { LexicalDoc } from '../model/conference';
import type { Cover } from './model';

/** The part whose lines print on the cover (credits the conference details have no field for), not as a section. */
export const COVER_LINES_KIND = 'title-block';

/** What a title block may hold to print as cover lines: plain paragraphs (a note or a list keeps it a section, seed 003). */
const COVER_LINE_NODES = new Set<unknown>(['root', 'paragraph', 'text', 'linebreak']);
const plainOnly = (n: RawNode): boolean =>
  COVER_LINE_NODES.has(n.type) && (!Array.isArray(n.children) || (n.children as RawNode[]).every(plainOnly));

/** A title block's lines (each top-level block's text, each of its lines); null when it holds more than plain paragraphs. */
export function coverLinesOf(doc: LexicalDoc): string[] | null {
  if (!plainOnly(doc.root as unknown as RawNode)) return null;
  return (doc.root.children as RawNode[])
    .flatMap((b) => plainTextOf({ type: 'root', children: [b] } as RawNode).split('\n'))
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The masthead and cover of an official document, from the conference's metadata. */
export function buildCover(meta: ConferenceMeta, issueDate: string | undefined, lines: string[] = []): Cover {
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
    lines,
  };
}
