/**
 * Importing a .docx this app exported: the element kinds come back from the named styles
 * the exporter gives them, each part's kind from the hidden bookmark on its heading, the
 * template and language from the document properties, the participants and programme
 * from the annex tables. What a Word user edited is what comes back: nothing is read from
 * a hidden copy. A document that is not ours (no template property) is left to the
 * general reader (mammoth, markdown, the genre parsers).
 */
import { documentTerms, type DocumentTerms } from '../../i18n/document-terms';
import { type ConferenceMeta, Distribution } from '../../model/conference';
import { LANGUAGE_PROPERTY, markNamesKind, readPartMark, WORD_LANGUAGES } from '../../export/docx/own-marks';
import { coerceLanguage } from '../../model/language';
import type { Template, TemplateSection } from '../../templates/schema';
import { conformToTemplate } from '../conform';
import { dropDisallowedLinks } from '../links';
import { ImportContext, type ImportedPart, type ImportResult, setDoc, splitHonorific } from '../result';
import { attachWarningsToParts, placeWarningsInText } from '../warning-places';
import { readParticipants, readProgramme } from './annexes';
import { type Block, type Para, plainText, readBody, type Table } from './body';
import { convertBlocks } from './blocks';
import { looksLikeProgramme, readProgrammeText } from './programme-text';
import { applyRecommendationRows, type RecommendationRow, recommendationRows } from './recommendations';
import { type DocxEntries, type EntryReader, ownTemplateId, readPackage } from './package';

export { ownTemplateId, wantedEntry, type DocxEntries } from './package';

export interface OwnDocxOptions {
  fileName: string;
  templates: Template[];
  /** A template chosen by the user: the parts are read with the document's own, then fitted to this one. */
  templateId?: string;
  /** Reads another entry of the package (a figure's image), when one is needed. */
  readEntry?: EntryReader;
}

/** One part being read: its heading's level and the blocks under it. */
interface Segment {
  part: ImportedPart | null;
  level: number;
  section: TemplateSection | undefined;
  blocks: Block[];
  /** Participants tables with the group heading above each. */
  participants: { table: Table; group: string }[];
  programme: Table[];
  group: string;
}

const newSegment = (part: ImportedPart | null, level: number, section: TemplateSection | undefined): Segment => ({
  part,
  level,
  section,
  blocks: [],
  participants: [],
  programme: [],
  group: '',
});

const sectionsOf = (list: TemplateSection[]): TemplateSection[] => list.flatMap((s) => [s, ...sectionsOf(s.children)]);

/** The bare language the exporter wrote with Word's region ("en-GB" → "en"). */
function languageOf(tag: string): string {
  const bare = Object.entries(WORD_LANGUAGES).find(([, word]) => word.toLowerCase() === tag.toLowerCase())?.[0];
  return coerceLanguage(bare ?? tag);
}

