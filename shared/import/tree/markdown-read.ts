/**
 * Markdown (and markdown-like text) read as a tree: mdast-util-from-markdown with GFM
 * (tables, footnotes) gives the blocks; each block's text is its source, lines joined, which
 * the inline reader takes. Constructs a report's text never means are off (indented and
 * fenced code, HTML blocks, setext headings): an indented OCR line or a stray "<b>" is text.
 * What conversions broke is repaired by small named transforms of the blocks (below).
 */
import type { Nodes, RootContent } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { plainInline } from '../inline';
import type { Block, ListBlock, ListEntry, MarkdownDoc } from '../markdown-blocks';
import { MAX_LIST_DEPTH } from './limits';
import { type SourceLine, endsParagraph } from '../source';

/**
 * Off: block constructs a report's text never means (indented and fenced code, HTML blocks,
 * setext headings, link reference definitions), and every inline construct: a block's text is
 * its source, which the inline reader (inline.ts) reads; parsing it twice would only cost time.
 */
export const CONSTRUCTS_NEVER_MEANT = [
  'codeIndented',
  'codeFenced',
  'htmlFlow',
  'setextUnderline',
  'definition',
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeText',
  'hardBreakEscape',
  'htmlText',
  'labelStartImage',
  'labelStartLink',
  'labelEnd',
];
const OFF = {
  disable: {
    null: [
      ...CONSTRUCTS_NEVER_MEANT,
      'gfmFootnoteCall',
      'gfmPotentialFootnoteCall',
      'wwwAutolink',
      'protocolAutolink',
      'emailAutolink',
      'strikethrough',
      'tasklistCheck',
    ],
  },
};
/** Indentation past this many columns reads as this many: it bounds how deep lists nest (and CommonMark's work per line). */
const MAX_INDENT = 2 * (MAX_LIST_DEPTH + 2);
/**
 * CommonMark reads each line up to this many characters: the structure of a block is at its
 * start, and its text is taken from the whole line (a 1 MB line costs no more than a short one).
 */
const MAX_PARSED = 2000;
/** Quotes nested past this depth read as this deep. */
const MAX_QUOTE_DEPTH = 8;

/** A line opening with a list marker, CommonMark's or one it does not know ("•", "(a)", "a)", "(iv)", "iv."). */
const ANY_ITEM = /^([-*+•·]|\d{1,3}[.)]|\(?[a-z]\)|\(?[ivx]{1,5}[.)])\s(.*)$/;
const PIPE_ROW = /^\|.*\|$/;
const BARE_MARKER = /^(?:[-*+]|\d{1,9}[.)])$/;
const DELIMITER_ROW = /^[\s|:-]+$/;

/**
 * How a source is read: as markdown (below) or as plain text (text-read.ts), by the same
 * parse and the same repairs, with different constructs on.
 */
export interface ReadProfile {
  /** The micromark and mdast extensions: which constructs are read. */
  parse: Options;
  /** Lines between pipes are table rows even without a delimiter row. */
  pipeTables: boolean;
  /** A paragraph cut by a page break is rejoined here (plain-text genres rejoin by their own rules, from blankBefore). */
  rejoinPages: boolean;
  /** Paragraphs and items keep their source lines, and paragraphs the blank lines before them. */
  keepLines: boolean;
  /** How much of each line CommonMark reads (MAX_PARSED if absent): enough to see the structure its start gives. */
  parsedWidth?: number;
}

/**
 * GFM's mdast handlers (tables, footnote definitions) without its autolink-literal transform:
 * that walks every text node to make links of addresses, which the reader never reads (a block's
 * text is its source), and its links have no position, so a heading opening with "www." failed.
 */
const GFM_TREE = gfmFromMarkdown().filter((extension) => !extension.transforms?.length);

export const MARKDOWN_PROFILE: ReadProfile = {
  parse: { extensions: [gfm(), OFF], mdastExtensions: GFM_TREE },
  pipeTables: true,
  rejoinPages: true,
  keepLines: false,
};

