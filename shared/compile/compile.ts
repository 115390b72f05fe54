/**
 * Compile: a conference (metadata, part tree with documents, registry, agenda) and its
 * template → the proceedings model that both exporters read. Pure: no I/O, no clock.
 */
import type { AgendaItem, ConferenceMeta, LexicalDoc, Participant } from '../model/conference';
import { formatCounter, formatLabel, type LabelFormat } from '../templates/numbering';
import { findSection, type Template, type TemplateSection } from '../templates/schema';
import { fillRecommendationsTable, emptyRecommendationsTable, participantsBlocks, programmeBlocks } from './annexes';
import { BlockConverter, type OutlineCursor } from './blocks';
import { CompileContext } from './context';
import { buildCover } from './cover';
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

/** Top-level sections that precede the body and are never numbered (UN practice). */
const FRONT_MATTER = /^(cover|imprint|title|title-block|masthead|toc|contents|abstract|foreword|preface|acknowledg\w*|about|executive-summary|disclaimer)$/;
const ANNEX = /(^|-)annex(es)?($|-)/;
const ANNEX_GENERATORS = new Set(['recommendations-table', 'participants', 'programme']);
const TOC_DEPTH = 3;
const ANNEX_LABEL: LabelFormat = { style: 'upper-roman', prefix: 'Annex ', suffix: '' };

type PartKind = 'front' | 'body' | 'annex' | 'annex-container';

