/** An epigraph with its attribution line. */
import { z } from 'zod';
import { elementFields, spec, str, text } from './spec';
import { childrenOf } from './walk';

export const epigraphElement = spec({
  type: 'epigraph',
  role: 'block',
  endsLine: true,
  fields: z.looseObject({ ...elementFields, attribution: text(2_000) }),
  textAfter: (n) => (str(n.attribution) ? ` ${str(n.attribution)}` : ''),
  compileBlock(n, c) {
    const attribution = str(n.attribution).trim();
    return [
      {
        kind: 'quote',
        variant: 'epigraph',
        blocks: c.convertBody(childrenOf(n), 'epigraph'),
        ...(attribution ? { attribution } : {}),
      },
    ];
  },
});
