/**
 * The attribution rule of the footnote policy (seed 000): a speaker's affiliation is noted
 * once, at the first attributed block that names them, and never where the text already
 * notes them (a note at the start of the block, as the editor inserts it; or a note right
 * after their name in the block's remark or the sentence that follows); and no note ever
 * sits inside a name. The compile step applies it; the editor's insert asks it too.
 */
import type { RawNode } from './spec';
import { str } from './spec';

/** The last name of a person as the text would end with it ("O Connor" → "connor"). */
export const surname = (name: string): string =>
  (name.trim().split(/\s+/).pop() ?? '').replace(/[^\p{L}-]/gu, '').toLowerCase();

const TRAILING = /[\s.,;:)’'"”]+$/u;

/** Surnames immediately followed by a footnote (punctuation between allowed: "Mr. Orlando.¹⁵", "Ann Jordan,¹⁷"). */
export function notedSurnames(nodes: readonly RawNode[]): Set<string> {
  const out = new Set<string>();
  nodes.forEach((k, i) => {
    if (k.type !== 'footnote' || i === 0) return;
    const before = nodes[i - 1]!;
    if (before.type === 'text') out.add(surname(str(before.text).replace(TRAILING, '')));
    if (before.type === 'person-ref') out.add(surname(str(before.name)));
  });
  return out;
}

/** Whether `name`'s surname is among the noted ones (OCR may glue a stray letter to it: "Castro-Pitar"). */
export function isNoted(name: string, noted: ReadonlySet<string>): boolean {
  const s = surname(name);
  if (!s) return false;
  for (const n of noted) if (n === s || (n.startsWith(s) && n.length - s.length <= 2)) return true;
  return false;
}

/** Whether a block's inline children open with a note (the speakers' note the editor inserts on the names). */
export function opensWithNote(nodes: readonly RawNode[]): boolean {
  for (const k of nodes) {
    if (k.type === 'footnote') return true;
    if (k.type === 'text' && str(k.text).trim() === '') continue;
    return false;
  }
  return false;
}

/**
 * Notes that sit inside a person's name ("Florizelle O¹ Connor") moved to just after it.
 * `names` are the people the document may name (registry and block names).
 */
export function notesOutOfNames(nodes: readonly RawNode[], names: readonly string[]): RawNode[] {
  const out = [...nodes];
  for (let i = 1; i < out.length - 1; i++) {
    const note = out[i]!;
    const before = out[i - 1]!;
    const after = out[i + 1]!;
    if (note.type !== 'footnote' || before.type !== 'text' || after.type !== 'text') continue;
    const b = str(before.text);
    const a = str(after.text);
    for (const name of names) {
      let split = -1;
      for (let k = 1; k < name.length; k++) {
        if (b.endsWith(name.slice(0, k)) && a.startsWith(name.slice(k))) {
          split = k;
          break;
        }
      }
      if (split < 0) continue;
      const rest = name.length - split;
      out[i - 1] = { ...before, text: b + a.slice(0, rest) };
      out[i + 1] = { ...after, text: a.slice(rest) };
      break;
    }
  }
  return out;
}
