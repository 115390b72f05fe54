/**
 * The words a generated document prints around the user's text (contents, captions,
 * page N of M, labels, annex headings, cover), in the conference language. Pure: only
 * `Intl`, so the compile step and both exporters use the same catalogue.
 *
 * A tag is looked up by its base language (es-CL → es), falling back to English.
 */

export type DocumentLanguage = 'en' | 'es' | 'fr';

/** French puts a thin no-break space before ; ! ? and a no-break space before : (and inside « »). */
const NNBSP = '\u202F';
const NBSP = '\u00A0';

export interface DocumentTerms {
  contents: string;
  page: string;
  /** "Page 2 of 8": the word between the numbers. */
  of: string;
  figure: string;
  source: string;
  notes: string;
  organisedBy: string;
  draft: string;
  moderator: string;
  speaker: string;
  speakers: string;
  commentator: string;
  original: string;
  /** Before a series number: "No. 33". */
  number: string;
  untitledConference: string;
  noRecommendations: string;
  noParticipants: string;
  participantColumns: [name: string, position: string, organisation: string];
  programmeColumns: [time: string, item: string];
  recommendationColumns: [number: string, theme: string, recommendation: string, addressee: string];
  /** Titles of the generated sections, by the template's `generated` kind. */
  generatedTitles: Record<'toc' | 'recommendations-table' | 'participants' | 'programme', string>;
  /** The template's English words (lower case) → this language: label prefixes, section titles, table columns. */
  templateWords: Record<string, string>;
}

const EN: DocumentTerms = {
  contents: 'Contents',
  page: 'Page',
  of: 'of',
  figure: 'Figure',
  source: 'Source:',
  notes: 'Notes',
  organisedBy: 'Organized by',
  draft: 'DRAFT',
  moderator: 'Moderator:',
  speaker: 'Speaker:',
  speakers: 'Speakers:',
  commentator: 'Commentator:',
  original: 'Original:',
  number: 'No.',
  untitledConference: 'Untitled conference',
  noRecommendations: 'No recommendations have been written yet.',
  noParticipants: 'No participants are registered in this conference.',
  participantColumns: ['Name', 'Title / position', 'Organisation'],
  programmeColumns: ['Time', 'Programme item'],
  recommendationColumns: ['No.', 'Thematic area', 'Recommendation', 'Addressee(s)'],
  generatedTitles: {
    toc: 'Contents',
    'recommendations-table': 'Table of recommendations',
    participants: 'List of participants',
    programme: 'Programme',
  },
  templateWords: {},
};

const ES: DocumentTerms = {
  contents: 'Índice',
  page: 'Página',
  of: 'de',
  figure: 'Gráfico',
  source: 'Fuente:',
  notes: 'Notas',
  organisedBy: 'Organizado por',
  draft: 'BORRADOR',
  moderator: 'Moderación:',
  speaker: 'Intervención:',
  speakers: 'Intervenciones:',
  commentator: 'Comentarista:',
  original: 'Original:',
  number: 'N.º',
  untitledConference: 'Conferencia sin título',
  noRecommendations: 'Aún no se han redactado recomendaciones.',
  noParticipants: 'No hay participantes inscritos en esta conferencia.',
  participantColumns: ['Nombre', 'Cargo', 'Organización'],
  programmeColumns: ['Hora', 'Tema del programa'],
  recommendationColumns: ['N.º', 'Área temática', 'Recomendación', 'Destinatarios'],
  generatedTitles: {
    toc: 'Índice',
    'recommendations-table': 'Cuadro de recomendaciones',
    participants: 'Lista de participantes',
    programme: 'Programa',
  },
  templateWords: {
    annex: 'Anexo',
    appendix: 'Apéndice',
    chapter: 'Capítulo',
    part: 'Parte',
    session: 'Sesión',
    unit: 'Unidad',
    section: 'Sección',
    theme: 'Tema',
    contents: 'Índice',
    'table of contents': 'Índice',
    'table of recommendations': 'Cuadro de recomendaciones',
    'list of participants': 'Lista de participantes',
    programme: 'Programa',
    program: 'Programa',
    'programme of the conference': 'Programa de la conferencia',
    'no.': 'N.º',
    'thematic area': 'Área temática',
    recommendation: 'Recomendación',
    recommendations: 'Recomendaciones',
    'addressee(s)': 'Destinatarios',
    addressee: 'Destinatario',
    addressees: 'Destinatarios',
  },
};