interface Source {
  profile: ReadProfile;
  /** What CommonMark reads: the lines, nesting bounded, each cut at MAX_PARSED characters. */
  text: string;
  parsedLength: number[];
  /** Its lines, nesting bounded (what CommonMark reads), and as written (what a contents line keeps). */
  lines: string[];
  original: string[];
  /** The number of the source line of each line of `text` (lines[i].n). */
  numbers: number[];
}

export function readMarkdownTree(lines: SourceLine[]): MarkdownDoc {
  return readSourceTree(lines, MARKDOWN_PROFILE);
}

/** The blocks of a source read in `profile`, repaired. */
export function readSourceTree(lines: SourceLine[], profile: ReadProfile): MarkdownDoc {
  const bounded = lines.map((l) => boundNesting(l.text));
  const width = profile.parsedWidth ?? MAX_PARSED;
  const parsed = bounded.map((l) => l.slice(0, width));
  const src: Source = {
    profile,
    text: parsed.join('\n'),
    parsedLength: parsed.map((l) => l.length),
    lines: bounded,
    original: lines.map((l) => l.text),
    numbers: lines.map((l) => l.n),
  };
  const tree = fromMarkdown(src.text, profile.parse);
  const doc: MarkdownDoc = { blocks: [], notes: new Map(), tooDeep: null };
  for (const node of tree.children) readBlock(node, src, doc);
  const joined = joinBareMarkers(doc.blocks);
  doc.blocks = mergeListsAcrossBlanks(profile.rejoinPages ? rejoinPageBreaks(joined) : joined);
  if (profile.keepLines) countBlanksBefore(doc.blocks, src);
  return doc;
}

/** Each paragraph's blankBefore: the blank source lines just above its first line. */
function countBlanksBefore(blocks: Block[], src: Source): void {
  const index = new Map(src.numbers.map((n, i) => [n, i]));
  for (const b of blocks) {
    if (b.t !== 'para') continue;
    let i = (index.get(b.line) ?? 0) - 1;
    let blanks = 0;
    while (i >= 0 && src.original[i]!.trim() === '') {
      blanks++;
      i--;
    }
    b.blankBefore = blanks;
  }
}

const lineOf = (src: Source, node: Nodes): number => src.numbers[(node.position?.start.line ?? 1) - 1] ?? 1;

/**
 * The source lines of a node, each trimmed (and without a quote's marks), taken from the
 * whole lines: a node that reaches the cut of a long line runs to that line's end.
 */
function sourceLines(src: Source, node: Nodes): string[] {
  return lineSpans(src, node).map((s) => s.text);
}

/** As sourceLines, each with its source line as written. */
function lineSpans(src: Source, node: Nodes): { text: string; written: SourceLine }[] {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end) return [];
  const out: { text: string; written: SourceLine }[] = [];
  for (let l = start.line - 1; l <= end.line - 1; l++) {
    const whole = src.lines[l] ?? '';
    const from = l === start.line - 1 ? start.column - 1 : 0;
    const to = l === end.line - 1 && end.column - 1 < (src.parsedLength[l] ?? 0) ? end.column - 1 : whole.length;
    const t = stripQuoteMarks(whole.slice(from, to)).trim();
    if (t) out.push({ text: t, written: { n: src.numbers[l] ?? l + 1, text: src.original[l] ?? whole } });
  }
  return out;
}

/**
 * A line's indentation capped at MAX_INDENT columns and its quote marks at MAX_QUOTE_DEPTH:
 * CommonMark checks every open container on every line, so 3,000 nested levels would cost
 * 3,000 checks a line. (A scan: no pattern over runs of spaces.)
 */
function boundNesting(line: string): string {
  let i = 0;
  let quotes = 0;
  let cut = -1;
  for (;;) {
    const from = i;
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i - from > MAX_INDENT) return `${line.slice(0, from)}${' '.repeat(MAX_INDENT)}${line.slice(i)}`;
    if (line[i] !== '>') break;
    if (++quotes === MAX_QUOTE_DEPTH) cut = i + 1;
    i++;
  }
  if (cut < 0) return line;
  let j = cut;
  while (line[j] === '>' || line[j] === ' ' || line[j] === '\t') j++;
  return `${line.slice(0, cut)} ${line.slice(j)}`;
}

