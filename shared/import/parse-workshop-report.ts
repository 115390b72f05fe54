/**
 * Workshop reports (seed 003) and the fallback for plain text, read from the blocks of the
 * plain-text tree (tree/text-read.ts) by rules over blocks: note lines (¹ …) at page feet,
 * paragraphs cut by a page break rejoined, a title block, the template's section headings,
 * "Session I: title" groups of intervention summaries opening with the speaker ("Ms. Name,
 * Position at Organisation, noted …"), and the contact block. The genre's vocabulary (its
 * source headings, report types, series words and contact statements) is its template's
 * (seeds/templates/workshop-report.json).
 */
import type { DocNode } from '../model/doc-nodes';
import type { Template, TemplateSection } from '../templates/schema';
import { listNode } from './block-nodes';
import { list, paragraph, personRef, type ListItemInput } from './nodes';
import { type InlineOptions, noteFromMarkup, parseInline, plainInline, superscriptToDigits } from './inline';
import type { Block, ListBlock } from './markdown-blocks';
import { type ImportContext, type ImportedPart, setDoc } from './result';
import { type SourceLine, endsParagraph } from './source';
import { isPhrase, mentionsPhrase, openingPhrase, sectionForHeading } from './template-rules';
import { readTextTree } from './tree/text-read';
import { organisersIn, parseDateRange, romanValue, titleCase } from './util';

/** A paragraph of the source: its first line's number and its lines, trimmed. */
interface Para {
  t: 'para';
  n: number;
  lines: string[];
}
type Piece = Para | ListBlock;
type Notes = Map<string, { text: string; line: number; used: boolean }>;

const NOTE_LINE = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s+(\S.*|)$/;
/** What follows a session's source heading: its label and title ("I: From state control …"). */
const INSTANCE = /^([IVXLC]+|\d+)\s*[:.–-]\s*(\S.*)$/;
/** "- 1.) Lower educational performance": a bullet item that carries its number as printed. */
const NUMBERED_ITEM = /^(\d+)\.?\)\s+(\S.*|)$/;
/** "Ms. Anna di Mattia, Associate …" at the start of an intervention (possibly in bold, after a lead-in). */
// A name's letters: anything but spaces, digits and punctuation (a class small enough for the ReDoS check to prove linear).
const SPEAKER =
  /(\*\*)?\b(Dr|Mr|Mrs|Ms|Prof|H\.E)\.\s+((?:[A-ZÀ-Ý][^\s\d.,;:!?()*"“”[\]<>]+|di|de|da|del|van|von|la|le)(?:\s+(?:[A-ZÀ-Ý][^\s\d.,;:!?()*"“”[\]<>]+|di|de|da|del|van|von|la|le))*)(\*\*)?,\s+/;

/**
 * Longer lines are text, not compared with the template's phrases: the longest heading of the
 * seeds is 87 characters ("Session I: From state control …"), its contact statement 63.
 */
const MAX_PHRASE_LINE = 200;
const isCapsHeading = (t: string) => t.length < 80 && /[A-Z]/.test(t) && !/[a-z]/.test(t) && !/[.;]$/.test(t);

/** A heading the template names: a section, or an instance of a repeatable section ("Session I: …") under its parent. */
interface KnownHeading {
  section: TemplateSection;
  instance?: { parent: TemplateSection; label: string; title: string };
}

