/** A person of the registry cited in running text. */
import { z } from 'zod';
import { spec, str, text } from './spec';

export const personRefElement = spec({
  type: 'person-ref',
  role: 'inline',
  leaf: true,
  fields: z.looseObject({ participantId: text(64), name: text(1_000) }),
  text: (n) => str(n.name),
  // Its format bits as Lexical's text format: bold 1, italic 2 (a name set in bold in the source keeps it).
  compileInline: (n) => {
    const f = typeof n.format === 'number' ? n.format : 0;
    return [
      {
        kind: 'text',
        text: str(n.name),
        charStyle: 'person',
        ...(f & 1 ? { bold: true } : {}),
        ...(f & 2 ? { italic: true } : {}),
      },
    ];
  },
});
