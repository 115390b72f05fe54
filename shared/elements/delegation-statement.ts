/** A delegation's statement, quoted verbatim ("Statement by the delegation of …"). */
import { z } from 'zod';
import { elementFields, spec, text } from './spec';

export const delegationStatementElement = spec({
  type: 'delegation-statement', role: 'block', endsLine: true,
  fields: z.looseObject({ ...elementFields, delegation: text(1_000) }),
});