export function parseWorkshopReport(lines: SourceLine[], ctx: ImportContext, template?: Template): void {
  const notes: Notes = new Map();
  const pieces = readPieces(readTextTree(lines).blocks, notes);
  const anchors = (label: string): DocNode | null => {
    const note = notes.get(label);
    if (!note) return null;
    note.used = true;
    return noteFromMarkup(note.text);
  };
  const headings = pieces.map((p) => (p.t === 'para' ? knownHeading(p, template) : null));

  // Title block: what comes before the first heading the template knows.
  let i = 0;
  const titleEnd = headings.findIndex((h) => h !== null);
  if (titleEnd > 0) {
    const block = pieces.slice(0, titleEnd);
    const paras = block.filter((p): p is Para => p.t === 'para');
    readTitleBlock(paras, ctx, template);
    // Headed by its report-type line as printed ("WORKSHOP REPORT"), not by the template's name for the section.
    const first = block[0]!;
    const typeLine = first.t === 'para' && isReportType(first, template) ? first : null;
    ctx.part(
      null,
      'title-block',
      typeLine ? titleCase(plainInline(typeLine.lines.join(' '))) : 'Title block',
      lineOf(first),
      (typeLine ? block.slice(1) : block).flatMap((p) =>
        p.t === 'para'
          ? [paragraph(parseInline(p.lines.join('\n'), { anchors, superscriptAnchors: true }))]
          : listNodes(p, { anchors }),
      ),
    );
    i = titleEnd;
  }

  /** The latest part of each section, by id: where an instance heading's parent is. */
  const latest = new Map<string, ImportedPart>();
  // The part being read, its body, and whether it is an instance ("Session I"), whose paragraphs open with their speaker.
  const at: { part: ImportedPart | null; body: DocNode[]; instance: boolean } = {
    part: null,
    body: [],
    instance: false,
  };
  let instances = 0;
  const open = (parent: ImportedPart | null, kind: string, title: string, line: number): ImportedPart => {
    if (at.part) setDoc(at.part, at.body);
    const part = ctx.part(parent, kind, title, line);
    Object.assign(at, { part, body: [], instance: parent !== null });
    latest.set(kind, part);
    return part;
  };

  for (; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.t === 'list') {
      if (!at.part) open(null, 'background', 'Background', p.line);
      at.body.push(...listNodes(p, { anchors }));
      continue;
    }
    const plain = plainInline(p.lines.join(' '));
    const known = headings[i];
    if (known?.instance) {
      const { parent, label, title } = known.instance;
      instances++;
      const value = romanValue(label) || Number(label);
      if (value !== instances)
        ctx.warn(p.n, 'LABEL_GAP', { key: 'sessionRenumbered', values: { label, number: instances } });
      const container = latest.get(parent.id) ?? open(null, parent.id, parent.title, p.n);
      open(container, known.section.id, title, p.n);
      continue;
    }
    if (known) {
      open(null, known.section.id, known.section.title, p.n);
      continue;
    }
    if (isCapsHeading(plain) && p.lines.length === 1) {
      const part = open(null, 'background', titleCase(plain), p.n);
      ctx.warn(p.n, 'UNKNOWN_SECTION', { key: 'unknownSection', values: { heading: plain } }, { partId: part.id });
      continue;
    }
    // The contact block: an address of several lines, or the statement of responsibility.
    if (
      p.lines.length > 1 ||
      (plain.length <= MAX_PHRASE_LINE && mentionsPhrase(plain, template?.reading?.contactStatements))
    ) {
      if (at.part?.kind !== 'contact') open(null, 'contact', 'Contact', p.n);
      at.body.push(
        paragraph(
          p.lines.flatMap((l, k) => [
            ...(k ? [{ type: 'linebreak', version: 1 } as DocNode] : []),
            ...parseInline(l, { anchors }),
          ]),
        ),
      );
      continue;
    }
    const part = at.part ?? open(null, 'background', 'Background', p.n);
    if (part.kind === 'background' && !ctx.meta.organisers) {
      const orgs = organisersIn(plain);
      if (orgs.length) ctx.meta.organisers = orgs;
    }
    const text = p.lines[0]!;
    at.body.push(paragraph(at.instance ? speakerInline(text, ctx, anchors) : parseInline(text, { anchors })));
  }
  if (at.part) setDoc(at.part, at.body);
  for (const [label, note] of notes)
    if (!note.used)
      ctx.warn(note.line, 'NOTE_UNANCHORED', {
        key: 'noteUnanchored.noMark',
        values: { number: label },
      });
}

const lineOf = (p: Piece): number => (p.t === 'para' ? p.n : p.line);

/**
 * The tree's blocks as paragraphs and lists, with two rules of the page: note lines (¹ …) are
 * notes (a line after one continues it), and a paragraph after a page break that opens in lower
 * case continues the paragraph or item the break cut.
 */
