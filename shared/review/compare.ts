/**
 * The conference compared with one of its snapshots, part by part: parts added,
 * removed, moved or renamed, and in each changed part the blocks inserted, deleted or
 * changed, word by word. Restoring a block from the snapshot is worked out here too,
 * so the service only reads and writes. Pure.
 */
import { z } from 'zod';
import type { LexicalDoc } from '../model/conference';
import { docToPlainText } from '../model/doc-text';
import { alignBlocks, type Aligned, diffText, similarity, splitWords } from './word-diff';

export const DiffSegment = z.object({ op: z.enum(['eq', 'del', 'ins']), text: z.string() });

export const BlockChange = z.object({
  op: z.enum(['changed', 'del', 'ins']),
  /** The block's place in the snapshot's part (changed, deleted) and in the current part (changed, inserted). */
  oldIndex: z.number().int().nullable(),
  newIndex: z.number().int().nullable(),
  segments: z.array(DiffSegment),
});
export type BlockChange = z.infer<typeof BlockChange>;

export const PartComparison = z.object({
  partId: z.string(),
  title: z.string(),
  /** The title in the snapshot, when it differs (or the part was removed). */
  oldTitle: z.string().nullable(),
  status: z.enum(['same', 'changed', 'added', 'removed']),
  /** Under another parent, or in another place among its siblings. */
  moved: z.boolean(),
  /** The current revision, to restore from the snapshot without overwriting later edits. */
  revision: z.number().int().nullable(),
  insertedWords: z.number().int(),
  deletedWords: z.number().int(),
  unchangedBlocks: z.number().int(),
  blocks: z.array(BlockChange),
});
export type PartComparison = z.infer<typeof PartComparison>;

export const SnapshotComparison = z.object({
  snapshot: z.object({ id: z.number().int(), name: z.string(), createdAt: z.string() }),
  parts: z.array(PartComparison),
});
export type SnapshotComparison = z.infer<typeof SnapshotComparison>;

/** A part as both sides are compared: the store's FullPart has this shape. */
export interface ComparedPart {
  id: string;
  parentId: string | null;
  position: number;
  title: string;
  revision?: number;
  doc: LexicalDoc;
}

type Node = Record<string, unknown>;
const blocksOf = (doc: LexicalDoc): Node[] => (Array.isArray(doc.root.children) ? (doc.root.children as Node[]) : []);
const textOf = (node: Node): string => docToPlainText({ root: { type: 'root', children: [node] } });
const keyOf = (node: Node): string => `${String(node.type)}|${textOf(node)}`;
const words = (s: string) => splitWords(s).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Top-level blocks of a part in the snapshot and now, aligned (paragraphs rewritten in place are paired). */
export function alignDocs(before: LexicalDoc, after: LexicalDoc): Aligned<Node>[] {
  return alignBlocks(blocksOf(before), blocksOf(after), keyOf, (a, b) =>
    a.type !== b.type ? -1 : similarity(textOf(a), textOf(b)),
  );
}

function compareDocs(
  before: LexicalDoc,
  after: LexicalDoc,
): Pick<PartComparison, 'blocks' | 'insertedWords' | 'deletedWords' | 'unchangedBlocks'> {
  const blocks: BlockChange[] = [];
  let insertedWords = 0;
  let deletedWords = 0;
  let unchangedBlocks = 0;
  for (const a of alignDocs(before, after)) {
    if (a.op === 'eq') {
      unchangedBlocks++;
      continue;
    }
    if (a.op === 'changed') {
      const segments = diffText(textOf(a.old), textOf(a.cur));
      for (const s of segments) {
        if (s.op === 'ins') insertedWords += words(s.text);
        if (s.op === 'del') deletedWords += words(s.text);
      }
      blocks.push({ op: 'changed', oldIndex: a.oldIndex, newIndex: a.newIndex, segments });
    } else if (a.op === 'del') {
      const text = textOf(a.old);
      deletedWords += words(text);
      blocks.push({ op: 'del', oldIndex: a.oldIndex, newIndex: null, segments: [{ op: 'del', text }] });
    } else {
      const text = textOf(a.cur);
      insertedWords += words(text);
      blocks.push({ op: 'ins', oldIndex: null, newIndex: a.newIndex, segments: [{ op: 'ins', text }] });
    }
  }
  return { blocks, insertedWords, deletedWords, unchangedBlocks };
}

