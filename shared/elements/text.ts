/** Text runs, line breaks and tabs: the leaves of every paragraph. */
import { z } from 'zod';
import { autolink } from '../compile/autolink';
import { textRun } from '../compile/runs';
import { spec, str, text } from './spec';

export const textElement = spec({
  type: 'text',
  role: 'inline',
  leaf: true,
  fields: z.looseObject({ text: text(), format: z.number().int().min(0).optional(), style: text(10_000).optional() }),
  text: (n) => str(n.text),
  // Addresses written as plain text become links in the exports.
  compileInline: (n) => autolink(textRun(n)),
});
export const lineBreakElement = spec({
  type: 'linebreak',
  role: 'inline',
  leaf: true,
  fields: z.looseObject({}),
  text: () => '\n',
  compileInline: () => [{ kind: 'break' }],
});
export const tabElement = spec({
  type: 'tab',
  role: 'inline',
  leaf: true,
  fields: z.looseObject({ text: text(100).optional() }),
  text: () => '\t',
  compileInline: () => [{ kind: 'text', text: '\t' }],
});
