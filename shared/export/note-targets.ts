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
    for (const r of walkInlines(s.blocks)) if (r.kind === 'text' && r.refersToNote !== undefined) ids.add(r.refersToNote);
  }
  return ids;
}
