/** Headings inside a part's document; their labels follow shared/elements/outline (HeadingCounter). */
import { z } from 'zod';
import { elementFields, spec } from './spec';

export const headingElement = spec({
  type: 'heading', role: 'block', endsLine: true,
  fields: z.looseObject({ ...elementFields, tag: z.enum(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) }),
});
