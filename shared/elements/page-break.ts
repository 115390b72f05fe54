/** A page break. */
import { z } from 'zod';
import { spec } from './spec';

export const pageBreakElement = spec({
  type: 'page-break',
  role: 'block',
  leaf: true,
  fields: z.looseObject({}),
  compileBlock: () => [{ kind: 'page-break' }],
});
