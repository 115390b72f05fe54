/** Headings inside a part's document; their labels follow shared/elements/outline (HeadingCounter). */
import { z } from 'zod';
import { elementFields, spec, str } from './spec';
import { childrenOf } from './walk';

export const headingElement = spec({
  type: 'heading',
  role: 'block',
  endsLine: true,
  fields: z.looseObject({ ...elementFields, tag: z.enum(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) }),
  compileBlock(n, c) {
    // Presentation letters start again under every heading.
    c.letters.heading();
    return [c.outline.docHeading(Number(str(n.tag).slice(1)) || 1, c.inlines(childrenOf(n)))];
  },
});
