import { toAlpha, toRoman } from '../templates/numbering';
import type { ListFormat } from './model';

/** The label of item `n` of an ordered list in one of the seeds' formats. */
export function listLabel(n: number, format: ListFormat): string {
  switch (format) {
    case 'decimal': return `${n}.`;
    case 'decimal-paren': return `${n})`;
    case 'lower-alpha': return `${toAlpha(n)}.`;
    case 'lower-alpha-paren': return `(${toAlpha(n)})`;
    case 'lower-roman': return `${toRoman(n).toLowerCase()}.`;
    case 'lower-roman-paren': return `(${toRoman(n).toLowerCase()})`;
    case 'upper-roman': return `${toRoman(n)}.`;
    case 'upper-alpha': return `${toAlpha(n).toUpperCase()}.`;
  }
}

/** UN sub-paragraph labels by depth: (a) → (i) → a. → i. */
export const SUBPARAGRAPH_FORMATS: ListFormat[] = ['lower-alpha-paren', 'lower-roman-paren', 'lower-alpha', 'lower-roman'];

/** Presentation and commentator letters: (a), (b), … */
export const blockLetter = (n: number): string => `(${toAlpha(n)})`;

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
