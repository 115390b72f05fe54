/** A person of the registry cited in running text. */
import { z } from 'zod';
import { spec, str, text } from './spec';

export const personRefElement = spec({
  type: 'person-ref', role: 'inline', leaf: true,
  fields: z.looseObject({ participantId: text(64), name: text(1_000) }),
  text: (n) => str(n.name),
  compileInline: (n) => [{ kind: 'text', text: str(n.name) }],
});