export function compile(source: ConferenceSource, template: Template, options: CompileOptions = defaultCompileOptions()): Proceedings {
  const ctx = new CompileContext(template, source.participants);
  const style = template.style;
  const levels = template.numbering;

  // ---- which parts, how deep, of what kind -----------------------------------------
  // Generated annexes the template has but the conference lacks a part for (imported
  // conferences) are added at the end, when there is something to put in them.
  const hasContent = (g: TemplateSection['generated']) =>
    g === 'participants' ? source.participants.length > 0 : g === 'programme' ? source.agenda.length > 0
      : g === 'recommendations-table' ? JSON.stringify(source.parts.map((p) => p.doc)).includes('"role":"recommendations"') : false;
  const missing = template.sections.filter((s) => s.generated && ANNEX_GENERATORS.has(s.generated) && hasContent(s.generated)
    && !source.parts.some((p) => p.kind === s.id));
  const allParts: ConferenceSource['parts'] = [...source.parts];
  const order = (kind: string) => template.sections.findIndex((s) => s.id === kind);
  for (const s of missing) {
    // In template order: before the first top-level part whose section comes after it.
    const at = allParts.findIndex((p) => p.parentId === null && order(p.kind) > order(s.id));
    const part = { id: `generated-${s.id}`, parentId: null, kind: s.id, title: s.title, doc: { root: { type: 'root' as const, children: [] } } };
    allParts.splice(at < 0 ? allParts.length : at, 0, part);
  }
  const byId = new Map(allParts.map((p) => [p.id, p]));
  const depthOf = (id: string): number => {
    let d = 0;
    for (let p = byId.get(id)?.parentId; p; p = byId.get(p)?.parentId) d++;
    return d;
  };
  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    for (let p: string | null | undefined = id; p; p = byId.get(p)?.parentId) out.push(p);
    return out;
  };
  const sectionOf = (kind: string) => findSection(template.sections, kind);
  const kindOf = (part: ConferenceSource['parts'][number]): PartKind => {
    const s = sectionOf(part.kind);
    const id = s?.id ?? part.kind;
    if (s?.generated && ANNEX_GENERATORS.has(s.generated)) return 'annex';
    if (s?.label && /annex|appendix/i.test(s.label.prefix)) return 'annex';
    if (ANNEX.test(id)) return /annexes$/.test(id) && (s?.children.length ?? 0) > 0 ? 'annex-container' : 'annex';
    if (s?.generated === 'toc' || s?.numbered === false || (s?.numbered === undefined && FRONT_MATTER.test(id))) return 'front';
    return 'body';
  };
  const wanted = options.partIds ? new Set(options.partIds) : null;
  const isAnnexish = (id: string) => ancestors(id).some((a) => { const p = byId.get(a); return p ? kindOf(p) !== 'body' && kindOf(p) !== 'front' : false; });
  const included = allParts.filter((p) =>
    (!wanted || ancestors(p.id).some((a) => wanted.has(a))) && (options.annexes || !isAnnexish(p.id)));
  const partAnchors = new Map(included.map((p) => [p.id, ctx.anchor()]));

  // ---- outline state ------------------------------------------------------------------
  const counters: number[] = [0, 0, 0, 0, 0, 0, 0];
  const path: { level: number; numbered: boolean; title: string }[] = [];
  /** Sections with their own label ("Annex 1"): sibling sections with the same format share a counter. */
  const ownCounters = new Map<string, number>();
  let paragraphCount = 0;
  let labelling = true;
  const recTables: TableBlock[] = [];
  const tocs: TocBlock[] = [];

  const enterHeading = (level: number, numbered: boolean, title: string): string => {
    counters[level] = (counters[level] ?? 0) + (numbered ? 1 : 0);
    for (let k = level + 1; k < counters.length; k++) counters[k] = 0;
    while (path.length && path[path.length - 1]!.level >= level) path.pop();
    path.push({ level, numbered, title });
    const fmt = levels[level - 1];
    return numbered && fmt ? formatLabel(counters[level]!, fmt) : '';
  };

  const cursor = (partLevel: number): OutlineCursor => ({
    docHeading: (depth, text): HeadingBlock => {
      const level = Math.min(6, partLevel + depth);
      const plain = plainOf(text).trim();
      const label = enterHeading(level, labelling, plain);
      return { kind: 'heading', level, label, text, plain, anchor: ctx.anchor(), inToc: level <= TOC_DEPTH };
    },
    recommendationPrefix: () => path
      .filter((p) => p.numbered && levels[p.level - 1] && levels[p.level - 1]!.style !== 'none' && (counters[p.level] ?? 0) > 0)
      .map((p) => formatCounter(counters[p.level]!, levels[p.level - 1]!.style)).join('.'),
    themePath: () => path.map((p) => p.title).filter(Boolean),
    recommendationsTable: () => { const t = emptyRecommendationsTable(); recTables.push(t); return t; },
  });

  // ---- walk the parts -------------------------------------------------------------------
  const sections: Section[] = [{ orientation: 'portrait', blocks: [] }];
  const current = () => sections[sections.length - 1]!;
  const startSection = (orientation: Section['orientation']) => {
    if (current().blocks.length === 0) current().orientation = orientation;
    else if (current().orientation !== orientation) sections.push({ orientation, blocks: [] });
  };

  for (const part of included) {
    const depth = depthOf(part.id);
    const level = Math.min(6, depth + 1);
    const section = sectionOf(part.kind);
    const kind = kindOf(part);
    if (!section) ctx.note(`Part “${part.title}” has kind “${part.kind}”, which the template “${template.id}” does not know; it was exported as an ordinary part.`);
    if (depth === 0 && style.footnotes === 'per-part') {
      ctx.restartFootnotes();
      // A section of its own, so Word restarts its note numbers there too.
      if (current().blocks.length) sections.push({ orientation: current().orientation, restartNotes: true, blocks: [] });
    }
    const inAnnex = isAnnexish(part.id);
    labelling = !inAnnex && !ancestors(part.id).some((a) => { const p = byId.get(a); return p ? kindOf(p) === 'front' : false; });
    const generated = section?.generated;
    startSection(generated === 'recommendations-table' ? 'landscape' : 'portrait');

    if (generated === 'toc') {
      const toc: TocBlock = { kind: 'toc', title: part.title || 'Contents', entries: [] };
      tocs.push(toc);
      current().blocks.push(toc);
      continue;
    }

    let label: string;
    const own = section?.label ?? (kind === 'annex' ? ANNEX_LABEL : undefined);
    if (own) {
      const key = `${part.parentId ?? ''}|${JSON.stringify(own)}`;
      const n = (ownCounters.get(key) ?? 0) + 1;
      ownCounters.set(key, n);
      enterHeading(level, false, part.title);
      label = own.style === 'none' ? own.prefix.trim() : formatLabel(n, own);
    } else {
      label = enterHeading(level, labelling && kind === 'body', part.title);
    }
    const heading: HeadingBlock = {
      kind: 'heading', level, label, text: [{ kind: 'text', text: part.title }], plain: part.title,
      anchor: partAnchors.get(part.id)!, inToc: level <= TOC_DEPTH, newPage: kind === 'annex' || kind === 'annex-container',
    };
    current().blocks.push(heading);

    const numberParagraphs = style.paragraphNumbering && labelling && kind === 'body';
    const converter = new BlockConverter(ctx, cursor(level), { numberParagraphs, nextParagraphNumber: () => ++paragraphCount });
    const body: Block[] = converter.convert(childrenOf(part.doc.root as RawNode));
    current().blocks.push(...body);

    if (generated === 'recommendations-table') {
      const t = emptyRecommendationsTable();
      recTables.push(t);
      current().blocks.push(t);
    } else if (generated === 'participants') {
      current().blocks.push(...participantsBlocks(source.participants, Math.min(6, level + 1), () => ctx.anchor()));
    } else if (generated === 'programme') {
      current().blocks.push(...programmeBlocks(source.agenda, ctx.participants, partAnchors));
    }
  }

  // A template with a generated contents section gets its contents even when the
  // conference has no part for it (imported conferences often have none).
  const tocSection = template.sections.find((s) => s.generated === 'toc');
  if (tocSection && !tocs.length && !options.partIds && included.length) {
    const toc: TocBlock = { kind: 'toc', title: tocSection.title || 'Contents', entries: [] };
    tocs.push(toc);
    sections[0]!.blocks.unshift(toc);
  }

  // ---- what needs the whole document ---------------------------------------------------
  for (const t of recTables) fillRecommendationsTable(t, ctx.recommendations, template.recommendationColumns ?? []);
  const headings = sections.flatMap((s) => s.blocks).filter((b): b is HeadingBlock => b.kind === 'heading' && b.inToc);
  for (const toc of tocs) toc.entries = headings.map((h) => ({ level: h.level, label: h.label, title: h.plain, anchor: h.anchor }));

  const meta = source.meta;
  const cover = buildCover(meta, options.issueDate);
  return {
    meta,
    language: meta.language || 'en',
    templateId: template.id,
    style,
    watermark: options.watermark,
    cover,
    sections: sections.filter((s, i) => s.blocks.length > 0 || i === 0),
    runningHeader: cover.symbol || shortTitle(cover.title),
    footnoteCount: ctx.footnoteCount,
    noteMode: style.footnotes === 'endnotes' ? 'endnotes' : 'footnotes',
    notes: ctx.notes,
  };
}

function shortTitle(title: string): string {
  return title.length <= 80 ? title : `${title.slice(0, 77).replace(/\s+\S*$/, '')}…`;
}

/** All inline runs of a block tree (tests and the markdown writer use it). */
export function* walkInlines(blocks: Block[]): Generator<Inline> {
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading': yield* b.text; break;
      case 'para': yield* b.content; break;
      case 'list': for (const it of b.items) yield* walkInlines(it.blocks); break;
      case 'table': for (const r of b.rows) for (const c of r.cells) yield* walkInlines(c.blocks); break;
      case 'quote': yield* walkInlines(b.blocks); break;
      default: break;
    }
  }
}
