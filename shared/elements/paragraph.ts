/** Paragraphs: body text, numbered by the template where it numbers paragraphs (compile/blocks). */
import { z } from 'zod';
import { elementFields, spec } from './spec';

export const paragraphElement = spec({ type: 'paragraph', role: 'block', fields: z.looseObject(elementFields), endsLine: true });
