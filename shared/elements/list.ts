/**
 * The numbering rule of lists: which number format an ordered list prints when its
 * document does not say (UN sub-paragraphs, the template's recommendation format, the
 * nesting defaults). The editor paints this format and the compile step prints it.
 */
import { z } from 'zod';
import type { BlockCompiler } from '../compile/element-compiler';
import type { Block, ListBlock, ListItem } from '../compile/model';
import { isBlank, plainOf } from '../compile/runs';
import type { Template } from '../templates/schema';
import { isNumberFormat, listLabel, type NumberFormat, NumberFormatEnum, SUBPARAGRAPH_FORMATS } from './number-formats';
import { elementFields, type RawNode, spec, text } from './spec';
import { childrenOf } from './walk';

export const LIST_ROLES = ['plain', 'highlights', 'recommendations', 'conclusions'] as const;
export type ListRole = (typeof LIST_ROLES)[number];

export const listRoleOf = (v: unknown): ListRole =>
  (LIST_ROLES as readonly unknown[]).includes(v) ? (v as ListRole) : 'plain';

/** How recommendation items are numbered in the template's genre (i., ii. in the summary report). */
export const recommendationFormat = (
  template: Pick<Template, 'recommendationFormat'> | null | undefined,
): NumberFormat => template?.recommendationFormat ?? 'decimal';

export interface ListPlace {
  /** The format stored on the list, if any. */
  explicit?: unknown;
  role: ListRole;
  /** Nesting depth, 0 = outermost. */
  depth: number;
  /** A top-level list inside numbered paragraphs: UN sub-paragraphs (a), (i). */
  subparagraphs: boolean;
}

export function listFormat(
  place: ListPlace,
  template: Pick<Template, 'recommendationFormat'> | null | undefined,
): NumberFormat {
  if (isNumberFormat(place.explicit)) return place.explicit;
  if (place.subparagraphs) return SUBPARAGRAPH_FORMATS[place.depth % SUBPARAGRAPH_FORMATS.length]!;
  if (place.role === 'recommendations') return recommendationFormat(template);
  return place.depth === 1 ? 'lower-alpha' : place.depth >= 2 ? 'lower-roman' : 'decimal';
}

// ---- its compile step ------------------------------------------------------------------

type ItemState = { addressee?: string; theme?: string; explicitValue?: boolean };

function compileList(n: RawNode, c: BlockCompiler, depth: number, subparagraphs: boolean): ListBlock {
  const st = (n.$ ?? {}) as { numberFormat?: string; role?: string };
  const ordered = n.listType === 'number' || n.tag === 'ol';
  const role = listRoleOf(st.role);
  const format = listFormat({ explicit: st.numberFormat, role, depth, subparagraphs }, c.ctx.template);
  const start = typeof n.start === 'number' && n.start > 0 ? n.start : 1;
  const items: ListItem[] = [];
  let sequential = true;
  for (const li of childrenOf(n)) {
    const kids = childrenOf(li);
    const nested = kids.filter((k) => k.type === 'list');
    // Lexical nests a list as an item that holds only that list: it belongs to the item before.
    if (nested.length === kids.length && nested.length > 0 && items.length > 0) {
      items[items.length - 1]!.blocks.push(...nested.map((k) => compileList(k, c, depth + 1, subparagraphs)));
      continue;
    }
    const expected = start + items.length;
    const liState = (li.$ ?? {}) as ItemState;
    const value = liState.explicitValue && typeof li.value === 'number' ? li.value : expected;
    if (value !== expected) sequential = false;
    const blocks: Block[] = [];
    let inline: RawNode[] = [];
    const flush = () => {
      const content = c.inlines(inline);
      if (!isBlank(content)) blocks.push({ kind: 'para', style: 'list-item', content });
      inline = [];
    };
    for (const k of kids) {
      if (k.type === 'list') {
        flush();
        blocks.push(compileList(k, c, depth + 1, subparagraphs));
      } else if (k.type === 'paragraph') {
        flush();
        inline = childrenOf(k);
        flush();
      } else inline.push(k);
    }
    flush();
    const label = ordered ? listLabel(value, format) : depth === 0 ? '•' : '–';
    items.push({ label, value, blocks });
    if (role === 'recommendations') collectRecommendation(c, listLabel(value, format), blocks, liState);
  }
  return { kind: 'list', ordered, format, start, sequential, depth, role, subparagraphs, items };
}

/** A recommendation item, numbered on the outline's path, for the table of recommendations. */
function collectRecommendation(c: BlockCompiler, label: string, blocks: Block[], st: ItemState): void {
  const prefix = c.outline.recommendationPrefix();
  const own = label.replace(/[().]/g, '');
  const text = blocks
    .map((b) => (b.kind === 'para' ? plainOf(b.content) : ''))
    .filter(Boolean)
    .join(' ');
  const path = c.outline.themePath();
  c.ctx.recommendations.push({
    number: prefix ? `${prefix}.${own}` : own,
    theme: (st.theme ?? '').trim() || path.slice(-2).join(' — '),
    text,
    addressee: (st.addressee ?? '').trim(),
  });
}

// ---- the list's JSON -------------------------------------------------------------------

const listState = z.looseObject({ numberFormat: NumberFormatEnum.optional(), role: z.enum(LIST_ROLES).optional() });
export const listElement = spec({
  type: 'list',
  role: 'container',
  childTypes: ['listitem'],
  fields: z.looseObject({
    ...elementFields,
    listType: z.enum(['bullet', 'number', 'check']),
    start: z.number().int().min(0).max(1_000_000).optional(),
    tag: z.enum(['ul', 'ol']).optional(),
    $: listState.optional(),
  }),
  // A top-level list among numbered paragraphs holds their sub-paragraphs.
  compileBlock: (n, c, topLevel) => [compileList(n, c, 0, topLevel && c.opts.numberParagraphs)],
});
const itemState = z.looseObject({
  addressee: text(2_000).optional(),
  theme: text(2_000).optional(),
  explicitValue: z.boolean().optional(),
});
export const listItemElement = spec({
  type: 'listitem',
  role: 'container',
  endsLine: true,
  fields: z.looseObject({
    ...elementFields,
    value: z.number().int().min(0).max(1_000_000).optional(),
    checked: z.boolean().optional(),
    $: itemState.optional(),
  }),
});
