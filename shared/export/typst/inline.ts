/**
 * Inline content of the proceedings model → the inline data a house style walks.
 * User text stays data: strings the template shows as text, never markup to evaluate.
 * Straight quotes become smart-quote marks (Typst picks the conference language's
 * glyphs) and bare web and e-mail addresses become links.
 */
import type { Inline, TextRun } from '../../compile/model';
import type { TypstEndnote, TypstInline, TypstTextPart, TypstTextRun } from './types';

/** Only these reach the PDF as clickable links (issue 17: nothing else is stored or printed as a link). */
export const isExternalUrl = (url: string): boolean => /^(https?:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+)$/i.test(url);

/** Splits on straight quotes so the template can print the language's own quotation marks. */
export function quoteParts(text: string): TypstTextPart[] {
  const out: TypstTextPart[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '"' && c !== "'") continue;
    if (i > start) out.push(text.slice(start, i));
    out.push({ quote: c === '"' ? 'double' : 'single' });
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

// Anchored tests on one whitespace-free token at a time: linear in the text's length.
const WEB = /^(?:https?:\/\/|www\.)[^\s<>"]+$/i;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
/** Closing punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]}'"»”’]+$/;

/** Finds web and e-mail addresses written as plain text: [text, url?] pieces in order. */
export function findAddresses(text: string): { text: string; url?: string }[] {
  // Most runs hold no address: skip the token walk for them.
  if (!text.includes('@') && !/https?:\/\/|www\./i.test(text)) return text ? [{ text }] : [];
  const out: { text: string; url?: string }[] = [];
  let plain = '';
  for (const token of text.split(/(\s+)/)) {
    // Opening punctuation ("(see www.x.org)") stays text.
    const lead = token ? /^[("'«“‘[]*/.exec(token)![0] : '';
    const rest = token.slice(lead.length);
    if (!token || /^\s/.test(token) || !(rest.includes('@') || /^(?:https?:\/\/|www\.)/i.test(rest))) {
      plain += token;
      continue;
    }
    const tail = TRAILING.exec(rest)?.[0] ?? '';
    const core = rest.slice(0, rest.length - tail.length);
    const url = WEB.test(core)
      ? /^www\./i.test(core)
        ? `https://${core}`
        : core
      : EMAIL.test(core)
        ? `mailto:${core}`
        : undefined;
    if (!url) {
      plain += token;
      continue;
    }
    plain += lead;
    if (plain) out.push({ text: plain });
    out.push({ text: core, url });
    plain = tail;
  }
  if (plain) out.push({ text: plain });
  return out;
}

function styled(r: TextRun, text: string): TypstTextRun {
  const run: TypstTextRun = { k: 'text', parts: quoteParts(text.replace(/\t/g, ' ')) };
  if (r.bold) run.bold = true;
  if (r.italic) run.italic = true;
  if (r.underline) run.underline = true;
  if (r.strike) run.strike = true;
  if (r.sup) run.sup = true;
  if (r.sub) run.sub = true;
  if (r.charStyle) run.charStyle = r.charStyle;
  return run;
}

/** A text run, with any bare addresses in it made links. */
function textWithLinks(r: TextRun): TypstInline[] {
  return findAddresses(r.text).map((piece) =>
    piece.url ? { k: 'link', url: piece.url, runs: [styled(r, piece.text)] } : styled(r, piece.text),
  );
}

export interface InlineContext {
  /** Anchors of the headings in this document: internal links to anything else print as text. */
  anchors: ReadonlySet<string>;
  /** Set when notes are gathered at the end: each note is added here as it is called. */
  endnotes?: TypstEndnote[];
  /** The language's typography of running text (French spacing), where Typst does not do it. */
  typography?: (text: string) => string;
  /** Notes a cross-reference points to (shared/export/note-targets.ts): they are labelled as link targets. */
  referencedNotes?: ReadonlySet<number>;
  /** Referenced notes in a heading, with its anchor: the heading is their link target (its words are shown twice). */
  notesInHeadings?: ReadonlyMap<number, string>;
}

/** Where a cross-reference to note `id` links: its endnote's label, its heading's, or the note's own. */
const noteAnchor = (id: number, ctx: InlineContext): string =>
  ctx.endnotes ? `endnote-${id}` : (ctx.notesInHeadings?.get(id) ?? `note-${id}`);

export function inlineData(content: Inline[], ctx: InlineContext): TypstInline[] {
  const out: TypstInline[] = [];
  for (const r of content) {
    switch (r.kind) {
      case 'text':
        // A cross-reference prints the note's number as a link to the note.
        if (r.refersToNote !== undefined && ctx.referencedNotes?.has(r.refersToNote))
          out.push({ k: 'ref', anchor: noteAnchor(r.refersToNote, ctx), runs: [styled(r, r.text)] });
        else out.push(...textWithLinks(ctx.typography ? { ...r, text: ctx.typography(r.text) } : r));
        break;
      case 'break':
        out.push({ k: 'break' });
        break;
      case 'note': {
        // The note as written (italics, bold, links), or its plain text with its addresses linked.
        const body = r.content
          ? inlineData(r.content, { ...ctx, endnotes: undefined })
          : noteBody(ctx.typography?.(r.text) ?? r.text);
        if (ctx.endnotes) {
          ctx.endnotes.push({ id: r.id, label: r.label, body });
          out.push({ k: 'endnote-ref', id: r.id, label: r.label });
        } else {
          const labelled = ctx.referencedNotes?.has(r.id) && !ctx.notesInHeadings?.has(r.id);
          out.push({ k: 'note', label: r.label, body, ...(labelled ? { anchor: noteAnchor(r.id, ctx) } : {}) });
        }
        break;
      }
      case 'link': {
        const runs = r.children.map((c) => styled(c, c.text));
        if (r.url.startsWith('#') && ctx.anchors.has(r.url.slice(1)))
          out.push({ k: 'ref', anchor: r.url.slice(1), runs });
        else if (isExternalUrl(r.url)) out.push({ k: 'link', url: r.url, runs });
        // Any other scheme (javascript:, file:, data:) or a dangling anchor: the words, not the link.
        else out.push(...r.children.flatMap(textWithLinks));
        break;
      }
      default: {
        // A new inline kind must be taught to the PDF (the type check stops here until it is).
        const unknown: never = r;
        void unknown;
      }
    }
  }
  return out;
}

/** A note's text, with its addresses clickable too. */
export const noteBody = (text: string): TypstInline[] => textWithLinks({ kind: 'text', text });
