/**
 * The numbering rule of lists: which number format an ordered list prints when its
 * document does not say (UN sub-paragraphs, the template's recommendation format, the
 * nesting defaults). The editor paints this format and the compile step prints it.
 */
import { z } from 'zod';
import type { Template } from '../templates/schema';
import { isNumberFormat, type NumberFormat, NumberFormatEnum, SUBPARAGRAPH_FORMATS } from './number-formats';
import { elementFields, spec, text } from './spec';

export const LIST_ROLES = ['plain', 'highlights', 'recommendations', 'conclusions'] as const;
export type ListRole = (typeof LIST_ROLES)[number];

export const listRoleOf = (v: unknown): ListRole => ((LIST_ROLES as readonly unknown[]).includes(v) ? v as ListRole : 'plain');

/** How recommendation items are numbered in the template's genre (i., ii. in the summary report). */
export const recommendationFormat = (template: Pick<Template, 'recommendationFormat'> | null | undefined): NumberFormat =>
  template?.recommendationFormat ?? 'decimal';

export interface ListPlace {
  /** The format stored on the list, if any. */
  explicit?: unknown;
  role: ListRole;
  /** Nesting depth, 0 = outermost. */
  depth: number;
  /** A top-level list inside numbered paragraphs: UN sub-paragraphs (a), (i). */
  subparagraphs: boolean;
}

export function listFormat(place: ListPlace, template: Pick<Template, 'recommendationFormat'> | null | undefined): NumberFormat {
  if (isNumberFormat(place.explicit)) return place.explicit;
  if (place.subparagraphs) return SUBPARAGRAPH_FORMATS[place.depth % SUBPARAGRAPH_FORMATS.length]!;
  if (place.role === 'recommendations') return recommendationFormat(template);
  return place.depth === 1 ? 'lower-alpha' : place.depth >= 2 ? 'lower-roman' : 'decimal';
}

// ---- the list's JSON -------------------------------------------------------------------

const listState = z.looseObject({ numberFormat: NumberFormatEnum.optional(), role: z.enum(LIST_ROLES).optional() });
export const listElement = spec({
  type: 'list', role: 'container', childTypes: ['listitem'],
  fields: z.looseObject({
    ...elementFields, listType: z.enum(['bullet', 'number', 'check']), start: z.number().int().min(0).max(1_000_000).optional(),
    tag: z.enum(['ul', 'ol']).optional(), $: listState.optional(),
  }),
});
const itemState = z.looseObject({ addressee: text(2_000).optional(), theme: text(2_000).optional(), explicitValue: z.boolean().optional() });
export const listItemElement = spec({
  type: 'listitem', role: 'container', endsLine: true,
  fields: z.looseObject({ ...elementFields, value: z.number().int().min(0).max(1_000_000).optional(), checked: z.boolean().optional(), $: itemState.optional() }),
});
