/**
 * A part changed both at the desk and in a rapporteur's kit, side by side: the two versions'
 * blocks aligned (the review's comparison, shared/review), each pair with its word differences
 * (on the desk's side the words only the desk has, on the kit's side the words only the kit
 * has). And an edited version built back from plain paragraphs, reusing the blocks of either
 * side whose text is unchanged, so their formatting, notes and references survive. Pure.
 */
import { z } from 'zod';
import type { LexicalDoc } from '../model/conference';
import { LexicalDoc as LexicalDocSchema, PartStatus } from '../model/conference';
import { docToPlainText } from '../model/doc-text';
import { alignDocs, DiffSegment } from '../review/compare';
import { diffText } from '../review/word-diff';

export const ConflictRow = z.object({
  op: z.enum(['same', 'changed', 'desk-only', 'kit-only']),
  /** The desk's block ('eq' words shared, 'del' words only the desk has), or null when only the kit has it. */
  desk: z.array(DiffSegment).nullable(),
  /** The kit's block ('eq' words shared, 'ins' words only the kit has), or null when only the desk has it. */
  kit: z.array(DiffSegment).nullable(),
});
export type ConflictRow = z.infer<typeof ConflictRow>;

/** One side: its text as the editor reads it, and its document, to build an edited version from. */
const Side = z.object({
  title: z.string(),
  status: PartStatus,
  text: z.string(),
  words: z.number().int(),
  doc: LexicalDocSchema,
});

export const KitConflict = z.object({
  conflictId: z.number().int(),
  partId: z.string(),
  title: z.string(),
  rapporteur: z.string(),
  /** When the kit was brought in. */
  at: z.string(),
  /** The desk's revision compared: deciding is refused if the part changed since. */
  deskRevision: z.number().int(),
  desk: Side,
  kit: Side,
  rows: z.array(ConflictRow),
  /** How it was decided, in words, or null while it waits. */
  decided: z.string().nullable(),
});
export type KitConflict = z.infer<typeof KitConflict>;

type Block = Record<string, unknown>;
const blocksOf = (doc: LexicalDoc): Block[] => (Array.isArray(doc.root.children) ? (doc.root.children as Block[]) : []);
const textOf = (block: Block): string => docToPlainText({ root: { type: 'root', children: [block] } });

/** The desk's and the kit's blocks aligned, with their word differences. */
export function conflictRows(desk: LexicalDoc, kit: LexicalDoc): ConflictRow[] {
  return alignDocs(desk, kit).map((a): ConflictRow => {
    if (a.op === 'eq') {
      const text = textOf(a.old);
      return { op: 'same', desk: [{ op: 'eq', text }], kit: [{ op: 'eq', text }] };
    }
    if (a.op === 'del') return { op: 'desk-only', desk: [{ op: 'del', text: textOf(a.old) }], kit: null };
    if (a.op === 'ins') return { op: 'kit-only', desk: null, kit: [{ op: 'ins', text: textOf(a.cur) }] };
    const segments = diffText(textOf(a.old), textOf(a.cur));
    return { op: 'changed', desk: segments.filter((s) => s.op !== 'ins'), kit: segments.filter((s) => s.op !== 'del') };
  });
}

/** A version as the editor edits it: one paragraph per block, blocks separated by a blank line. */
export const editableText = (doc: LexicalDoc): string => blocksOf(doc).map(textOf).join('\n\n');

/**
 * The edited text as a document: each paragraph that is exactly the text of a block of one of
 * the versions (the first given first) is that block; any other becomes a plain paragraph.
 */
export function docFromEditedText(text: string, versions: LexicalDoc[]): LexicalDoc {
  const known = new Map<string, Block>();
  for (const doc of versions)
    for (const b of blocksOf(doc)) {
      const t = textOf(b).trim();
      if (!known.has(t)) known.set(t, b);
    }
  const paragraph = (p: string): Block => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    // A line break typed inside a paragraph stays one.
    children: p
      .split('\n')
      .flatMap((line, i) => [
        ...(i > 0 ? [{ type: 'linebreak', version: 1 }] : []),
        ...(line ? [{ type: 'text', version: 1, text: line, format: 0, style: '', mode: 'normal', detail: 0 }] : []),
      ]),
  });
  const children = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const same = known.get(p);
      return same ? structuredClone(same) : paragraph(p);
    });
  const base = versions[0] ?? { root: { type: 'root', children: [] } };
  return { ...base, root: { ...base.root, children } };
}