/** The import of one of our own documents, or null when the document is not ours (or names a template we do not have). */
export function importOwnDocx(entries: DocxEntries, opts: OwnDocxOptions): ImportResult | null {
  const template = ownTemplate(entries, opts.templates);
  if (!template) return null;
  const pkg = readPackage(entries, opts.readEntry);
  const ctx = new ImportContext();
  const language = languageOf(pkg.properties.get(LANGUAGE_PROPERTY) || pkg.core.language || 'en');
  const terms = documentTerms(language);
  const every = sectionsOf(template.sections);
  const segments: Segment[] = [];
  const stack: Segment[] = [];
  const anchors = new Map<string, string>();
  let afterContents = false;
  const recommendations: RecommendationRow[] = [];
  let credits: Segment | null = null;

  const parentOf = () => [...stack].reverse().find((s) => s.part)?.part ?? null;
  /** A heading without our mark (a Word user's new section): the kind of the part before it at that place, else the template's first. */
  const guessKind = (parent: ImportedPart | null): TemplateSection | undefined => {
    const siblings = parent ? parent.children : ctx.parts;
    const before = siblings[siblings.length - 1];
    if (before) return every.find((s) => s.id === before.kind);
    const pool = parent ? (every.find((s) => s.id === parent.kind)?.children ?? []) : template.sections;
    return pool.find((s) => !s.generated) ?? pool[0];
  };

  for (const b of readBody(pkg)) {
    if (b.t === 'toc') {
      afterContents = true;
      continue;
    }
    if (b.t === 'p' && b.role === 'tocHeading') {
      afterContents = true;
      // The contents is a part of the conference when it carries a part mark (the export adds one by itself otherwise).
      const mark = b.bookmarks.map(readPartMark).find((m) => m !== null);
      const section = mark ? every.find((s) => markNamesKind(mark.kind, s.id)) : undefined;
      if (section) {
        stack.length = 0;
        const seg = newSegment(ctx.part(null, section.id, plainText(b.pieces).trim(), null), 1, section);
        stack.push(seg);
        segments.push(seg);
      }
      continue;
    }
    const current = stack[stack.length - 1];
    if (
      b.t === 'p' &&
      b.pieces.some((x) => x.kind === 'page-break') &&
      !plainText(b.pieces).trim() &&
      (!current || afterContents)
    ) {
      afterContents = false;
      continue;
    }
    afterContents = false;
    // The cover's credits ("Under the auspices of …") are the lines of the title block: they come back as that part.
    if (!current && b.t === 'p' && b.role === 'coverCredit') {
      if (!credits) {
        const section = every.find((s) => s.id === 'title-block');
        credits = newSegment(
          ctx.part(null, 'title-block', ctx.meta.subtitle || section?.title || 'Title block', null),
          1,
          section,
        );
        segments.push(credits);
      }
      credits.blocks.push({ ...b, role: null });
      continue;
    }
    if (!current && readCover(b, ctx, terms)) continue;
    if (b.t === 'p' && b.heading) {
      const level = b.heading;
      const mark = b.bookmarks.map(readPartMark).find((m) => m !== null) ?? null;
      const title = plainText(b.pieces.filter((x) => !(x.kind === 'text' && x.charStyle === 'headingLabel')))
        .replace(/\s+/g, ' ')
        .trim();
      if (!mark && current && level > current.level) {
        // A heading inside a part: a group of the list of participants, or the document's own heading.
        if (current.section?.generated === 'participants') current.group = title;
        else current.blocks.push(b);
        continue;
      }
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      const parent = parentOf();
      const marked = mark ? every.find((s) => markNamesKind(mark.kind, s.id)) : undefined;
      const section = marked ?? guessKind(parent);
      const kind = section?.id ?? template.sections[0]!.id;
      // A part the export added by itself (an annex the conference had no part for) is not a part of the conference.
      const part = mark?.generated ? null : ctx.part(parent, kind, title, null);
      // A guessed kind concerns the part's heading (the warnings panel opens its title).
      if (!marked && section)
        ctx.warn(
          null,
          'KIND_GUESSED',
          {
            key: 'kindGuessed',
            values: { title: title.slice(0, 80), kind: section.id, kindTitle: section.title },
          },
          { partId: part?.id ?? null },
        );
      const seg = newSegment(part, level, section);
      for (const a of b.bookmarks) if (part && !a.startsWith('_')) anchors.set(a, part.id);
      stack.push(seg);
      segments.push(seg);
      continue;
    }
    if (!current) continue;
    if (b.t === 'table' && b.role === 'participantsTable') {
      current.participants.push({ table: b, group: current.group });
      continue;
    }
    if (b.t === 'table' && b.role === 'programmeTable') {
      current.programme.push(b);
      continue;
    }
    // The generated table of recommendations is written again by the export from the recommendations themselves.
    if (b.t === 'table' && b.role === 'recommendationsTable') recommendations.push(...recommendationRows(b));
    if (b.t === 'table' && b.role === 'recommendationsTable' && current.section?.generated === 'recommendations-table')
      continue;
    current.blocks.push(b);
  }

  for (const s of segments) for (const p of s.participants) readParticipants(p.table, p.group, ctx);
  for (const s of segments) for (const t of s.programme) readProgramme(t, ctx, terms, (a) => anchors.get(a) ?? null);
  // Without a generated programme, a programme part's own table (as printed) gives the agenda.
  if (!segments.some((s) => s.programme.length)) {
    const written = segments
      .find((s) => s.section?.generated === 'programme')
      ?.blocks.find((b): b is Table => b.t === 'table' && b.role !== 'recommendationsTable' && looksLikeProgramme(b));
    if (written) readProgrammeText(written, ctx);
  }

  const people = new Map<string, string>();
  for (const p of ctx.people.list()) {
    for (const shown of [[p.honorific, p.name].filter(Boolean).join(' '), p.name])
      if (!people.has(shown)) people.set(shown, p.id);
  }
  const images = new Map<string, string>();
  const reader = {
    pkg,
    template,
    keepNote: (id: string, endnote: boolean) => !(endnote ? pkg.endnotes : pkg.notes).get(id)?.affiliation,
    personId: (name: string) => people.get(name) ?? null,
    person: (name: string) => {
      let id = people.get(name);
      if (!id) {
        id = ctx.people.add(splitHonorific(name));
        people.set(name, id);
      }
      return id;
    },
    personStarting: (text: string) =>
      [...people.keys()]
        .filter((n) => n && (text === n || text.startsWith(`${n},`)))
        .sort((a, b) => b.length - a.length)[0] ?? null,
    image: (relId: string) => {
      if (!images.has(relId)) images.set(relId, dataUrl(relId, pkg));
      return images.get(relId)!;
    },
    statementLead: 'Statement by the delegation of',
  };
  for (const s of segments) if (s.part) setDoc(s.part, convertBlocks(s.blocks, s.level, reader));
  applyRecommendationRows(ctx.parts, recommendations, ctx);

  if (!ctx.meta.title && pkg.core.title) ctx.meta.title = pkg.core.title;
  ctx.meta.language = language;
  const chosen = opts.templateId ? opts.templates.find((t) => t.id === opts.templateId) : template;
  if (chosen && chosen.id !== template.id) conformToTemplate(ctx.parts, chosen, ctx);
  dropDisallowedLinks(ctx.parts, ctx);
  attachWarningsToParts(ctx);
  placeWarningsInText(ctx);
  const id = chosen?.id ?? template.id;
  ctx.meta.templateId = id;
  return ctx.result(id, opts.templateId ? 'given' : 'detected');
}

