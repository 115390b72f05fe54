/**
 * Inline text of the sources (markdown emphasis, <b>/<i>/<sup> debris, links, footnote
 * anchors) to text, link and footnote nodes.
 */
import type { DocNode } from '../model/doc-nodes';
import { TEXT_FORMAT } from '../model/doc-nodes';
import { link, text } from './nodes';

/** Resolves a footnote anchor label ("4", "¹") to a node, or null when there is no such note. */
export type AnchorResolver = (label: string) => DocNode | null;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
export const superscriptToDigits = (s: string): string =>
  [...s].map((c) => { const i = SUPERSCRIPT_DIGITS.indexOf(c); return i >= 0 ? String(i) : c; }).join('');

/** Markup residue of conversions (anatomy §8.7): escapes, Word field codes. */
export function unescapeMarkdown(s: string): string {
  return s
    .replace(/\\\\_/g, '_').replace(/\\_/g, '_')
    .replace(/\\([$*#[\]()<>`|~])/g, '$1');
}

const TOKEN = new RegExp([
  String.raw`<sup>\s*(\d{1,3})\s*<\/sup>`,          // 1: footnote anchor
  String.raw`\[([^\]]+)\]\((\S+?)\)`,                // 2,3: markdown link
  String.raw`<((?:https?|ftp):\/\/[^>\s]+)>`,        // 4: autolink
  String.raw`([¹²³⁴⁵⁶⁷⁸⁹⁰]+)`,                       // 5: unicode superscript anchor
  String.raw`(\*\*\*|\*\*|\*|<\/?b>|<\/?i>|<\/?em>|<\/?strong>|<\/?u>)`, // 6: emphasis toggles
  String.raw`(<\/?(?:sup|sub|span|font|br)[^>]*>)`,  // 7: other tag debris
  String.raw`\[\^([^\]\s]+)\]`,                      // 8: markdown footnote reference
].join('|'), 'g');

export interface InlineOptions {
  anchors?: AnchorResolver;
  /** Format applied to the whole run (e.g. italic recommendation text). */
  baseFormat?: number;
  /** Unicode superscript digits are anchors (003); elsewhere they are kept as text. */
  superscriptAnchors?: boolean;
}

export function parseInline(raw: string, opts: InlineOptions = {}): DocNode[] {
  const s = unescapeMarkdown(raw);
  const out: DocNode[] = [];
  let bold = false;
  let italic = false;
  let underline = false;
  let last = 0;
  const fmt = () => (opts.baseFormat ?? 0) | (bold ? TEXT_FORMAT.bold : 0) | (italic ? TEXT_FORMAT.italic : 0) | (underline ? TEXT_FORMAT.underline : 0);
  const push = (t: string) => {
    if (!t) return;
    const prev = out[out.length - 1];
    const f = fmt();
    if (prev && prev.type === 'text' && prev.format === f) prev.text += t;
    else out.push(text(t, f));
  };
  for (const m of s.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    push(s.slice(last, at));
    last = at + m[0].length;
    if (m[1] !== undefined) {
      const node = opts.anchors?.(m[1]);
      if (node) out.push(node); else push(m[1]);
    } else if (m[2] !== undefined && m[3] !== undefined) {
      out.push(link(m[3], parseInline(m[2], { baseFormat: fmt() })));
    } else if (m[4] !== undefined) {
      out.push(link(m[4], [text(m[4], fmt())]));
    } else if (m[5] !== undefined) {
      const node = opts.superscriptAnchors ? opts.anchors?.(superscriptToDigits(m[5])) : null;
      if (node) out.push(node); else push(m[5]);
    } else if (m[6] !== undefined) {
      const t = m[6].toLowerCase();
      if (t === '***') { bold = !bold; italic = !italic; }
      else if (t === '**' || t === '<b>' || t === '<strong>') bold = t === '**' ? !bold : true;
      else if (t === '</b>' || t === '</strong>') bold = false;
      else if (t === '*' || t === '<i>' || t === '<em>') italic = t === '*' ? !italic : true;
      else if (t === '</i>' || t === '</em>') italic = false;
      else if (t === '<u>') underline = true;
      else if (t === '</u>') underline = false;
    }
    else if (m[8] !== undefined) {
      const node = opts.anchors?.(m[8]);
      if (node) out.push(node); else push(m[0]);
    }
    // m[7]: stray tags are dropped.
  }
  push(s.slice(last));
  return trimNodes(out);
}

/** Removes leading/trailing white space of a run of inline nodes. */
export function trimNodes(nodes: DocNode[]): DocNode[] {
  const first = nodes[0];
  if (first && first.type === 'text') { first.text = first.text.replace(/^\s+/, ''); if (!first.text) nodes.shift(); }
  const last = nodes[nodes.length - 1];
  if (last && last.type === 'text') { last.text = last.text.replace(/\s+$/, ''); if (!last.text) nodes.pop(); }
  return nodes;
}

/** Plain text of inline markup (for titles): emphasis and tags stripped, escapes undone. */
export function plainInline(raw: string): string {
  return unescapeMarkdown(raw)
    .replace(/<sup>\s*\d{1,3}\s*<\/sup>/g, '')
    .replace(/\[\^[^\]\s]+\]/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\*+/g, '')
    .replace(/\[([^\]]+)\]\(\S+?\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