/** Depth-first order of the part tree, as the outline shows it. */
function outlineOrder(parts: ComparedPart[]): string[] {
  const children = new Map<string | null, ComparedPart[]>();
  for (const p of parts) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  const out: string[] = [];
  const walk = (parent: string | null) => {
    for (const p of [...(children.get(parent) ?? [])].sort((a, b) => a.position - b.position)) {
      out.push(p.id);
      walk(p.id);
    }
  };
  walk(null);
  // Parts whose parent is missing (a damaged tree) still count.
  for (const p of parts) if (!out.includes(p.id)) out.push(p.id);
  return out;
}

/** Every part of the conference and of the snapshot, in the current outline's order (removed ones where they stood). */
export function compareParts(before: ComparedPart[], after: ComparedPart[]): PartComparison[] {
  const old = new Map(before.map((p) => [p.id, p]));
  const cur = new Map(after.map((p) => [p.id, p]));
  const oldOrder = outlineOrder(before);
  const newOrder = outlineOrder(after);
  // Moved: under another parent, or out of order among the siblings both sides have under one parent.
  const movedIds = new Set<string>();
  const siblings = (order: string[], parts: Map<string, ComparedPart>, parent: string | null) =>
    order.filter((id) => parts.get(id)!.parentId === parent && old.get(id)?.parentId === cur.get(id)?.parentId);
  for (const parent of new Set([null, ...after.map((p) => p.id)])) {
    for (const a of alignBlocks(
      siblings(oldOrder, old, parent),
      siblings(newOrder, cur, parent),
      (id) => id,
      () => -1,
    )) {
      if (a.op === 'ins') movedIds.add(a.cur);
    }
  }

  const result: PartComparison[] = [];
  const removedBefore = new Map<string, ComparedPart[]>();
  // A removed part is listed before the next part that both sides have.
  let pending: ComparedPart[] = [];
  for (const id of oldOrder) {
    if (!cur.has(id)) pending.push(old.get(id)!);
    else if (pending.length) {
      removedBefore.set(id, pending);
      pending = [];
    }
  }
  const removedPart = (p: ComparedPart): PartComparison => {
    const text = docToPlainText(p.doc);
    return {
      partId: p.id,
      title: p.title,
      oldTitle: p.title,
      status: 'removed',
      moved: false,
      revision: null,
      insertedWords: 0,
      deletedWords: words(text),
      unchangedBlocks: 0,
      blocks: [],
    };
  };
  for (const id of newOrder) {
    for (const r of removedBefore.get(id) ?? []) result.push(removedPart(r));
    const a = cur.get(id)!;
    const b = old.get(id);
    if (!b) {
      const diff = compareDocs({ root: { type: 'root', children: [] } }, a.doc);
      result.push({
        partId: id,
        title: a.title,
        oldTitle: null,
        status: 'added',
        moved: false,
        revision: a.revision ?? null,
        ...diff,
      });
      continue;
    }
    const diff = compareDocs(b.doc, a.doc);
    const moved = b.parentId !== a.parentId || movedIds.has(id);
    const renamed = b.title !== a.title;
    result.push({
      partId: id,
      title: a.title,
      oldTitle: renamed ? b.title : null,
      status: diff.blocks.length || renamed ? 'changed' : 'same',
      moved,
      revision: a.revision ?? null,
      ...diff,
    });
  }
  for (const r of pending) result.push(removedPart(r));
  return result;
}

/** Which block to put back: a changed or deleted block (oldIndex), or an inserted one to take out (newIndex only). */
export interface BlockRestore {
  oldIndex: number | null;
  newIndex: number | null;
}

/**
 * The current document with one block as it was in the snapshot: a changed block
 * replaced by its old version, a deleted one put back where it stood, an inserted one
 * taken out. Null when the two documents no longer align that way (changed meanwhile).
 */
export function restoreBlock(before: LexicalDoc, after: LexicalDoc, which: BlockRestore): LexicalDoc | null {
  const aligned = alignDocs(before, after);
  const children = [...blocksOf(after)];
  let lastNew = -1;
  for (const a of aligned) {
    if (a.op === 'changed' && a.oldIndex === which.oldIndex && a.newIndex === which.newIndex) {
      children[a.newIndex] = structuredClone(a.old);
      return { ...after, root: { ...after.root, children } };
    }
    if (a.op === 'del' && which.newIndex === null && a.oldIndex === which.oldIndex) {
      children.splice(lastNew + 1, 0, structuredClone(a.old));
      return { ...after, root: { ...after.root, children } };
    }
    if (a.op === 'ins' && which.oldIndex === null && a.newIndex === which.newIndex) {
      children.splice(a.newIndex, 1);
      return { ...after, root: { ...after.root, children } };
    }
    if (a.op !== 'del') lastNew = a.newIndex;
  }
  return null;
}