/** "> > text" → "text" (a scan: a pattern of `>\s*` repeated is polynomial). */
function stripQuoteMarks(l: string): string {
  let i = 0;
  for (;;) {
    while (l[i] === ' ' || l[i] === '\t') i++;
    if (l[i] !== '>') return l.slice(i);
    i++;
  }
}

/** The text of a block's inline content as written: its lines joined by a space. */
const inlineSource = (src: Source, node: Nodes & { children: Nodes[] }): string => {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  if (!first || !last) return '';
  const span = {
    position: { start: first.position!.start, end: last.position!.end },
  } as Nodes;
  return sourceLines(src, span).join(' ');
};

function readBlock(node: RootContent, src: Source, doc: MarkdownDoc): void {
  const line = lineOf(src, node);
  switch (node.type) {
    case 'heading':
      doc.blocks.push({ t: 'heading', level: node.depth, text: inlineSource(src, node), line });
      return;
    case 'paragraph':
    case 'html':
    case 'definition':
      readParagraphLines(node, src, doc);
      return;
    case 'blockquote':
      for (const c of node.children)
        if (c.type === 'paragraph')
          doc.blocks.push({ t: 'quote', text: sourceLines(src, c).join(' '), line: lineOf(src, c) });
        else readBlock(c, src, doc);
      return;
    case 'list':
      doc.blocks.push(...liftEmptyItems(readList(node, src, doc, 0)));
      return;
    case 'table':
      doc.blocks.push({
        t: 'table',
        rows: node.children.map((row) => cellsOf(sourceLines(src, row).join(' '))),
        header: true,
        line,
      });
      return;
    case 'footnoteDefinition': {
      // Its paragraphs start after "[^id]:", so their source is the note's text.
      const text = node.children.flatMap((c) => sourceLines(src, c)).join(' ');
      doc.notes.set(node.label ?? node.identifier, { text, line });
      return;
    }
    default:
      // Thematic breaks end what came before and say nothing.
      return;
  }
}

const cellsOf = (row: string): string[] =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/**
 * A paragraph is read line by line for what CommonMark leaves in it: contents lines (a run
 * of dots before a page number), pipe rows without a delimiter row (a table), and lines
 * opening with a marker CommonMark does not know (list items).
 */
function readParagraphLines(node: Nodes, src: Source, doc: MarkdownDoc): void {
  const first = (node.position?.start.line ?? 1) - 1;
  const raw = src.lines;
  let para: Extract<Block, { t: 'para' }> | null = null;
  let list: ListBlock | null = null;
  const endLine = (node.position?.end.line ?? first + 1) - 1;
  const keep = src.profile.keepLines;
  for (let i = first; i <= endLine; i++) {
    const rawLine = raw[i] ?? '';
    const t = rawLine.trim();
    const n = src.numbers[i] ?? i + 1;
    if (!t) continue;
    const written = src.original[i] ?? rawLine;
    if (isTocLine(t) || (endsInTabColumn(written) && i > 0 && isTocLine(src.original[i - 1] ?? ''))) {
      doc.blocks.push({ t: 'toc', text: written.trimEnd(), line: n });
      para = null;
      list = null;
      continue;
    }
    if (src.profile.pipeTables && PIPE_ROW.test(t)) {
      const prev = doc.blocks[doc.blocks.length - 1];
      if (DELIMITER_ROW.test(t)) {
        if (prev?.t === 'table') prev.header = true;
      } else if (prev?.t === 'table' && !para && !list) prev.rows.push(cellsOf(t));
      else doc.blocks.push({ t: 'table', rows: [cellsOf(t)], header: false, line: n });
      para = null;
      list = null;
      continue;
    }
    const item = ANY_ITEM.exec(t);
    if (item) {
      const marker = item[1]!;
      const ordered = !/^[-*+•·]$/.test(marker);
      const entry: ListEntry = { text: item[2]!.trim(), line: n, marker, sub: null };
      if (keep) entry.lines = [{ n, text: written }];
      if (list && list.ordered === ordered) list.items.push(entry);
      else {
        list = { t: 'list', ordered, marker, items: [entry], line: n };
        doc.blocks.push(list);
      }
      para = null;
      continue;
    }
    if (list) {
      const last = list.items[list.items.length - 1]!;
      last.text = `${last.text} ${t}`;
      last.lines?.push({ n, text: written });
      continue;
    }
    if (para) {
      para.text = `${para.text} ${t}`;
      para.lines?.push({ n, text: written });
    } else {
      para = { t: 'para', text: t, line: n };
      if (keep) para.lines = [{ n, text: written }];
      doc.blocks.push(para);
    }
  }
}

