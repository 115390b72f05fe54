/**
 * The HTML that mammoth makes of a .docx, turned into markdown the importer reads like
 * any other source: headings (#), lists (nested by indentation), pipe tables, and
 * footnotes as [^n] with their definitions at the end. No DOM needed: mammoth's HTML is
 * well-formed and uses a small set of tags.
 */

import { MAX_LIST_DEPTH } from './markdown-blocks';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
export const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });

const escapeMd = (s: string) => s.replace(/([*|\\])/g, '\\$1');

interface ListCtx {
  ordered: boolean;
  n: number;
}

export function htmlToMarkdown(html: string): string {
  // Footnote and endnote bodies: <li id="footnote-N"><p>text <a href="#footnote-ref-N">↑</a></p></li>
  const notes: string[] = [];
  let body = cutNoteBodies(html, (id, content) => {
    const clean = content.replace(/<a href="#(?:foot|end)note-ref-\d+">[^<]*<\/a>/g, '');
    notes.push(`[^${id}]: ${inlineOnly(clean)}`);
  }).replace(/<ol>\s*<\/ol>/g, '');
  body = body.replace(/<sup>\s*<a href="#((?:foot|end)note-\d+)"[^<>]*>[^<]*<\/a>\s*<\/sup>/g, '[^$1]');

  const out: string[] = [];
  const lists: ListCtx[] = [];
  let line = '';
  let inCell = false;
  let table: string[][] | null = null;
  let headerRows = 0;
  let row: string[] | null = null;
  let cell = '';
  let link: string | null = null;
  let linkText = '';
  const emit = (s: string) => {
    if (inCell) cell += s;
    else if (link !== null) linkText += s;
    else line += s;
  };
  const flushLine = (blank = true) => {
    const lead = line.match(/^ */)![0];
    const t = line.trim() ? lead + line.replace(/\s+/g, ' ').trim() : '';
    if (t) {
      out.push(t);
      if (blank && !lists.length) out.push('');
    }
    line = '';
  };
  for (const m of body.matchAll(/<(\/?)([a-z0-9]+)((?:[^a-z0-9<>][^<>]*)?)>|([^<]+)/gi)) {
    if (m[4] !== undefined) {
      emit(escapeMd(decodeEntities(m[4])));
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    switch (tag) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        if (!closing) {
          flushLine();
          line = `${'#'.repeat(Number(tag[1]))} `;
        } else flushLine();
        break;
      case 'p':
        if (inCell) {
          if (closing) cell += ' ';
          break;
        }
        if (closing && !lists.length) flushLine();
        else if (!closing && !lists.length) flushLine();
        break;
      case 'ul':
      case 'ol':
        if (!closing) {
          if (lists.length) flushLine(false);
          lists.push({ ordered: tag === 'ol', n: 0 });
        } else {
          flushLine(false);
          lists.pop();
          if (!lists.length) out.push('');
        }
        break;
      case 'li':
        if (!closing) {
          flushLine(false);
          const ctx = lists[lists.length - 1];
          // Indentation capped: 3,000 nested lists would otherwise make lines of 6,000 spaces (quadratic text).
          if (ctx) {
            ctx.n++;
            line = `${'  '.repeat(Math.min(lists.length - 1, MAX_LIST_DEPTH + 1))}${ctx.ordered ? `${ctx.n}.` : '-'} `;
          }
        } else flushLine(false);
        break;
      case 'table':
        if (!closing) {
          flushLine();
          table = [];
          headerRows = 0;
        } else if (table) {
          writeTable(out, table, headerRows > 0);
          table = null;
        }
        break;
      case 'tr':
        if (!closing) row = [];
        else if (row && table) {
          table.push(row);
          row = null;
        }
        break;
      case 'td':
      case 'th':
        if (!closing) {
          inCell = true;
          cell = '';
          if (tag === 'th' && table && table.length === 0) headerRows = 1;
        } else {
          inCell = false;
          row?.push(cell.replace(/\s+/g, ' ').trim());
        }
        break;
      case 'thead':
        if (!closing) headerRows = 1;
        break;
      case 'strong':
      case 'b':
        emit('**');
        break;
      case 'em':
      case 'i':
        emit('*');
        break;
      case 'sup':
        emit(closing ? '</sup>' : '<sup>');
        break;
      case 'br':
        emit(' ');
        break;
      case 'a': {
        const href = attrs.match(/href="([^"]*)"/)?.[1];
        if (!closing && href && !href.startsWith('#')) {
          link = decodeEntities(href);
          linkText = '';
        } else if (closing && link !== null) {
          const l = link;
          link = null;
          emit(`[${linkText}](${l})`);
        }
        break;
      }
      default:
        break;
    }
  }
  flushLine();
  if (notes.length) out.push('', ...notes);
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * Removes each note body (from its <li id="footnote-N"> to the first </li>) and hands it to
 * `take`. A scan, not a lazy regular expression: with many unclosed items, that one would
 * search to the end of the text from each of them (quadratic).
 */
function cutNoteBodies(html: string, take: (id: string, content: string) => void): string {
  const open = /<li id="((?:foot|end)note-\d+)">/g;
  let out = '';
  let from = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const end = html.indexOf('</li>', open.lastIndex);
    if (end < 0) break;
    take(m[1]!, html.slice(open.lastIndex, end));
    out += html.slice(from, m.index);
    from = end + '</li>'.length;
    open.lastIndex = from;
  }
  return out + html.slice(from);
}

function inlineOnly(html: string): string {
  return decodeEntities(
    html
      .replace(/<(strong|b)>/g, '**')
      .replace(/<\/(strong|b)>/g, '**')
      .replace(/<\/?(em|i)>/g, '*')
      .replace(/<[^<>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

function writeTable(out: string[], rows: string[][], header: boolean): void {
  if (!rows.length) return;
  const width = Math.max(...rows.map((r) => r.length));
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
  out.push(line(rows[0]!));
  if (header) out.push(`|${' --- |'.repeat(width)}`);
  for (const r of rows.slice(1)) out.push(line(r));
  out.push('');
}
