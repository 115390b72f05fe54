/** A figure: an image (data URL), its caption, source and alternative text; numbered at compile time. */
import { z } from 'zod';
import { spec, str, text } from './spec';

export const figureElement = spec({
  type: 'figure',
  role: 'block',
  leaf: true,
  endsLine: true,
  fields: z.looseObject({ src: text(30_000_000), caption: text(5_000), source: text(5_000), alt: text(5_000) }),
  text: (n) => `${str(n.caption)} ${str(n.source)}`,
  compileBlock: (n, c) => [
    {
      kind: 'figure',
      number: c.ctx.nextFigure(),
      src: str(n.src),
      caption: str(n.caption).trim(),
      source: str(n.source).trim(),
      alt: str(n.alt).trim(),
    },
  ],
});
