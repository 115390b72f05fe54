/** Blocks of markdown-like text to document nodes. */
import type { DocNode, NumberFormat } from '../model/doc-nodes';
import { heading, list, paragraph, quote, table, type ListItemInput } from './nodes';
import { type InlineOptions, parseInline } from './inline';
import type { Block, ListBlock } from './markdown-blocks';
import { romanValue } from './util';

export function formatOfMarker(marker: string): NumberFormat | undefined {
  if (/^\d+\.$/.test(marker)) return 'decimal';
  if (/^\d+\)$/.test(marker)) return 'decimal-paren';
  if (/^\(?[ivx]+[.)]$/.test(marker) && marker.length > 2)
    return marker.includes('(') || marker.endsWith(')') ? 'lower-roman-paren' : 'lower-roman';
  if (/^\(?[a-z][.)]$/.test(marker)) return marker.endsWith(')') ? 'lower-alpha-paren' : 'lower-alpha';
  // Upper-case labels as printed ("I.", "IV."): roman numerals (a report's lists do not use A., I. as letters).
  if (/^[IVXLC]+\.$/.test(marker)) return 'upper-roman';
  return undefined;
}

function markerValue(marker: string): number | undefined {
  const core = marker.replace(/[().]/g, '');
  if (/^\d+$/.test(core)) return Number(core);
  if (/^[ivx]+$/.test(core) && core.length > 1) return romanValue(core);
  if (/^[IVXLC]+$/.test(core)) return romanValue(core.toLowerCase());
  if (/^[a-z]$/.test(core)) return core.charCodeAt(0) - 96;
  return undefined;
}

export function listNode(l: ListBlock, inline: InlineOptions, depth = 0): DocNode {
  const items: ListItemInput[] = l.items.flatMap((it) => {
    const v = l.ordered ? markerValue(it.marker) : undefined;
    const own: ListItemInput = { children: parseInline(it.text, inline), ...(v !== undefined ? { value: v } : {}) };
    // Lexical's form of a nested list: the next item holds only the list.
    return it.sub ? [own, { children: [listNode(it.sub, inline, depth + 1)], nestedOnly: true }] : [own];
  });
  // Keep explicit numbers only when they are not a plain sequence (anatomy §8.5).
  const values = items.filter((x) => !x.nestedOnly).map((x) => x.value);
  const sequential = values.every((v, i) => v === undefined || v === (values[0] ?? 1) + i);
  if (!sequential)
    items.forEach((x) => {
      if (!x.nestedOnly) x.explicit = true;
    });
  const fmt = l.ordered ? formatOfMarker(l.marker) : undefined;
  return list(l.ordered, items, { ...(fmt ? { numberFormat: fmt } : {}), depth });
}

/** Blocks as they are (headings at `baseLevel` + relative level). */
export function blocksToNodes(
  blocks: Block[],
  inline: InlineOptions,
  headingLevel: (b: Block & { t: 'heading' }) => number = (b) => b.level,
): DocNode[] {
  const out: DocNode[] = [];
  for (const b of blocks) {
    switch (b.t) {
      case 'heading':
        out.push(heading(headingLevel(b), parseInline(b.text, inline)));
        break;
      case 'para':
        out.push(paragraph(parseInline(b.text, inline)));
        break;
      case 'quote':
        out.push(quote(parseInline(b.text, inline)));
        break;
      case 'list':
        out.push(listNode(b, inline));
        break;
      case 'table':
        out.push(
          table(
            b.rows.map((r) => r.map((c) => parseInline(c, inline))),
            b.header,
          ),
        );
        break;
      case 'toc':
        break;
    }
  }
  return out;
}
