/**
 * Footnotes: the note's text lives in the node; its number is computed where it is shown
 * (the editor's NumberingPlugin, the compile step's CompileContext), never stored.
 */
import { z } from 'zod';
import { spec, str, text } from './spec';

export const footnoteElement = spec({
  type: 'footnote', role: 'inline', leaf: true,
  // `id`: a stable name, present when a cross-reference points to the note.
  fields: z.looseObject({ text: text(100_000), id: text(64).optional() }),
  text: (n) => ` ${str(n.text)} `,
});

/**
 * A cross-reference to a note ("see note 7"): it names the note by its id and prints the
 * note's number as it is where it is shown, so it follows every renumbering.
 */
export const noteRefElement = spec({
  type: 'note-ref', role: 'inline', leaf: true,
  fields: z.looseObject({ noteId: text(64) }),
  text: () => '',
});
