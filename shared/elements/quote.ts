/** A block quotation. */
import { z } from 'zod';
import { elementFields, spec } from './spec';

export const quoteElement = spec({ type: 'quote', role: 'block', fields: z.looseObject(elementFields), endsLine: true });
