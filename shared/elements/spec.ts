/**
 * What every element kind declares once (shared/elements/<kind>.ts), and the registry
 * reads: the shape of its JSON (zod, its own fields only: the walker checks children one
 * level at a time, so depth never recurses), where it may sit, and its plain text.
 */
import { z } from 'zod';
import type { BlockCompiler, InlineCompiler } from '../compile/element-compiler';
import type { Block, Inline } from '../compile/model';

/** A node of a part's document as stored (Lexical JSON), before it is known to be valid. */
export type RawNode = { type?: unknown; children?: unknown; [k: string]: unknown };

export interface ElementSpec {
  type: string;
  /** inline: inside a paragraph-like block; block: holds inline content; container: holds blocks. */
  role: 'inline' | 'block' | 'container';
  /** Its own fields (children excluded). Loose: Lexical adds fields of its own. */
  fields: z.ZodType;
  /** The only child types it accepts (lists hold items, tables rows, rows cells). */
  childTypes?: readonly string[];
  /** Holds no children (text, footnote, figure…). */
  leaf?: boolean;
  /** Plain text (word counts, search): text of a leaf, or what comes before / after the children. */
  text?(node: RawNode): string;
  textBefore?(node: RawNode): string;
  textAfter?(node: RawNode): string;
  /** Ends a line of plain text. */
  endsLine?: boolean;
  /** Its compile step, for an inline kind: the model's inline runs (shared/compile/model). */
  compileInline?(node: RawNode, c: InlineCompiler): Inline[];
  /** Its compile step, for a block or container kind met among blocks: the model's blocks. */
  compileBlock?(node: RawNode, c: BlockCompiler, topLevel: boolean): Block[];
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A bounded string field. */
export const text = (max = 1_000_000) => z.string().max(max);

/** Fields every element node has in Lexical's JSON (all optional: our own importer writes the minimum). */
export const elementFields = {
  direction: z.enum(['ltr', 'rtl']).nullable().optional(),
  format: z.union([z.string().max(20), z.number().int()]).optional(),
  indent: z.number().int().min(0).max(50).optional(),
  version: z.number().int().optional(),
};

export const spec = (s: ElementSpec): ElementSpec => s;
