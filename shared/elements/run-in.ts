/** A run-in label paragraph ("Recommendations:"); its children are the text after the label. */
import { z } from 'zod';
import type { Inline } from '../compile/model';
import { isBlank } from '../compile/runs';
import { elementFields, spec, str, text } from './spec';
import { childrenOf } from './walk';

export const runInElement = spec({
  type: 'run-in',
  role: 'block',
  endsLine: true,
  fields: z.looseObject({ ...elementFields, label: text(1_000) }),
  textBefore: (n) => (str(n.label) ? `${str(n.label)} ` : ''),
  compileBlock(n, c) {
    const content: Inline[] = [{ kind: 'text', text: str(n.label).trim(), bold: true, charStyle: 'run-in-label' }];
    const rest = c.inlines(childrenOf(n));
    if (!isBlank(rest)) content.push({ kind: 'text', text: ' ' }, ...rest);
    return [{ kind: 'para', style: 'run-in', content, keepNext: isBlank(rest) }];
  },
});
