/** Small helpers shared by the parsers: numerals, dates, addressees. */

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** Value of a roman numeral (case-insensitive), or NaN. */
export function romanValue(s: string): number {
  const t = s.toLowerCase();
  if (!/^[ivxlcdm]+$/.test(t)) return NaN;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]!]!;
    const next = ROMAN[t[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const pad = (n: number) => String(n).padStart(2, '0');

/** "19-20 November 2009", "27 June 2006", "19-20 June, 2000", "20-22 November 2002" → ISO dates. */
export function parseDateRange(s: string): { startDate: string; endDate: string } | null {
  const m = s.match(
    /(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s+(January|February|March|April|May|June|July|August|September|October|November|December),?\s+(\d{4})/i,
  );
  if (!m) return null;
  const month = MONTHS.indexOf(m[3]!.toLowerCase()) + 1;
  const start = `${m[4]}-${pad(month)}-${pad(Number(m[1]))}`;
  const end = m[2] ? `${m[4]}-${pad(month)}-${pad(Number(m[2]))}` : '';
  return { startDate: start, endDate: end };
}

/** The letters that end `s` ("… Director" → "Director"), counted from the end. */
export function trailingLetters(s: string): string {
  let i = s.length;
  while (i > 0 && /\p{L}/u.test(s[i - 1]!)) i--;
  return s.slice(i);
}

/** Collapses white space runs and trims. */
export const squash = (s: string): string => s.replace(/[ \t\u00a0]+/g, ' ').trim();

const ACRONYMS = new Set([
  'SOA',
  'IOM',
  'UN',
  'OAS',
  'US',
  'ILO',
  'NGO',
  'NGOS',
  'ECLAC',
  'UNHCR',
  'UNITAR',
  'UNFPA',
  'IACHR',
  'CELADE',
  'UNICEF',
  'RCM',
  'CIM',
  'PAHO',
  'WHO',
  'EU',
]);
const SMALL = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'from',
  'into',
]);

/** "MIGRATION AND HUMAN RIGHTS" → "Migration and Human Rights"; mixed-case text is left alone. */
export function titleCase(s: string): string {
  if (/[a-z]/.test(s)) return s;
  return s
    .split(/(\s+)/)
    .map((w, i) => {
      if (/\s/.test(w) || w.includes('/') || /\d/.test(w) || ACRONYMS.has(w.replace(/[^A-Z]/g, ''))) return w;
      const low = w.toLowerCase();
      if (i > 0 && SMALL.has(low)) return low;
      return low.replace(/(^|-)(\p{L})/gu, (_m, a: string, c: string) => a + c.toUpperCase());
    })
    .join('');
}

/**
 * Organisers named in an opening sentence, before its verb: "… the United Nations Institute
 * for Training and Research (UNITAR) in collaboration with … (UNFPA) and … (IOM) hosted …"
 * → ["United Nations Institute for Training and Research (UNITAR)", …]. Collaborators named
 * after "in cooperation with" are not organisers.
 */
export function organisersIn(sentence: string): string[] {
  const head = sentence.split(/\b(?:hosted|convened|organi[sz]ed|held)\b/)[0] ?? '';
  const main = head.split(/\bin cooperation with\b|\bunder the auspices\b/)[0] ?? '';
  const out: string[] = [];
  // Each acronym in brackets, then the run of name words before it (walked back word by word).
  for (const m of main.matchAll(/\s\(([A-Z][A-Za-z]{1,9})\)/g)) {
    const words = main
      .slice(Math.max(0, m.index - 600), m.index)
      .trimEnd()
      .split(/\s+/);
    let first = words.length;
    while (first > 0 && /^(?:[A-Z][\p{L}-]*|of|for|on|the|and)$/u.test(words[first - 1]!)) first--;
    if (first === words.length) continue;
    const name = words
      .slice(first)
      .join(' ')
      .replace(/^(?:the|and|of)\s+/i, '')
      .replace(/^(?:the|and)\s+/i, '')
      .trim();
    if (name.split(/\s+/).length >= 2) out.push(`${name} (${m[1]})`);
  }
  return out;
}

/** The first words of a text (up to about 50 characters), whole words: where a warning about it is placed. */
export function firstWords(t: string): string {
  let q = '';
  for (const w of squash(t).split(' ')) {
    if (q && q.length + w.length > 50) break;
    q = q ? `${q} ${w}` : w;
  }
  return q;
}
