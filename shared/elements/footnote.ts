/**
 * Footnotes: the note's body lives in the node; its number is computed where it is shown
 * (the editor's NumberingPlugin, the compile step's CompileContext), never stored.
 *
 * The body is rich text: `children` holds inline runs (text with its format bits, links,
 * line breaks), the same JSON as a paragraph's inline content (text.ts, link.ts), so the
 * one walker and the schema check it with the limits of any other element. `text` is its
 * plain text, always written beside it: documents of earlier versions hold only `text`,
 * and readers that want words only (search, word counts) keep reading it.
 */
import { z } from 'zod';
import { autolink } from '../compile/autolink';
import type { InlineCompiler } from '../compile/element-compiler';
import type { Inline, NoteInline } from '../compile/model';
import { plainOf } from '../compile/runs';
import { type RawNode, spec, str, text } from './spec';
import { childrenOf } from './walk';

/** What a note's body may hold: runs, links and line breaks (no notes within notes, no blocks). */
export const NOTE_CHILD_TYPES = ['text', 'linebreak', 'tab', 'link', 'autolink'] as const;

/** Whether the note carries a rich body (a document of this version) rather than only its text. */
export const hasRichBody = (n: RawNode): boolean => childrenOf(n).length > 0;

/**
 * The note's body as the exports print it: its runs and links, and for a note of plain
 * text its bare addresses linked (none otherwise: the exporters then print `text`).
 */
export function noteBody(n: RawNode, c: InlineCompiler): { text: string; content?: NoteInline[] } {
  if (!hasRichBody(n)) {
    const text = str(n.text).trim();
    const linked = autolink({ kind: 'text', text });
    return linked.some((r) => r.kind === 'link') ? { text, content: linked as NoteInline[] } : { text };
  }
  const content = c.inlines(childrenOf(n)).filter((r: Inline): r is NoteInline => r.kind !== 'note');
  return { text: plainOf(content).trim(), content };
}

export const footnoteElement = spec({
  type: 'footnote',
  role: 'inline',
  childTypes: NOTE_CHILD_TYPES,
  // `id`: a stable name, present when a cross-reference points to the note.
  fields: z.looseObject({ text: text(100_000), id: text(64).optional() }),
  // A rich body says its own words through its children; an older note through `text`.
  text: (n) => (hasRichBody(n) ? '' : ` ${str(n.text)} `),
  textBefore: (n) => (hasRichBody(n) ? ' ' : ''),
  textAfter: (n) => (hasRichBody(n) ? ' ' : ''),
  compileInline(n, c) {
    const body = noteBody(n, c);
    // An empty note prints no number.
    if (!body.text) return [];
    const note = c.ctx.footnote(body.text, 'text', body.content);
    if (str(n.id)) c.ctx.nameNote(str(n.id), note);
    return [note];
  },
});

/**
 * A cross-reference to a note ("see note 7"): it names the note by its id and prints the
 * note's number as it is where it is shown, so it follows every renumbering.
 */
export const noteRefElement = spec({
  type: 'note-ref',
  role: 'inline',
  leaf: true,
  fields: z.looseObject({ noteId: text(64) }),
  text: () => '',
  compileInline: (n, c) => [c.ctx.noteRef(str(n.noteId))],
});
