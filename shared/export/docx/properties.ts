/**
 * The document's properties (docProps/core.xml) from the conference: title, subject,
 * author, keywords, language and dates, so Word's File › Info and search show the
 * conference, not "Un-named" and the day of export. Written whole, every value escaped.
 */
import type { Proceedings } from '../../compile/model';

const esc = (s: string): string =>
  s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Characters XML 1.0 does not allow: matching control characters is the point here.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** The conference's own date (its last day), as W3CDTF; null when it has none. */
export function conferenceDate(proc: Proceedings): string | null {
  const d = [proc.meta.endDate, proc.meta.startDate].map((x) => x.trim()).find((x) => /^\d{4}-\d{2}-\d{2}$/.test(x));
  return d ? `${d}T00:00:00Z` : null;
}

export interface CoreProperties {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  description: string;
  language: string;
  date: string | null;
}

export function coreProperties(proc: Proceedings, language: string): CoreProperties {
  const c = proc.cover;
  const author = (c.issuingBodies.length ? c.issuingBodies : c.organisers).join('; ') || 'Rapporteur';
  return {
    title: c.title,
    subject: c.subtitle || c.placeAndDates,
    author,
    keywords: [c.symbol, c.series, proc.meta.city.trim(), proc.meta.country.trim()].filter(Boolean).join('; '),
    description: [c.symbol, c.placeAndDates].filter(Boolean).join(' — '),
    language,
    date: conferenceDate(proc),
  };
}

export function coreXml(p: CoreProperties): string {
  const el = (name: string, value: string) => (value ? `<${name}>${esc(value)}</${name}>` : '');
  const date = (name: string) =>
    p.date ? `<dcterms:${name} xsi:type="dcterms:W3CDTF">${p.date}</dcterms:${name}>` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', p.title) +
    el('dc:subject', p.subject) +
    el('dc:creator', p.author) +
    el('cp:keywords', p.keywords) +
    el('dc:description', p.description) +
    el('dc:language', p.language) +
    el('cp:lastModifiedBy', p.author) +
    '<cp:revision>1</cp:revision>' +
    date('created') +
    date('modified') +
    '</cp:coreProperties>'
  );
}
