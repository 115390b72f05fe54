/**
 * Compile: a conference (metadata, part tree with documents, registry, agenda) and its
 * template → the proceedings model that both exporters read. Pure: no I/O, no clock.
 */
import type { AgendaItem, ConferenceMeta, LexicalDoc, Participant } from '../model/conference';
import { ANNEX_GENERATORS, HeadingCounter, outlineOf } from '../elements/outline';
import { formatCounter } from '../templates/numbering';
import { findSection, type Template, type TemplateSection } from '../templates/schema';
import { fillRecommendationsTable, emptyRecommendationsTable, participantsBlocks, programmeBlocks } from './annexes';
import { BlockConverter, type OutlineCursor } from './blocks';
import { CompileContext } from './context';
import { templateWord } from '../i18n/document-terms';
import { templateInDocumentLanguage } from '../templates/localize';
import { buildCover, COVER_LINES_KIND, coverLinesOf } from './cover';
import { childrenOf, plainOf, type RawNode } from './inline';
import type { Block, CompileOptions, HeadingBlock, Inline, Proceedings, Section, TableBlock, TocBlock } from './model';

/** The conference as the compile step reads it (ConferenceStore.readContent() has this shape). */
export interface ConferenceSource {
  meta: ConferenceMeta;
  parts: { id: string; parentId: string | null; kind: string; title: string; doc: LexicalDoc }[];
  participants: Participant[];
  agenda: AgendaItem[];
}

export const defaultCompileOptions = (): CompileOptions => ({ partIds: null, annexes: true, watermark: false });

const TOC_DEPTH = 3;

