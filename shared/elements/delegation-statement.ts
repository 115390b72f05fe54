/** A delegation's statement, quoted verbatim ("Statement by the delegation of …"). */
import { z } from 'zod';
import { elementFields, spec, str, text } from './spec';
import { childrenOf } from './walk';

export const delegationStatementElement = spec({
  type: 'delegation-statement',
  role: 'block',
  endsLine: true,
  fields: z.looseObject({ ...elementFields, delegation: text(1_000) }),
  compileBlock(n, c) {
    const delegation = str(n.delegation).trim();
    return [
      {
        kind: 'quote',
        variant: 'statement',
        blocks: c.convertBody(childrenOf(n), 'statement'),
        ...(delegation ? { lead: `Statement by the delegation of ${delegation}` } : {}),
      },
    ];
  },
});
