/**
 * Markdown (and markdown-like text) to blocks, repairing what conversions broke:
 * lists split by blank lines, paragraphs and items split by page breaks, dotted
 * contents lines, pipe tables, footnote definitions.
 */
import type { ImportContext } from './result';
import type { SourceLine } from './source';
import { MAX_LIST_DEPTH } from './tree/limits';
import { readMarkdownTree } from './tree/markdown-read';

export interface ListEntry {
  text: string;
  line: number;
  marker: string;
  sub: ListBlock | null;
  /** The item's source lines as written (filled by the plain-text reading). */
  lines?: SourceLine[];
}
export interface ListBlock {
  t: 'list';
  ordered: boolean;
  marker: string;
  items: ListEntry[];
  line: number;
}
export type Block =
  | { t: 'heading'; level: number; text: string; line: number }
  | {
      t: 'para';
      text: string;
      line: number;
      /** The paragraph's source lines as written (filled by the plain-text reading). */
      lines?: SourceLine[];
      /** How many blank lines precede it in the source (two or more mark a page break in plain-text seeds). */
      blankBefore?: number;
    }
  | { t: 'quote'; text: string; line: number }
  | { t: 'toc'; text: string; line: number }
  | { t: 'table'; rows: string[][]; header: boolean; line: number }
  | ListBlock;

export interface MarkdownDoc {
  blocks: Block[];
  notes: Map<string, { text: string; line: number }>;
  /** The first line of a list indented past MAX_LIST_DEPTH levels, if any (its depth is capped). */
  tooDeep: number | null;
}

export { MAX_LIST_DEPTH };

/**
 * The blocks of a markdown source: read as a tree by mdast-util-from-markdown with GFM, then
 * repaired (see tree/markdown-read.ts).
 */
export function readMarkdown(lines: SourceLine[]): MarkdownDoc {
  return readMarkdownTree(lines);
}

export function warnTooDeep(ctx: ImportContext, line: number): void {
  ctx.warn(line, 'LIST_TOO_DEEP', { key: 'listTooDeep', values: { max: MAX_LIST_DEPTH } });
}