function readList(node: Extract<Nodes, { type: 'list' }>, src: Source, doc: MarkdownDoc, depth: number): ListBlock[] {
  const out: ListBlock[] = [];
  // Items go to the current list while their kind (bullet or number) is its kind; another kind opens another list.
  let current: ListBlock | null = null;
  const add = (entry: ListEntry, ordered: boolean): ListEntry => {
    if (!current || current.ordered !== ordered) {
      current = { t: 'list', ordered, marker: entry.marker, items: [], line: entry.line };
      out.push(current);
    }
    current.items.push(entry);
    return entry;
  };
  for (const item of node.children) {
    const line = lineOf(src, item);
    const keep = src.profile.keepLines;
    let entry = add(
      { text: '', line, marker: markerAt(src, item), sub: null, ...(keep ? { lines: [] } : {}) },
      node.ordered === true,
    );
    const opened = entry;
    for (const c of item.children) {
      if (c.type === 'paragraph') {
        // Lines CommonMark took as lazy text of the item but which open with a marker are items of their own.
        for (const [k, { text: l, written }] of lineSpans(src, c).entries()) {
          const other = k > 0 || entry.text ? ANY_ITEM.exec(l) : null;
          if (other) {
            const m = other[1]!;
            entry = add(
              { text: other[2]!.trim(), line: line + k, marker: m, sub: null, ...(keep ? { lines: [] } : {}) },
              !/^[-*+•·]$/.test(m),
            );
          } else entry.text = entry.text ? `${entry.text} ${l}` : l;
          entry.lines?.push(written);
        }
      } else if (c.type === 'list') {
        // Deeper than the limit: the items stay at this depth (read without recursion: one line can open thousands).
        if (depth >= MAX_LIST_DEPTH) {
          if (doc.tooDeep === null) doc.tooDeep = lineOf(src, c);
          current!.items.push(...deepItems(c, src));
          continue;
        }
        const sub = readList(c, src, doc, depth + 1).flatMap((l) => l.items);
        if (entry.sub) entry.sub.items.push(...sub);
        else
          entry.sub = {
            t: 'list',
            ordered: c.ordered === true,
            marker: sub[0]?.marker ?? '-',
            items: sub,
            line: lineOf(src, c),
          };
      }
    }
    // A bare marker ("1)" alone) is its own source line.
    const at = (item.position?.start.line ?? 1) - 1;
    if (opened.lines?.length === 0) opened.lines.push({ n: line, text: src.original[at] ?? '' });
  }
  return out;
}

/** An item's marker as written ("-", "1.", "(a)"): the characters up to the first space. */
function markerAt(src: Source, item: Nodes): string {
  const line = src.lines[(item.position?.start.line ?? 1) - 1] ?? '';
  const start = (item.position?.start.column ?? 1) - 1;
  let end = start;
  while (end < line.length && end - start < 12 && !/\s/.test(line[end]!)) end++;
  return line.slice(start, end) || '-';
}

