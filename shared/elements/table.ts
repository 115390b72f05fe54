/** Tables, rows and cells (a table may be the recommendations table, filled at compile time). */
import { z } from 'zod';
import { elementFields, spec } from './spec';

export const tableElement = spec({
  type: 'table', role: 'container', childTypes: ['tablerow'],
  fields: z.looseObject({ ...elementFields, $: z.looseObject({ role: z.enum(['plain', 'recommendations']).optional() }).optional() }),
});
export const tableRowElement = spec({ type: 'tablerow', role: 'container', childTypes: ['tablecell'], fields: z.looseObject(elementFields) });
export const tableCellElement = spec({
  type: 'tablecell', role: 'container', endsLine: true,
  fields: z.looseObject({ ...elementFields, headerState: z.number().int().min(0).max(3).optional(), colSpan: z.number().int().min(1).max(1000).optional(), rowSpan: z.number().int().min(1).max(10_000).optional() }),
});
