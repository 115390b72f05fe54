/** A run-in label paragraph ("Recommendations:"); its children are the text after the label. */
import { z } from 'zod';
import { elementFields, spec, str, text } from './spec';

export const runInElement = spec({
  type: 'run-in', role: 'block', endsLine: true,
  fields: z.looseObject({ ...elementFields, label: text(1_000) }),
  textBefore: (n) => (str(n.label) ? `${str(n.label)} ` : ''),
});
