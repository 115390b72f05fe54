/**
 * Footnotes: the note's text lives in the node; its number is computed where it is shown
 * (the editor's NumberingPlugin, the compile step's CompileContext), never stored.
 */
import { z } from 'zod';
import { spec, str, text } from './spec';

export const footnoteElement = spec({
  type: 'footnote', role: 'inline', leaf: true,
  fields: z.looseObject({ text: text(100_000) }),
  text: (n) => ` ${str(n.text)} `,
});
