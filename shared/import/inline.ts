/**
 * Inline text of the sources (markdown emphasis, <b>/<i>/<sup> debris, links, footnote
 * anchors) to text, link and footnote nodes.
 */
import type { DocNode, FootnoteJSON } from '../model/doc-nodes';
import { TEXT_FORMAT } from '../model/doc-nodes';
import { footnote, link, text } from './nodes';

/** Resolves a footnote anchor label ("4", "¹") to a node, or null when there is no such note. */
export type AnchorResolver = (label: string) => DocNode | null;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
export const superscriptToDigits = (s: string): string =>
  [...s]
    .map((c) => {
      const i = SUPERSCRIPT_DIGITS.indexOf(c);
      return i >= 0 ? String(i) : c;
    })
    .join('');

/** Markup residue of conversions (anatomy §8.7): escapes, Word field codes. */
export function unescapeMarkdown(s: string): string {
  return s
    .replace(/\\\\_/g, '_')
    .replace(/\\_/g, '_')
    .replace(/\\([$*#[\]()<>`|~])/g, '$1');
}

/**
 * The inline tokens, found by a scan: at each '<', '[', '*' or superscript digit, small
 * sticky patterns are tried in this order. The groups of the match it returns are those
 * parseInline reads: 1 a footnote anchor <sup>n</sup>; 2, 3 a markdown link; 4 an
 * autolink; 5 unicode superscript digits (an anchor); 6 emphasis toggles; 7 other tag
 * debris; 8 a markdown footnote reference. (One alternation of all of them was too large
 * for the ReDoS check to prove linear; each of these is.)
 */
const AT_ANGLE: [RegExp, number][] = [
  [/<sup>\s*(\d{1,3})\s*<\/sup>/y, 1],
  [/<((?:https?|ftp):\/\/[^<>\s]+)>/y, 4],
  [/<\/?(?:b|i|em|strong|u)>/y, 6],
  [/<\/?(?:sup|sub|span|font|br)(?:[^a-z<>][^<>]*)?>/y, 7],
];
const AT_BRACKET: [RegExp, number][] = [
  [/\[([^\][]+)\]\(([^\s)[\]]+)\)/y, 2],
  [/\[\^([^\][\s]+)\]/y, 8],
];
const AT_STAR: [RegExp, number][] = [[/\*{1,3}/y, 6]];
const AT_SUPERSCRIPT: [RegExp, number][] = [[/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/y, 5]];
const CANDIDATE = /[<[*¹²³⁴⁵⁶⁷⁸⁹⁰]/g;

function* inlineTokens(s: string): Generator<{ index: number; text: string; groups: (string | undefined)[] }> {
  CANDIDATE.lastIndex = 0;
  for (let c = CANDIDATE.exec(s); c; c = CANDIDATE.exec(s)) {
    const at = c.index;
    const tries = c[0] === '<' ? AT_ANGLE : c[0] === '[' ? AT_BRACKET : c[0] === '*' ? AT_STAR : AT_SUPERSCRIPT;
    for (const [re, group] of tries) {
      re.lastIndex = at;
      const m = re.exec(s);
      if (!m) continue;
      const groups: (string | undefined)[] = [];
      // A token without groups of its own (emphasis, debris) is its whole text in its group.
      if (m.length === 1) groups[group] = m[0];
      else
        m.slice(1).forEach((g, k) => {
          groups[group + k] = g;
        });
      yield { index: at, text: m[0], groups };
      CANDIDATE.lastIndex = at + m[0].length;
      break;
    }
  }
}

export interface InlineOptions {
  anchors?: AnchorResolver;
  /** Format applied to the whole run (e.g. italic recommendation text). */
  baseFormat?: number;
  /** Unicode superscript digits are anchors (003); elsewhere they are kept as text. */
  superscriptAnchors?: boolean;
  /** Which ends of the run lose their white space (both by default): a piece of a paragraph keeps the space beside its neighbour. */
  trim?: 'both' | 'start' | 'end' | 'none';
}

export function parseInline(raw: string, opts: InlineOptions = {}): DocNode[] {
  const s = unescapeMarkdown(raw);
  const out: DocNode[] = [];
  let bold = false;
  let italic = false;
  let underline = false;
  let last = 0;
  const fmt = () =>
    (opts.baseFormat ?? 0) |
    (bold ? TEXT_FORMAT.bold : 0) |
    (italic ? TEXT_FORMAT.italic : 0) |
    (underline ? TEXT_FORMAT.underline : 0);
  const push = (t: string) => {
    if (!t) return;
    const prev = out[out.length - 1];
    const f = fmt();
    if (prev && prev.type === 'text' && prev.format === f) prev.text += t;
    else out.push(text(t, f));
  };
  for (const { index: at, text: whole, groups: m } of inlineTokens(s)) {
    push(s.slice(last, at));
    last = at + whole.length;
    if (m[1] !== undefined) {
      const node = opts.anchors?.(m[1]);
      if (node) out.push(node);
      else push(m[1]);
    } else if (m[2] !== undefined && m[3] !== undefined) {
      out.push(link(m[3], parseInline(m[2], { baseFormat: fmt() })));
    } else if (m[4] !== undefined) {
      out.push(link(m[4], [text(m[4], fmt())]));
    } else if (m[5] !== undefined) {
      const node = opts.superscriptAnchors ? opts.anchors?.(superscriptToDigits(m[5])) : null;
      if (node) out.push(node);
      else push(m[5]);
    } else if (m[6] !== undefined) {
      const t = m[6].toLowerCase();
      if (t === '***') {
        bold = !bold;
        italic = !italic;
      } else if (t === '**' || t === '<b>' || t === '<strong>') bold = t === '**' ? !bold : true;
      else if (t === '</b>' || t === '</strong>') bold = false;
      else if (t === '*' || t === '<i>' || t === '<em>') italic = t === '*' ? !italic : true;
      else if (t === '</i>' || t === '</em>') italic = false;
      else if (t === '<u>') underline = true;
      else if (t === '</u>') underline = false;
    } else if (m[8] !== undefined) {
      const node = opts.anchors?.(m[8]);
      if (node) out.push(node);
      else push(whole);
    }
    // m[7]: stray tags are dropped.
  }
  push(s.slice(last));
  return trimNodes(out, opts.trim ?? 'both');
}

/**
 * A note from its markup: its italics, bold and links kept as the note's runs (addresses in
 * angle brackets become links), or plain text when the source gives it nothing more.
 */
export function noteFromMarkup(raw: string): FootnoteJSON {
  const runs = parseInline(raw).filter((n) => n.type === 'text' || n.type === 'link');
  for (const n of runs) {
    if (n.type === 'text') n.text = n.text.replace(/[ \t\u00a0]+/g, ' ');
    else for (const k of n.children) if (k.type === 'text') k.text = k.text.replace(/[ \t\u00a0]+/g, ' ');
  }
  const rich = runs.some((n) => n.type === 'link' || (n.type === 'text' && n.format !== 0));
  if (!rich)
    return footnote(
      plainInline(raw)
        .replace(/[ \t\u00a0]+/g, ' ')
        .trim(),
    );
  const plain = runs
    .map((n) =>
      n.type === 'text'
        ? n.text
        : n.type === 'link'
          ? n.children.map((k) => (k.type === 'text' ? k.text : '')).join('')
          : '',
    )
    .join('');
  return footnote(plain.trim(), runs);
}

/** Removes leading/trailing white space of a run of inline nodes. */
export function trimNodes(nodes: DocNode[], ends: 'both' | 'start' | 'end' | 'none' = 'both'): DocNode[] {
  const first = nodes[0];
  if ((ends === 'both' || ends === 'start') && first && first.type === 'text') {
    first.text = first.text.trimStart();
    if (!first.text) nodes.shift();
  }
  const last = nodes[nodes.length - 1];
  if ((ends === 'both' || ends === 'end') && last && last.type === 'text') {
    last.text = last.text.trimEnd();
    if (!last.text) nodes.pop();
  }
  return nodes;
}

/** Plain text of inline markup (for titles): emphasis and tags stripped, escapes undone. */
export function plainInline(raw: string): string {
  return (
    unescapeMarkdown(raw)
      .replace(/<sup>\s*\d{1,3}\s*<\/sup>/g, '')
      .replace(/\[\^[^\][\s]+\]/g, '')
      // An address in angle brackets is text to keep (notes are plain text), not a tag to strip.
      .replace(/<((?:https?|ftp):\/\/[^<>\s]+|mailto:[^<>\s]+)>/gi, '$1')
      .replace(/<\/?[a-z][^<>]*>/gi, '')
      .replace(/\*+/g, '')
      .replace(/\[([^\][]+)\]\([^\s)[\]]+\)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