const FR: DocumentTerms = {
  contents: 'Table des matières',
  page: 'Page',
  of: 'sur',
  figure: 'Figure',
  source: `Source${NBSP}:`,
  notes: 'Notes',
  organisedBy: 'Organisé par',
  draft: 'PROJET',
  moderator: `Modération${NBSP}:`,
  speaker: `Intervention${NBSP}:`,
  speakers: `Interventions${NBSP}:`,
  commentator: `Commentateur${NBSP}:`,
  original: `Original${NBSP}:`,
  number: 'no',
  untitledConference: 'Conférence sans titre',
  noRecommendations: 'Aucune recommandation n’a encore été rédigée.',
  noParticipants: 'Aucun participant n’est inscrit à cette conférence.',
  participantColumns: ['Nom', 'Titre / fonction', 'Organisation'],
  programmeColumns: ['Heure', 'Point du programme'],
  recommendationColumns: ['No', 'Domaine thématique', 'Recommandation', 'Destinataire(s)'],
  generatedTitles: {
    toc: 'Table des matières',
    'recommendations-table': 'Tableau des recommandations',
    participants: 'Liste des participants',
    programme: 'Programme',
  },
  templateWords: {
    annex: 'Annexe',
    appendix: 'Appendice',
    chapter: 'Chapitre',
    part: 'Partie',
    session: 'Séance',
    unit: 'Unité',
    section: 'Section',
    theme: 'Thème',
    contents: 'Table des matières',
    'table of contents': 'Table des matières',
    'table of recommendations': 'Tableau des recommandations',
    'list of participants': 'Liste des participants',
    programme: 'Programme',
    program: 'Programme',
    'programme of the conference': 'Programme de la conférence',
    'no.': 'No',
    'thematic area': 'Domaine thématique',
    recommendation: 'Recommandation',
    recommendations: 'Recommandations',
    'addressee(s)': 'Destinataire(s)',
    addressee: 'Destinataire',
    addressees: 'Destinataires',
  },
};

const CATALOGUE: Record<DocumentLanguage, DocumentTerms> = { en: EN, es: ES, fr: FR };

/** The catalogue's language for a BCP 47 tag: "es-CL" → es, "fr-CA" → fr, anything else → en. */
export function documentLanguage(tag: string | undefined): DocumentLanguage {
  const base = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag ?? '')?.[1]?.toLowerCase();
  return base === 'es' || base === 'fr' ? base : 'en';
}

export function documentTerms(tag: string | undefined): DocumentTerms {
  return CATALOGUE[documentLanguage(tag)];
}

/**
 * A word of the template (an English label prefix "Annex ", a section title, a column)
 * in the document's language; words the catalogue does not know are kept as written.
 */
export function templateWord(text: string, terms: DocumentTerms): string {
  const key = text.trim().toLowerCase();
  const found = terms.templateWords[key];
  if (!found) return text;
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text)![0];
  return lead + found + trail;
}

/**
 * French typography in running text: no-break spaces before ; : ! ? and inside « »; English
 * double quotes (“…”, and straight "…" unless the typesetter prints those itself) as « ».
 */
export function frenchTypography(text: string, straightQuotes = true): string {
  return (
    (straightQuotes ? text.replace(/"([^"\n]*)"/g, '«$1»') : text)
      .replace(/“([^“”\n]*)”/g, '«$1»')
      .replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`)
      .replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`)
      .replace(/(\S)[ \u00A0]?([;!?])(?=\s|$)/gu, (_m, a: string, p: string) =>
        /[\d/]/.test(a) ? a + p : `${a}${NNBSP}${p}`,
      )
      // Not in times (10:30) or addresses (https://): only a colon followed by a space or the end.
      .replace(/(\S)[ \u202F]?:(?=\s|$)/gu, `$1${NBSP}:`)
  );
}