/** Every item under `list`, at any depth, in reading order, as entries of one level. */
function deepItems(list: Extract<Nodes, { type: 'list' }>, src: Source): ListEntry[] {
  const out: ListEntry[] = [];
  const todo: Nodes[] = [...list.children].reverse();
  while (todo.length) {
    const n = todo.pop()!;
    if (n.type === 'list') {
      for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]!);
      continue;
    }
    if (n.type !== 'listItem') continue;
    const spans = n.children.flatMap((c) => (c.type === 'paragraph' ? lineSpans(src, c) : []));
    const text = spans.map((s) => s.text).join(' ');
    out.push({
      text,
      line: lineOf(src, n),
      marker: markerAt(src, n),
      sub: null,
      ...(src.profile.keepLines ? { lines: spans.map((s) => s.written) } : {}),
    });
    for (let i = n.children.length - 1; i >= 0; i--) if (n.children[i]!.type === 'list') todo.push(n.children[i]!);
  }
  return out;
}

/**
 * An item with no text of its own that holds a list ("-" then "  1. …", a conversion's way
 * of writing a numbered list) is that list, at its place: no empty bullet before it. A bare
 * marker with nothing under it ("1)" alone on a line) is text, as it was printed.
 */
function liftEmptyItems(lists: ListBlock[]): Block[] {
  const out: Block[] = [];
  for (const l of lists) {
    let cur: ListBlock | null = null;
    for (const it of l.items) {
      if (!it.text) {
        out.push(it.sub ?? { t: 'para', text: it.marker, line: it.line, ...(it.lines ? { lines: it.lines } : {}) });
        cur = null;
        continue;
      }
      if (!cur) {
        cur = { ...l, items: [], marker: it.marker, line: it.line };
        out.push(cur);
      }
      cur.items.push(it);
    }
  }
  return out;
}

/** A bare marker ("5.", "1)") and the line after it are one paragraph ("5. MIGRATION AND DEVELOPMENT"). */
function joinBareMarkers(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.t === 'para' && prev?.t === 'para' && prev.line + 1 === b.line && BARE_MARKER.test(prev.text)) {
      prev.text = `${prev.text} ${b.text}`;
      if (prev.lines && b.lines) prev.lines.push(...b.lines);
      continue;
    }
    out.push(b);
  }
  return out;
}

/** Lists split by blank lines (or by a change of bullet) are one list when their kind is the same. */
function mergeListsAcrossBlanks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.t === 'list' && prev?.t === 'list' && prev.ordered === b.ordered) prev.items.push(...b.items);
    else out.push(b);
  }
  return out;
}

/** A paragraph or item cut by a page break (a blank line mid-sentence) continues in the next paragraph. */
function rejoinPageBreaks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.t === 'para' && prev) {
      const target = prev.t === 'para' ? prev : prev.t === 'list' ? lastItemOf(prev) : null;
      // Only body text is split by pages; short cover lines are not rejoined.
      if (target && target.text.length > 150 && !endsParagraph(plainInline(target.text))) {
        target.text = `${target.text} ${b.text}`;
        if (target.lines && b.lines) target.lines.push(...b.lines);
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

function lastItemOf(l: ListBlock): ListEntry | null {
  const it = l.items[l.items.length - 1];
  if (!it) return null;
  return it.sub ? (lastItemOf(it.sub) ?? it) : it;
}

/** A contents line: a run of four or more dots, then spaces or closing tags including a tab. */
function isTocLine(t: string): boolean {
  for (const m of t.matchAll(/\.{4,}/g)) {
    let i = m.index + m[0].length;
    while (i < t.length) {
      if (t[i] === '\t') return true;
      if (/\s/.test(t[i]!)) i++;
      else if (t.startsWith('</b>', i) || t.startsWith('</i>', i)) i += 4;
      else break;
    }
  }
  return false;
}

/** A line that ends in a tab followed only by spaces and opening <b>/<i> (the page number column of a contents line). */
function endsInTabColumn(raw: string): boolean {
  let i = raw.length;
  let tab = false;
  while (i > 0) {
    const c = raw[i - 1]!;
    if (c === '\t') {
      tab = true;
      i--;
    } else if (/\s/.test(c)) i--;
    else if (raw.endsWith('<b>', i) || raw.endsWith('<i>', i)) i -= 3;
    else break;
  }
  return tab;
}
