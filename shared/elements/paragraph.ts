/** Paragraphs: body text, numbered by the template where it numbers paragraphs. */
import { z } from 'zod';
import type { ParaBlock } from '../compile/model';
import { isBlank } from '../compile/runs';
import { elementFields, spec } from './spec';
import { childrenOf } from './walk';

export const paragraphElement = spec({
  type: 'paragraph',
  role: 'block',
  fields: z.looseObject(elementFields),
  endsLine: true,
  compileBlock(n, c, topLevel) {
    const content = c.inlines(childrenOf(n));
    if (isBlank(content)) return [];
    const para: ParaBlock = { kind: 'para', style: 'body', content };
    if (topLevel && c.opts.numberParagraphs) para.number = c.opts.nextParagraphNumber();
    return [para];
  },
});