function readPieces(blocks: Block[], notes: Notes): Piece[] {
  const out: Piece[] = [];
  for (const b of blocks) {
    if (b.t === 'list') {
      out.push(b);
      continue;
    }
    if (b.t !== 'para' && b.t !== 'toc') continue;
    const source = b.t === 'para' && b.lines ? b.lines : [{ n: b.line, text: b.text }];
    const body: SourceLine[] = [];
    let note: { text: string; line: number; used: boolean } | null = null;
    for (const { n, text } of source) {
      const t = text.trim();
      const m = NOTE_LINE.exec(t);
      if (m) {
        note = { text: m[2]!.trim(), line: n, used: false };
        notes.set(superscriptToDigits(m[1]!), note);
      } else if (note) note.text = `${note.text} ${t}`;
      else body.push({ n, text: t });
    }
    if (!body.length) continue;
    const afterBreak = b.t === 'para' && (b.blankBefore ?? 0) >= 2;
    const prev = out[out.length - 1];
    if (afterBreak && prev && /^[a-z(“"]/.test(body[0]!.text) && continueAcrossBreak(prev, body)) continue;
    out.push({ t: 'para', n: body[0]!.n, lines: body.map((l) => l.text) });
  }
  return out;
}

/** Appends `body` to the paragraph or last item a page break cut; false when it ended its sentence. */
function continueAcrossBreak(prev: Piece, body: SourceLine[]): boolean {
  const [first, ...rest] = body.map((l) => l.text);
  if (prev.t === 'para') {
    const last = prev.lines.length - 1;
    if (endsParagraph(plainInline(prev.lines[last]!))) return false;
    prev.lines[last] = `${prev.lines[last]} ${first}`;
    prev.lines.push(...rest);
    return true;
  }
  const item = prev.items[prev.items.length - 1];
  if (!item || item.sub || endsParagraph(plainInline(item.text))) return false;
  item.text = [item.text, first, ...rest].join(' ');
  return true;
}

/** A one-line paragraph that is a heading of the template's, or an instance of one of its repeatable sections. */
function knownHeading(p: Para, template: Template | undefined): KnownHeading | null {
  // A heading is one short line (a long one is not compared with every phrase).
  if (p.lines.length !== 1 || p.lines[0]!.length > MAX_PHRASE_LINE) return null;
  const plain = plainInline(p.lines[0]!).trim();
  const section = sectionForHeading(template, plain);
  if (!section) return null;
  const parent = section.repeatable ? parentOf(template!.sections, section) : undefined;
  if (parent) {
    const m = INSTANCE.exec(openingPhrase(plain, section.sourceHeadings)?.rest ?? '');
    return m ? { section, instance: { parent, label: m[1]!, title: m[2]!.trim() } } : null;
  }
  // The heading as the template names it ("Objectives"), or in capitals ("BACKGROUND AND PARTICIPANTS"): not a sentence that opens with its words.
  return isPhrase(plain, section.sourceHeadings) || isCapsHeading(plain) ? { section } : null;
}

function parentOf(sections: TemplateSection[], child: TemplateSection): TemplateSection | undefined {
  for (const s of sections) {
    if (s.children.includes(child)) return s;
    const deeper = parentOf(s.children, child);
    if (deeper) return deeper;
  }
  return undefined;
}

const isReportType = (p: Para, template: Template | undefined): boolean =>
  p.lines.length === 1 && isPhrase(plainInline(p.lines[0]!), template?.reading?.reportTypes);

/**
 * A list as printed: bullet items that carry their numbers ("- 1.) …") are a numbered list,
 * others as the tree read them.
 */
function listNodes(l: ListBlock, inline: InlineOptions): DocNode[] {
  if (l.ordered) return [listNode(l, inline)];
  const out: DocNode[] = [];
  let run: { numbered: boolean; items: ListBlock['items'] } | null = null;
  const flush = () => {
    if (!run) return;
    if (!run.numbered) out.push(listNode({ ...l, items: run.items }, inline));
    else {
      const items: ListItemInput[] = run.items.flatMap((it) => {
        const m = NUMBERED_ITEM.exec(it.text)!;
        const own: ListItemInput = { children: parseInline(m[2]!, inline), value: Number(m[1]) };
        return it.sub ? [own, { children: [listNode(it.sub, inline, 1)], nestedOnly: true }] : [own];
      });
      out.push(list(true, items, { numberFormat: 'decimal-paren' }));
    }
    run = null;
  };
  for (const it of l.items) {
    const numbered = NUMBERED_ITEM.test(it.text);
    if (run && run.numbered !== numbered) flush();
    run ??= { numbered, items: [] };
    run.items.push(it);
  }
  flush();
  return out;
}

/** An intervention's opening: the speaker becomes a reference into the registry. */
function speakerInline(text: string, ctx: ImportContext, anchors: (l: string) => DocNode | null): DocNode[] {
  const m = text.match(SPEAKER);
  if (!m || (m.index ?? 0) > 200 || ctx.people.find(m[3]!)) return parseInline(text, { anchors });
  const rest = text.slice((m.index ?? 0) + m[0].length);
  const role = rest.match(/^(.*?),\s+(?=[a-z])/)?.[1] ?? '';
  const cleanRole = role.replace(/^(?:an?|the)\s+/i, '');
  const at = splitRole(cleanRole, /\s(?:at|with)\s+(?:the\s+)?/) ?? splitRole(cleanRole, /\sof\s+the\s+/);
  const honorific = `${m[2]}.`;
  const id = ctx.people.add({
    name: m[3]!,
    honorific,
    title: at ? at[1]! : cleanRole,
    organisation: at ? at[2]! : '',
    role: 'Speaker',
  });
  // "… destination, **Ms. Mariana Olivera West**, Third Secretary …": the text before the
  // name keeps its space, and bold opened around the name does not leak into what follows.
  // The name's own bold is the reference's format.
  const before = text.slice(0, m.index);
  const boldBefore = ((before.match(/\*\*/g) ?? []).length % 2 === 1) !== Boolean(m[1]);
  const boldAfter = boldBefore && !m[4];
  const ref = personRef(id, `${honorific} ${m[3]}`);
  return [
    ...parseInline(before, { anchors, trim: 'start' }),
    boldBefore ? ({ ...ref, format: 1 } as DocNode) : ref,
    ...parseInline(`${boldAfter ? '**' : ''}, ${rest}`, { anchors, trim: 'end' }),
  ].filter((n) => !(n.type === 'text' && n.text === ''));
}

function readTitleBlock(block: Para[], ctx: ImportContext, template: Template | undefined): void {
  const texts = block.map((p) => plainInline(p.lines.join('\n').replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '')).replace(/:$/, ''));
  let title = '';
  for (const t of texts) {
    const dates = parseDateRange(t);
    if (dates && !ctx.meta.startDate) {
      Object.assign(ctx.meta, dates);
      const rest = t
        .replace(/^[^,]*\d{4},?\s*/, '')
        .split(/,\s*/)
        .filter(Boolean);
      if (rest.length) ctx.meta.city = rest[rest.length - 1]!;
      if (rest.length > 1) ctx.meta.venue = rest.slice(0, -1).join(', ');
      continue;
    }
    if (isPhrase(t, template?.reading?.reportTypes)) {
      ctx.meta.subtitle = titleCase(t);
      continue;
    }
    if (mentionsPhrase(t, template?.reading?.seriesWords)) {
      ctx.meta.series = titleCase(t);
      continue;
    }
    title = title ? `${title} ${t}` : t;
  }
  ctx.meta.title = titleCase(title);
}

/** "Director at the Ministry" → [, "Director", "Ministry"]: split at the first `sep` (a search, linear). */
function splitRole(role: string, sep: RegExp): [string, string, string] | null {
  const m = sep.exec(role);
  if (!m || m.index === 0) return null;
  return [role, role.slice(0, m.index).trimEnd(), role.slice(m.index + m[0].length)];
}
