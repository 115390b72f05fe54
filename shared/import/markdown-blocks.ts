/**
 * Markdown (and markdown-like text) to blocks, repairing what conversions broke:
 * lists split by blank lines, paragraphs and items split by page breaks, dotted
 * contents lines, pipe tables, footnote definitions.
 */
import { plainInline } from './inline';
import { type SourceLine, endsParagraph } from './source';

export interface ListEntry { text: string; line: number; marker: string; sub: ListBlock | null }
export interface ListBlock { t: 'list'; ordered: boolean; marker: string; items: ListEntry[]; line: number }
export type Block =
  | { t: 'heading'; level: number; text: string; line: number }
  | { t: 'para'; text: string; line: number }
  | { t: 'quote'; text: string; line: number }
  | { t: 'toc'; text: string; line: number }
  | { t: 'table'; rows: string[][]; header: boolean; line: number }
  | ListBlock;

export interface MarkdownDoc { blocks: Block[]; notes: Map<string, { text: string; line: number }> }

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^(\s*)([-*+•·]|\d{1,3}[.)]|\(?[a-z]\)|\(?[ivx]{1,5}[.)])\s+(.*)$/;
const TOC = /\.{4,}\s*(?:<\/[bi]>)*\s*\t/;
const NOTE_DEF = /^\[\^([^\]]+)\]:\s*(.*)$/;

export function readMarkdown(lines: SourceLine[]): MarkdownDoc {
  const blocks: Block[] = [];
  const notes = new Map<string, { text: string; line: number }>();
  let para: { t: 'para'; text: string; line: number } | null = null;
  let listStack: ListBlock[] = [];
  let lastItem: ListEntry | null = null;
  let blank = 0;
  let lastNote: string | null = null;

  const endList = () => { listStack = []; lastItem = null; };
  const last = () => blocks[blocks.length - 1];

  for (let i = 0; i < lines.length; i++) {
    const { n, text: raw } = lines[i]!;
    const t = raw.replace(/\s+$/, '');
    if (t.trim() === '') { blank++; para = null; continue; }
    const hadBlank = blank > 0;
    blank = 0;
    const note = t.match(NOTE_DEF);
    if (note) { notes.set(note[1]!, { text: note[2]!, line: n }); lastNote = note[1]!; para = null; endList(); continue; }
    if (lastNote && /^\s{2,}\S/.test(raw) && hadBlank === false) { const x = notes.get(lastNote)!; x.text += ` ${t.trim()}`; continue; }
    lastNote = null;
    if (/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(t)) { para = null; endList(); continue; }
    const h = t.match(HEADING);
    if (h) { blocks.push({ t: 'heading', level: h[1]!.length, text: h[2]!, line: n }); para = null; endList(); continue; }
    if (TOC.test(t) || (/\t\s*(?:<[bi]>)*\s*$/.test(raw) && i > 0 && TOC.test(lines[i - 1]?.text ?? ''))) {
      blocks.push({ t: 'toc', text: t, line: n }); para = null; endList(); continue;
    }
    if (/^\s*\|.*\|\s*$/.test(t)) {
      const cells = t.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      const prev = last();
      if (/^[\s|:-]+$/.test(t)) { if (prev && prev.t === 'table') prev.header = true; continue; }
      if (prev && prev.t === 'table' && !hadBlank) prev.rows.push(cells);
      else blocks.push({ t: 'table', rows: [cells], header: false, line: n });
      para = null; endList(); continue;
    }
    if (/^>\s?/.test(t)) { blocks.push({ t: 'quote', text: t.replace(/^>\s?/, ''), line: n }); para = null; endList(); continue; }
    const item = t.match(ITEM);
    if (item) {
      const indent = item[1]!.length;
      const marker = item[2]!;
      const ordered = !/^[-*+•·]$/.test(marker);
      const entry: ListEntry = { text: item[3]!, line: n, marker, sub: null };
      const top = listStack[0];
      if (indent >= 2 && lastItem && top) {
        // A nested item: under the last item of the enclosing list.
        let sub: ListBlock = lastItem.sub ?? { t: 'list', ordered, marker, items: [], line: n };
        if (listStack.length > 1 && indent >= 2) sub = listStack[listStack.length - 1]!;
        else { lastItem.sub = sub; listStack.push(sub); }
        sub.items.push(entry);
      } else {
        if (listStack.length > 1) listStack = [listStack[0]!];
        const cur = listStack[0];
        // Blank lines between items do not end a list (anatomy §8.5).
        if (cur && (last() === cur) && cur.ordered === ordered) cur.items.push(entry);
        else { const l: ListBlock = { t: 'list', ordered, marker, items: [entry], line: n }; blocks.push(l); listStack = [l]; }
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
      if (target && target.text.length > 150 && !endsParagraph(plainInline(target.text))) { target.text = `${target.text} ${t.trim()}`; continue; }
    }
    if (para && !hadBlank) { para.text = `${para.text} ${t.trim()}`; continue; }
    if (!hadBlank && lastItem && prev?.t === 'list') { lastItem.text = `${lastItem.text} ${t.trim()}`; continue; }
    endList();
    para = { t: 'para', text: t.trim(), line: n };
    blocks.push(para);
  }
  return { blocks, notes };
}

function lastItemOf(l: ListBlock): ListEntry | null {
  const it = l.items[l.items.length - 1];
  if (!it) return null;
  return it.sub ? lastItemOf(it.sub) ?? it : it;
}