export function compile(
  source: ConferenceSource,
  templateAsWritten: Template,
  options: CompileOptions = defaultCompileOptions(),
): Proceedings {
  // Its heading labels in the conference language ("Sesión I:", "Séance I :"), Word's headings list too.
  const template = templateInDocumentLanguage(templateAsWritten, source.meta.language);
  const ctx = new CompileContext(template, source.participants, source.meta.language);
  const terms = ctx.terms;
  const style = template.style;
  const levels = template.numbering;

  // ---- which parts, how deep, of what kind -----------------------------------------
  // Generated annexes the template has but the conference lacks a part for (imported
  // conferences) are added at the end, when there is something to put in them.
  const hasContent = (g: TemplateSection['generated']) =>
    g === 'participants'
      ? source.participants.length > 0
      : g === 'programme'
        ? source.agenda.length > 0
        : g === 'recommendations-table'
          ? JSON.stringify(source.parts.map((p) => p.doc)).includes('"role":"recommendations"')
          : false;
  const missing = template.sections.filter(
    (s) =>
      s.generated &&
      ANNEX_GENERATORS.has(s.generated) &&
      hasContent(s.generated) &&
      !source.parts.some((p) => p.kind === s.id),
  );
  const allParts: ConferenceSource['parts'] = [...source.parts];
  const order = (kind: string) => template.sections.findIndex((s) => s.id === kind);
  for (const s of missing) {
    // In template order: before the first top-level part whose section comes after it.
    const at = allParts.findIndex((p) => p.parentId === null && order(p.kind) > order(s.id));
    const part = {
      id: `generated-${s.id}`,
      parentId: null,
      kind: s.id,
      title: s.title,
      doc: { root: { type: 'root' as const, children: [] } },
    };
    allParts.splice(at < 0 ? allParts.length : at, 0, part);
  }
  const outline = outlineOf(allParts, template);
  const entryOf = (id: string) => outline.get(id)!;
  const sectionOf = (kind: string) => findSection(template.sections, kind);
  const byId = new Map(allParts.map((p) => [p.id, p]));
  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    for (let p: string | null | undefined = id; p; p = byId.get(p)?.parentId) out.push(p);
    return out;
  };
  const wanted = options.partIds ? new Set(options.partIds) : null;
  // A top-level title block prints on the cover (its lines), not as a section of its own.
  const coverParts = allParts.filter(
    (p) => p.kind === COVER_LINES_KIND && p.parentId === null && coverLinesOf(p.doc) !== null,
  );
  const included = allParts.filter(
    (p) =>
      !coverParts.includes(p) &&
      (!wanted || ancestors(p.id).some((a) => wanted.has(a))) &&
      (options.annexes || !entryOf(p.id).inAnnex),
  );
  const partAnchors = new Map(included.map((p) => [p.id, ctx.anchor()]));

  // ---- outline state: the path of headings above the current position ------------------
  // (labels come from shared/elements/outline; the path gives recommendation numbers "A.I.3.i")
  const path: { level: number; counter: number; title: string }[] = [];
  const enter = (level: number, counter: number, title: string) => {
    while (path.length && path[path.length - 1]!.level >= level) path.pop();
    path.push({ level, counter, title });
  };
  const recTables: TableBlock[] = [];
  const tocs: TocBlock[] = [];
  let paragraphCount = 0;

  const cursor = (partLevel: number, numbered: boolean): OutlineCursor => {
    const headings = new HeadingCounter(partLevel, numbered, template);
    return {
      docHeading: (tag, text): HeadingBlock => {
        const { level, counter, label } = headings.next(tag);
        const plain = plainOf(text).trim();
        enter(level, counter, plain);
        return { kind: 'heading', level, label, text, plain, anchor: ctx.anchor(), inToc: level <= TOC_DEPTH };
      },
      recommendationPrefix: () =>
        path
          .filter((p) => p.counter > 0 && levels[p.level - 1] && levels[p.level - 1]!.style !== 'none')
          .map((p) => formatCounter(p.counter, levels[p.level - 1]!.style))
          .join('.'),
      themePath: () => path.map((p) => p.title).filter(Boolean),
      recommendationsTable: () => {
        const t = emptyRecommendationsTable();
        recTables.push(t);
        return t;
      },
    };
  };

  // ---- walk the parts -------------------------------------------------------------------
  const sections: Section[] = [{ orientation: 'portrait', blocks: [] }];
  const current = () => sections[sections.length - 1]!;
  const startSection = (orientation: Section['orientation']) => {
    if (current().blocks.length === 0) current().orientation = orientation;
    else if (current().orientation !== orientation) sections.push({ orientation, blocks: [] });
  };

  for (const part of included) {
    const entry = entryOf(part.id);
    const level = entry.level;
    const section = sectionOf(part.kind);
    if (!section) ctx.note('unknownPartKind', { title: part.title, kind: part.kind, template: template.id });
    if (!part.parentId && style.footnotes === 'per-part') {
      ctx.restartFootnotes();
      // A section of its own, so Word restarts its note numbers there too.
      if (current().blocks.length)
        sections.push({ orientation: current().orientation, restartNotes: true, blocks: [] });
    }
    const generated = section?.generated;
    startSection(generated === 'recommendations-table' ? 'landscape' : 'portrait');

    if (generated === 'toc') {
      const toc: TocBlock = {
        kind: 'toc',
        title: part.title ? templateWord(part.title, terms) : terms.contents,
        entries: [],
        partKind: part.kind,
      };
      tocs.push(toc);
      current().blocks.push(toc);
      continue;
    }

    // A generated annex is titled by the template, whose words follow the conference language.
    const title = generated ? templateWord(part.title, terms) : part.title;
    enter(level, entry.counter, title);
    const heading: HeadingBlock = {
      kind: 'heading',
      level,
      label: entry.label,
      text: [{ kind: 'text', text: title }],
      plain: title,
      anchor: partAnchors.get(part.id)!,
      inToc: level <= TOC_DEPTH,
      newPage: entry.role === 'annex' || entry.role === 'annex-container',
      partId: part.id,
      partKind: part.kind,
    };
    current().blocks.push(heading);

    const numberParagraphs = style.paragraphNumbering && entry.numbersBody;
    const programme = source.agenda.find((a) => a.partId === part.id);
    const converter = new BlockConverter(ctx, cursor(level, entry.numbersBody), {
      numberParagraphs,
      nextParagraphNumber: () => ++paragraphCount,
      programme,
    });
    const body: Block[] = converter.convert(childrenOf(part.doc.root as RawNode));
    current().blocks.push(...body);

    if (generated === 'recommendations-table') {
      const t = emptyRecommendationsTable();
      recTables.push(t);
      current().blocks.push(t);
    } else if (generated === 'participants') {
      current().blocks.push(
        ...participantsBlocks(source.participants, Math.min(6, level + 1), () => ctx.anchor(), terms),
      );
    } else if (generated === 'programme' && !body.some((b) => b.kind === 'table')) {
      // A programme written out in the part's own text (an imported report's, as printed) stands in for the generated one.
      current().blocks.push(...programmeBlocks(source.agenda, ctx.participants, partAnchors, terms));
    }
  }

  // A template with a generated contents section gets its contents even when the
  // conference has no part for it (imported conferences often have none).
  const tocSection = template.sections.find((s) => s.generated === 'toc');
  if (tocSection && !tocs.length && !options.partIds && included.length) {
    const toc: TocBlock = {
      kind: 'toc',
      title: tocSection.title ? templateWord(tocSection.title, terms) : terms.contents,
      entries: [],
    };
    tocs.push(toc);
    sections[0]!.blocks.unshift(toc);
  }

  // ---- what needs the whole document ---------------------------------------------------
  ctx.resolveNoteRefs();
  for (const t of recTables)
    fillRecommendationsTable(
      t,
      ctx.recommendations,
      (template.recommendationColumns ?? []).map((c) => templateWord(c, terms)),
      terms,
    );
  const headings = sections.flatMap((s) => s.blocks).filter((b): b is HeadingBlock => b.kind === 'heading' && b.inToc);
  for (const toc of tocs)
    toc.entries = headings.map((h) => ({ level: h.level, label: h.label, title: h.plain, anchor: h.anchor }));

  const meta = source.meta;
  const cover = buildCover(
    meta,
    options.issueDate,
    coverParts.flatMap((p) => coverLinesOf(p.doc) ?? []),
  );
  return {
    meta,
    language: meta.language || 'en',
    templateId: template.id,
    style,
    watermark: options.watermark,
    cover,
    sections: sections.filter((s, i) => s.blocks.length > 0 || i === 0),
    runningHeader: cover.symbol || shortTitle(cover.title),
    headingNumbering: template.numbering,
    footnoteCount: ctx.footnoteCount,
    noteMode: style.footnotes === 'endnotes' ? 'endnotes' : 'footnotes',
    notes: ctx.notes,
  };
}

/** The running head without a symbol: the title, or its main clause when long ("Hemispheric Conference: …" → before the colon). */
function shortTitle(title: string): string {
  if (title.length <= 90) return title;
  const main = title.split(/\s*[:—–]\s+/)[0]!;
  return main.length <= 90 ? main : title.slice(0, 90).replace(/\s+\S*$/, '');
}

/** All inline runs of a block tree (tests and the markdown writer use it). */
export function* walkInlines(blocks: Block[]): Generator<Inline> {
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        yield* b.text;
        break;
      case 'para':
        yield* b.content;
        break;
      case 'list':
        for (const it of b.items) yield* walkInlines(it.blocks);
        break;
      case 'table':
        for (const r of b.rows) for (const c of r.cells) yield* walkInlines(c.blocks);
        break;
      case 'quote':
        yield* walkInlines(b.blocks);
        break;
      default:
        break;
    }
  }
}
