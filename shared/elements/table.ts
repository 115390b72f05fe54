/** Tables, rows and cells (a table may be the recommendations table, filled at compile time). */
import { z } from 'zod';
import type { BlockCompiler } from '../compile/element-compiler';
import type { TableBlock, TableRow } from '../compile/model';
import { elementFields, type RawNode, spec } from './spec';
import { childrenOf } from './walk';

function compileTable(n: RawNode, c: BlockCompiler): TableBlock {
  const rows: TableRow[] = [];
  let columns = 0;
  let stillHeader = true;
  for (const r of childrenOf(n)) {
    if (r.type !== 'tablerow') continue;
    const cells = childrenOf(r)
      .filter((cell) => cell.type === 'tablecell')
      .map((cell) => ({
        blocks: c
          .convert(childrenOf(cell), false)
          .map((b) => (b.kind === 'para' ? { ...b, style: 'table-text' as const } : b)),
        colSpan: typeof cell.colSpan === 'number' && cell.colSpan > 1 ? cell.colSpan : 1,
        rowSpan: typeof cell.rowSpan === 'number' && cell.rowSpan > 1 ? cell.rowSpan : 1,
        // Lexical: headerState 1 = row header (the table's top rows), 2 = column header.
        header: typeof cell.headerState === 'number' && (cell.headerState & 1) === 1,
      }));
    if (!cells.length) continue;
    const header = stillHeader && cells.every((cell) => cell.header);
    if (!header) stillHeader = false;
    columns = Math.max(
      columns,
      cells.reduce((a, cell) => a + cell.colSpan, 0),
    );
    rows.push({ cells, header });
  }
  // The editor's column widths (Lexical's colWidths, in pixels) as proportions; equal without them.
  const set =
    Array.isArray(n.colWidths) &&
    n.colWidths.length === columns &&
    n.colWidths.every((w) => typeof w === 'number' && w > 0)
      ? (n.colWidths as number[])
      : null;
  return { kind: 'table', role: 'plain', columns, widths: set ?? Array.from({ length: columns }, () => 1), rows };
}

export const tableElement = spec({
  type: 'table',
  role: 'container',
  childTypes: ['tablerow'],
  fields: z.looseObject({
    ...elementFields,
    $: z.looseObject({ role: z.enum(['plain', 'recommendations']).optional() }).optional(),
  }),
  compileBlock(n, c) {
    const role = (n.$ as { role?: string } | undefined)?.role;
    return [role === 'recommendations' ? c.outline.recommendationsTable() : compileTable(n, c)];
  },
});
export const tableRowElement = spec({
  type: 'tablerow',
  role: 'container',
  childTypes: ['tablecell'],
  fields: z.looseObject(elementFields),
});
export const tableCellElement = spec({
  type: 'tablecell',
  role: 'container',
  endsLine: true,
  fields: z.looseObject({
    ...elementFields,
    headerState: z.number().int().min(0).max(3).optional(),
    colSpan: z.number().int().min(1).max(1000).optional(),
    rowSpan: z.number().int().min(1).max(10_000).optional(),
  }),
});
