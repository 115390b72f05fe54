/**
 * The table of recommendations is generated from the recommendation items, in document
 * order: its theme and addressee columns are where an item's own theme and addressee are
 * printed, so they come back from there (a Word user's edits to them included). The theme is
 * kept as printed, even where the compile step would derive the same from the headings.
 */
import type { ListItemJSON } from '../../model/doc-nodes';
import type { ImportContext, ImportedPart } from '../result';
import { plainText, type Table } from './body';

type N = { type: string; children?: N[]; $?: Record<string, unknown> };

export interface RecommendationRow {
  theme: string;
  addressee: string;
}

/** The rows of a generated table of recommendations (number | theme | text | addressee). */
export function recommendationRows(table: Table): RecommendationRow[] {
  const cell = (c: Table['rows'][number]['cells'][number] | undefined) =>
    c
      ? c.blocks
          .map((b) => (b.t === 'p' ? plainText(b.pieces) : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  return table.rows
    .filter((r) => !r.header && r.cells.length === 4)
    .map((r) => ({ theme: cell(r.cells[1]), addressee: cell(r.cells[3]) }));
}

/** Gives each recommendation item, in document order, the theme and addressee its row prints. */
export function applyRecommendationRows(parts: ImportedPart[], rows: RecommendationRow[], ctx: ImportContext): void {
  const items: ListItemJSON[] = [];
  const walk = (n: N) => {
    if (n.type === 'list' && n.$?.role === 'recommendations') {
      for (const li of n.children ?? []) {
        const nestedOnly = (li.children ?? []).length > 0 && (li.children ?? []).every((k) => k.type === 'list');
        if (!nestedOnly) items.push(li as unknown as ListItemJSON);
      }
    }
    for (const c of n.children ?? []) walk(c);
  };
  const visit = (list: ImportedPart[]) => {
    for (const p of list) {
      walk(p.doc.root as unknown as N);
      visit(p.children);
    }
  };
  visit(parts);
  if (items.length !== rows.length) {
    if (rows.length)
      ctx.warn(null, 'RECOMMENDATIONS_TABLE', {
        key: 'recommendationsTable',
        values: { rows: rows.length, items: items.length },
      });
    return;
  }
  items.forEach((item, k) => {
    const row = rows[k]!;
    const state: NonNullable<ListItemJSON['$']> = { ...(item.$ ?? {}) };
    if (row.addressee) state.addressee = row.addressee;
    if (row.theme) state.theme = row.theme;
    if (Object.keys(state).length) item.$ = state;
  });
}
