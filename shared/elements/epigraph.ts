/** An epigraph with its attribution line. */
import { z } from 'zod';
import { elementFields, spec, str, text } from './spec';

export const epigraphElement = spec({
  type: 'epigraph', role: 'block', endsLine: true,
  fields: z.looseObject({ ...elementFields, attribution: text(2_000) }),
  textAfter: (n) => (str(n.attribution) ? ` ${str(n.attribution)}` : ''),
});
