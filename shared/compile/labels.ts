
// The list and block label rules live with their elements; re-exported for the exporters.
export { listLabel, SUBPARAGRAPH_FORMATS } from '../elements/number-formats';
export { blockLetter } from '../elements/attributed';

const LANGUAGES: Record<string, string> = {
  en: 'English', es: 'Spanish', fr: 'French', pt: 'Portuguese', ar: 'Arabic', zh: 'Chinese', ru: 'Russian', de: 'German',
};

/** "es" → "Spanish"; a name is kept as it is. */
export function languageName(codeOrName: string): string {
  const key = codeOrName.trim().toLowerCase();
  return LANGUAGES[key] ?? codeOrName.trim();
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const parseIso = (s: string): { y: number; m: number; d: number } | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
};

/** "2002-11-20" → "20 November 2002"; anything else is kept as typed. */
export function formatDate(s: string): string {
  const p = parseIso(s);
  return p ? `${p.d} ${MONTHS[p.m - 1] ?? ''} ${p.y}` : s.trim();
}

/** "20–22 November 2002", "30 November – 2 December 2002", or one day. */
export function formatDateRange(start: string, end: string): string {
  const a = parseIso(start);
  const b = parseIso(end);
  if (!a) return [start.trim(), end.trim()].filter(Boolean).join(' – ');
  if (!b || (a.y === b.y && a.m === b.m && a.d === b.d)) return formatDate(start);
  if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${MONTHS[a.m - 1]} ${a.y}`;
  if (a.y === b.y) return `${a.d} ${MONTHS[a.m - 1]} – ${b.d} ${MONTHS[b.m - 1]} ${a.y}`;
  return `${formatDate(start)} – ${formatDate(end)}`;
}
