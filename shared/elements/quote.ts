/** A block quotation. */
import { z } from 'zod';
import { elementFields, spec } from './spec';
import { childrenOf } from './walk';

export const quoteElement = spec({
  type: 'quote',
  role: 'block',
  fields: z.looseObject(elementFields),
  endsLine: true,
  compileBlock: (n, c) => [{ kind: 'quote', variant: 'quote', blocks: c.convertBody(childrenOf(n), 'quote') }],
});
