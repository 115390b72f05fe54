/**
 * Notes that a cross-reference ("see note 7") points to. Both exports mark only those
 * notes as link targets (a DOCX bookmark, a Typst label), so a document without
 * cross-references is written as before.
 */
import type { Block } from '../compile/model';
import { walkInlines } from '../compile/compile';

/** The ids of the notes some cross-reference in these sections points to. */
export function referencedNotes(sections: readonly { blocks: Block[] }[]): Set<number> {
  const ids = new Set<number>();
  for (const s of sections) {
    for (const r of walkInlines(s.blocks))
      if (r.kind === 'text' && r.refersToNote !== undefined) ids.add(r.refersToNote);
  }
  return ids;
}

/** Every block, those inside lists, tables and quotes included. */
function* allBlocks(blocks: Block[]): Generator<Block> {
  for (const b of blocks) {
    yield b;
    if (b.kind === 'list') for (const it of b.items) yield* allBlocks(it.blocks);
    else if (b.kind === 'table') for (const r of b.rows) for (const c of r.cells) yield* allBlocks(c.blocks);
    else if (b.kind === 'quote') yield* allBlocks(b.blocks);
  }
}

/**
 * Referenced notes that sit in a heading, by note id, with the heading's anchor. A heading's
 * words are shown again (the contents, the bookmarks), so a label on its note would occur
 * twice: a cross-reference to such a note links to its heading instead.
 */
export function notesInHeadings(
  sections: readonly { blocks: Block[] }[],
  referenced: ReadonlySet<number>,
): Map<number, string> {
  const out = new Map<number, string>();
  for (const s of sections) {
    for (const b of allBlocks(s.blocks)) {
      if (b.kind !== 'heading') continue;
      for (const r of b.text) if (r.kind === 'note' && referenced.has(r.id)) out.set(r.id, b.anchor);
    }
  }
  return out;
}
