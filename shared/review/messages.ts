import { exportNote } from '../i18n/export-notes';
import type { Block } from '../compile/model';

/** A block's kind as the catalogue's select names it (ICU select keys are plain words). */
const KIND_KEY: Record<Block['kind'], string> = {
  heading: 'heading',
  para: 'para',
  list: 'list',
  table: 'table',
  figure: 'figure',
  quote: 'quote',
  'page-break': 'pageBreak',
  toc: 'toc',
};

/** What a tracked-changes export notes, as catalogue keys (export.json's `note`) worded by each edge in the user's language. */
export const REVIEW_MESSAGES = {
  summary: (snapshot: string, count: number) => exportNote('trackedSummary', { snapshot, count }),
  noChanges: (snapshot: string) => exportNote('trackedNone', { snapshot }),
  coverChanged: exportNote('trackedCover'),
  styleChanged: (what: string) => exportNote('trackedStyle', { what }),
  listFormatChanged: (what: string) => exportNote('trackedListFormat', { what }),
  kindChanged: (what: string, from: Block['kind'], to: Block['kind']) =>
    exportNote('trackedKind', { what, from: KIND_KEY[from], to: KIND_KEY[to] }),
  tableColumnsChanged: (what: string) => exportNote('trackedTableColumns', { what }),
} as const;