/**
 * The template the document names in its properties; without them (Word's Document Inspector
 * removes custom properties) the one whose sections are the kinds its part marks name.
 */
function ownTemplate(entries: DocxEntries, templates: Template[]): Template | undefined {
  const id = ownTemplateId(entries);
  if (id) return templates.find((t) => t.id === id);
  const xml = entries.get('word/document.xml');
  if (!xml) return undefined;
  const kinds = new Set<string>();
  for (const m of new TextDecoder().decode(xml).matchAll(/w:name="(_Rp(?:Part|Gen)\d+_\w+)"/g)) {
    const mark = readPartMark(m[1]!);
    if (mark) kinds.add(mark.kind);
  }
  if (!kinds.size) return undefined;
  const fits = templates.filter((t) => {
    const ids = sectionsOf(t.sections).map((x) => x.id);
    return [...kinds].every((k) => ids.some((sid) => markNamesKind(k, sid)));
  });
  // Several fit: the smallest outline is the likeliest (its every section is then in use).
  return fits.sort((a, b) => sectionsOf(a.sections).length - sectionsOf(b.sections).length)[0];
}

/** The cover and masthead: the conference's title, subtitle, series and its number, symbol, distribution and issuing bodies. */
function readCover(b: Block, ctx: ImportContext, terms: DocumentTerms): boolean {
  if (b.t === 'table') {
    const paras = b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks)).filter((x): x is Para => x.t === 'p');
    if (!paras.some((p) => p.role?.startsWith('masthead'))) return false;
    const bodies = paras
      .filter((p) => p.role === 'mastheadBody')
      .map((p) => plainText(p.pieces).trim())
      .filter(Boolean);
    if (bodies.length) ctx.meta.issuingBodies = bodies;
    const symbol = paras.find((p) => p.role === 'mastheadSymbol');
    if (symbol) ctx.meta.symbol = plainText(symbol.pieces).trim();
    const distribution = paras
      .map((p) => plainText(p.pieces).trim())
      .find((t): t is ConferenceMeta['distribution'] => (Distribution.options as string[]).includes(t) && t !== '');
    if (distribution) ctx.meta.distribution = distribution;
    return true;
  }
  if (b.t !== 'p') return false;
  const text = plainText(b.pieces).trim();
  switch (b.role) {
    case 'coverTitle':
      ctx.meta.title = text;
      return true;
    case 'coverSubtitle':
      ctx.meta.subtitle = text;
      return true;
    case 'coverSeries': {
      // "Seminarios y conferencias No. 33": the number the export adds after the series.
      const mark = ` ${terms.number} `;
      const at = text.lastIndexOf(mark);
      ctx.meta.series = at > 0 ? text.slice(0, at).trim() : text;
      if (at > 0) ctx.meta.seriesNumber = text.slice(at + mark.length).trim();
      return true;
    }
    case 'coverLine':
      return true;
    default:
      return false;
  }
}

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
};

function dataUrl(relId: string, pkg: ReturnType<typeof readPackage>): string {
  const rel = pkg.rels.get(relId);
  const bytes = rel && !rel.external ? pkg.media(rel.target) : undefined;
  const mime = MIME[(rel?.target.split('.').pop() ?? '').toLowerCase()];
  if (!bytes || !mime) return '';
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${mime};base64,${btoa(bin)}`;
}
