/**
 * The page feet of a summary report converted page by page (seed 004): a separator ("---"),
 * the notes of the page ("<sup>4</sup> The principle …"), sometimes a note's text carried
 * over to the next page's foot. They are taken out of the flow of blocks, and the text a
 * page break cut ("… the Inter-American" / "Commission on Human Rights …") is joined again.
 */
import { plainInline } from '../inline';
import type { Block, ListEntry } from '../markdown-blocks';
import type { ImportContext } from '../result';
import { endsParagraph } from '../source';
import { firstWords } from '../util';

export interface PageNote {
  n: number;
  text: string;
  line: number;
  used: boolean;
}

const NOTE = /^<sup>\s*(\d{1,3})\s*<\/sup>\s*(\S.*|)$/;
const SEPARATOR = /^-{3,}$/;

/** Heading text when the block is a heading or a paragraph wholly in bold. */
export function headingText(b: Block): string | null {
  if (b.t === 'heading') return plainInline(b.text);
  if (b.t === 'para' && /^\*\*[^*].*\*\*$/.test(b.text) && b.text.length < 200) return plainInline(b.text);
  return null;
}

/**
 * The body's blocks without page feet, paragraphs cut by a page break rejoined, and the
 * notes by number (the first of two with one number; the second is reported).
 */
export function takePageFeet(blocks: Block[], ctx: ImportContext): { body: Block[]; notes: Map<number, PageNote> } {
  const notes = new Map<number, PageNote>();
  const body: Block[] = [];
  let lastNote: PageNote | null = null;
  /** The block before is a separator (a note's text may go on here). */
  let afterSeparator = false;
  /** A separator or notes stood between the last body text and this block: a page break. */
  let pageBreak = false;
  for (const b of blocks) {
    const text = b.t === 'para' ? b.text.trim() : '';
    if (b.t === 'para' && SEPARATOR.test(text)) {
      afterSeparator = true;
      pageBreak = true;
      continue;
    }
    const note = b.t === 'para' ? NOTE.exec(text) : null;
    if (note) {
      const n = Number(note[1]);
      if (notes.has(n))
        ctx.warn(b.line, 'DUPLICATE_NOTE_NUMBER', { key: 'duplicateNoteNumber', values: { number: n } });
      lastNote = { n, text: note[2]!.trim(), line: b.line, used: false };
      if (!notes.has(n)) notes.set(n, lastNote);
      afterSeparator = false;
      pageBreak = true;
      continue;
    }
    // A note continued at the next page's foot: small letters right after its separator.
    if (afterSeparator && lastNote && b.t === 'para' && /^[a-z]/.test(text) && !endsParagraph(lastNote.text)) {
      lastNote.text = `${lastNote.text} ${text}`;
      ctx.warn(
        b.line,
        'NOTE_CONTINUED',
        { key: 'noteContinued', values: { number: lastNote.n } },
        { quote: firstWords(plainInline(lastNote.text)) },
      );
      afterSeparator = false;
      continue;
    }
    afterSeparator = false;
    const cut = b.t === 'para' ? cutText(body[body.length - 1]) : null;
    if (b.t === 'para' && cut && continues(text, pageBreak) && headingText(b) === null) {
      cut.text = `${cut.text} ${text}`;
      if (cut.lines && b.lines) cut.lines.push(...b.lines);
      pageBreak = false;
      continue;
    }
    pageBreak = false;
    body.push(b);
  }
  return { body, notes };
}

/** The paragraph or last list item a block ends with when its sentence is left unfinished. */
function cutText(prev: Block | undefined): Extract<Block, { t: 'para' }> | ListEntry | null {
  if (!prev || headingText(prev) !== null) return null;
  const target = prev.t === 'para' ? prev : prev.t === 'list' ? lastItem(prev.items) : null;
  return target && !endsParagraph(plainInline(target.text)) ? target : null;
}

const lastItem = (items: ListEntry[]): ListEntry | null => {
  const it = items[items.length - 1];
  return it ? (it.sub ? (lastItem(it.sub.items) ?? it) : it) : null;
};

/**
 * Text that goes on from a cut sentence: small letters (or an opening parenthesis), or, after
 * the notes of a page break, a capital ("… the Inter-American" / "Commission on Human Rights").
 */
const continues = (text: string, pageBreak: boolean): boolean =>
  /^\*?[a-z(]/.test(text) || (pageBreak && /^\*?[A-Z]/.test(text));