/**
 * The typographic fix-ups the language wants in running text. `typesetterQuotes`: the
 * typesetter turns straight quotes into the language's own (Typst's smart quotes do).
 */
export function documentTypography(text: string, tag: string | undefined, typesetterQuotes = false): string {
  return documentLanguage(tag) === 'fr' ? frenchTypography(text, !typesetterQuotes) : text;
}

// ---- dates ----------------------------------------------------------------------------

const parseIso = (s: string): Date | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3]) ? null : d;
};

/** English is written day first, as the UN does ("20 November 2002"), whatever the region. */
const intlLocale = (tag: string | undefined): string => {
  const lang = documentLanguage(tag);
  if (lang === 'en') return 'en-GB';
  try {
    return Intl.getCanonicalLocales(tag ?? lang)[0] ?? lang;
  } catch {
    return lang;
  }
};

const dateFormat = (tag: string | undefined) =>
  new Intl.DateTimeFormat(intlLocale(tag), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2002-11-20" → "20 November 2002" / "20 de noviembre de 2002" / "20 novembre 2002"; anything else is kept as typed. */
export function formatDocumentDate(s: string, tag: string | undefined): string {
  const d = parseIso(s);
  return d ? dateFormat(tag).format(d) : s.trim();
}

/** "19–20 de noviembre de 2009", "30 November – 2 December 2002", or one day. */
export function formatDocumentDateRange(start: string, end: string, tag: string | undefined): string {
  const a = parseIso(start);
  const b = parseIso(end);
  if (!a) return [start.trim(), end.trim()].filter(Boolean).join(' – ');
  if (!b || b.getTime() <= a.getTime()) return formatDocumentDate(start, tag);
  // Intl puts thin spaces around the dash: plain spaces between dates, none between two days.
  return dateFormat(tag)
    .formatRange(a, b)
    .replace(/\s–\s/g, ' – ')
    .replace(/^(\d+) – (\d+ )/, '$1–$2');
}

// ---- language names -------------------------------------------------------------------

/** Names people type in the free "original language" field, for files written before it took tags. */
const NAMED: Record<string, string> = {
  english: 'en',
  spanish: 'es',
  french: 'fr',
  portuguese: 'pt',
  arabic: 'ar',
  chinese: 'zh',
  russian: 'ru',
  german: 'de',
  español: 'es',
  espanol: 'es',
  inglés: 'en',
  ingles: 'en',
  francés: 'fr',
  frances: 'fr',
  portugués: 'pt',
  anglais: 'en',
  espagnol: 'es',
  français: 'fr',
  portugais: 'pt',
};

/** The base language code of a tag or a name ("es-CL" → es, "Spanish" → es), or null. */
export function languageCode(codeOrName: string): string | null {
  const raw = codeOrName.trim();
  const named = NAMED[raw.toLowerCase()];
  if (named) return named;
  try {
    const [canonical] = Intl.getCanonicalLocales(raw);
    return canonical ? canonical.split('-')[0]! : null;
  } catch {
    return null;
  }
}

/**
 * A language's name as a document in `tag` writes it: "Original: Spanish" in English,
 * "Original: inglés" in Spanish, "Original : anglais" in French (lower case, as Spanish
 * and French write language names). Unknown names are kept as typed.
 */
export function languageNameIn(codeOrName: string, tag: string | undefined): string {
  const code = languageCode(codeOrName);
  if (!code) return codeOrName.trim();
  try {
    const name = new Intl.DisplayNames([intlLocale(tag)], { type: 'language', fallback: 'none' }).of(code);
    return name ?? codeOrName.trim();
  } catch {
    return codeOrName.trim();
  }
}
