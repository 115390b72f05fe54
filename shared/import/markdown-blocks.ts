/**
 * Markdown (and markdown-like text) to blocks, repairing what conversions broke:
 * lists split by blank lines, paragraphs and items split by page breaks, dotted
 * contents lines, pipe tables, footnote definitions.
 */
import { plainInline } from './inline';
import type { ImportContext } from './result';
import { type SourceLine, endsParagraph } from './source';

export interface ListEntry {
  text: string;
  line: number;
  marker: string;
  sub: ListBlock | null;
}
export interface ListBlock {
  t: 'list';
  ordered: boolean;
  marker: string;
  items: ListEntry[];
  line: number;
}
export type Block =
  | { t: 'heading'; level: number; text: string; line: number }
  | { t: 'para'; text: string; line: number }
  | { t: 'quote'; text: string; line: number }
  | { t: 'toc'; text: string; line: number }
  | { t: 'table'; rows: string[][]; header: boolean; line: number }
  | ListBlock;

export interface MarkdownDoc {
  blocks: Block[];
  notes: Map<string, { text: string; line: number }>;
  /** The first line of a list indented past MAX_LIST_DEPTH levels, if any (its depth is capped). */
  tooDeep: number | null;
}

// Each pattern takes one space after its mark and leaves the rest to trim(): `\s+(.*)$`
// backtracks quadratically over a long run of spaces.
const HEADING = /^(#{1,6})\s(.*)$/;
const ITEM = /^(\s*)([-*+•·]|\d{1,3}[.)]|\(?[a-z]\)|\(?[ivx]{1,5}[.)])\s(.*)$/;
const NOTE_DEF = /^\[\^([^\]]+)\]:(.*)$/;
/** Most lists are a level or two deep; past this, deeper items stay at this depth (with a warning). */
export const MAX_LIST_DEPTH = 8;

/** A heading's text without a closing sequence of #. */
function headingText(s: string): string {
  const t = s.trim();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  return t.slice(0, end).trimEnd();
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

export function readMarkdown(lines: SourceLine[]): MarkdownDoc {
  const blocks: Block[] = [];
  const notes = new Map<string, { text: string; line: number }>();
  let para: { t: 'para'; text: string; line: number } | null = null;
  let listStack: ListBlock[] = [];
  let lastItem: ListEntry | null = null;
  let blank = 0;
  let lastNote: string | null = null;
  let tooDeep: number | null = null;

  const endList = () => {
    listStack = [];
    lastItem = null;
  };
  const last = () => blocks[blocks.length - 1];

  for (let i = 0; i < lines.length; i++) {
    const { n, text: raw } = lines[i]!;
    const t = raw.trimEnd();
    if (t.trim() === '') {
      blank++;
      para = null;
      continue;
    }
    const hadBlank = blank > 0;
    blank = 0;
    const note = t.match(NOTE_DEF);
    if (note) {
      notes.set(note[1]!, { text: note[2]!.trimStart(), line: n });
      lastNote = note[1]!;
      para = null;
      endList();
      continue;
    }
    if (lastNote && /^\s{2,}\S/.test(raw) && hadBlank === false) {
      const x = notes.get(lastNote)!;
      x.text += ` ${t.trim()}`;
      continue;
    }
    lastNote = null;
    if (/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(t)) {
      para = null;
      endList();
      continue;
    }
    const h = t.match(HEADING);
    if (h) {
      blocks.push({ t: 'heading', level: h[1]!.length, text: headingText(h[2]!), line: n });
      para = null;
      endList();
      continue;
    }
    if (isTocLine(t) || (endsInTabColumn(raw) && i > 0 && isTocLine(lines[i - 1]?.text ?? ''))) {
      blocks.push({ t: 'toc', text: t, line: n });
      para = null;
      endList();
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(t)) {
      const cells = t
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim());
      const prev = last();
      if (/^[\s|:-]+$/.test(t)) {
        if (prev && prev.t === 'table') prev.header = true;
        continue;
      }
      if (prev && prev.t === 'table' && !hadBlank) prev.rows.push(cells);
      else blocks.push({ t: 'table', rows: [cells], header: false, line: n });
      para = null;
      endList();
      continue;
    }
    if (/^>\s?/.test(t)) {
      blocks.push({ t: 'quote', text: t.replace(/^>\s?/, ''), line: n });
      para = null;
      endList();
      continue;
    }
    const item = t.match(ITEM);
    if (item) {
      const indent = item[1]!.length;
      if (indent > 2 * MAX_LIST_DEPTH && tooDeep === null) tooDeep = n;
      const marker = item[2]!;
      const ordered = !/^[-*+•·]$/.test(marker);
      const entry: ListEntry = { text: item[3]!.trimStart(), line: n, marker, sub: null };
      const top = listStack[0];
      if (indent >= 2 && lastItem && top) {
        // A nested item: under the last item of the enclosing list.
        let sub: ListBlock = lastItem.sub ?? { t: 'list', ordered, marker, items: [], line: n };
        if (listStack.length > 1 && indent >= 2) sub = listStack[listStack.length - 1]!;
        else {
          lastItem.sub = sub;
          listStack.push(sub);
        }
        sub.items.push(entry);
      } else {
        if (listStack.length > 1) listStack = [listStack[0]!];
        const cur = listStack[0];
        // Blank lines between items do not end a list (anatomy §8.5).
        if (cur && last() === cur && cur.ordered === ordered) cur.items.push(entry);
        else {
          const l: ListBlock = { t: 'list', ordered, marker, items: [entry], line: n };
          blocks.push(l);
          listStack = [l];
        }
        lastItem = entry;
      }
      para = null;
      continue;
    }
    // Continuation of a paragraph or item cut by a page break (a blank line mid-sentence).
    const prev = last();
    if (hadBlank && prev && !/^[#>|]/.test(t)) {
      const target = prev.t === 'para' ? prev : prev.t === 'list' ? lastItemOf(prev) : null;
      // Only body text is split by pages; short cover lines are not rejoined.
      if (target && target.text.length > 150 && !endsParagraph(plainInline(target.text))) {
        target.text = `${target.text} ${t.trim()}`;
        continue;
      }
    }
    if (para && !hadBlank) {
      para.text = `${para.text} ${t.trim()}`;
      continue;
    }
    if (!hadBlank && lastItem && prev?.t === 'list') {
      lastItem.text = `${lastItem.text} ${t.trim()}`;
      continue;
    }
    endList();
    para = { t: 'para', text: t.trim(), line: n };
    blocks.push(para);
  }
  return { blocks, notes, tooDeep };
}

function lastItemOf(l: ListBlock): ListEntry | null {
  const it = l.items[l.items.length - 1];
  if (!it) return null;
  return it.sub ? (lastItemOf(it.sub) ?? it) : it;
}

export function warnTooDeep(ctx: ImportContext, line: number): void {
  ctx.warn(line, 'LIST_TOO_DEEP', { key: 'listTooDeep', values: { max: MAX_LIST_DEPTH } });
}
