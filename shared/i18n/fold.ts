/**
 * Accent- and case-insensitive matching, the same everywhere: conference search (SQLite
 * FTS5's unicode61 tokenizer with remove_diacritics 2 folds the same way), find in a part,
 * the "@" type-ahead and the registry's duplicate check. "Perez" finds "Pérez", "maria"
 * finds "María", "Francois" finds "François".
 */

/** Decomposed, without combining marks, lower case: "Pérez" → "perez". (Ligatures and ß stay as they are.) */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

/** Whether `text` contains `query`, ignoring accents and case. */
export function foldedIncludes(text: string, query: string): boolean {
  return fold(text).includes(fold(query));
}

/** Equal but for accents, case and spacing ("María  Pérez" and "maria perez"). */
export function sameFolded(a: string, b: string): boolean {
  return foldKey(a) === foldKey(b);
}

/** A key for sets and maps of names: folded, spaces collapsed. */
export function foldKey(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/** Every precomposed Latin letter, by the base letter it folds to ("e" → "eèéêë…EÈÉ…"). */
const VARIANTS: Map<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (from: number, to: number) => {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (base.length !== 1 || base === ch || !/[A-Za-z]/.test(base)) continue;
      const key = base.toLowerCase();
      map.set(key, (map.get(key) ?? key + key.toUpperCase()) + ch);
    }
  };
  add(0x00c0, 0x024f); // Latin-1 Supplement, Extended-A and -B
  add(0x1e00, 0x1eff); // Latin Extended Additional (Vietnamese and others)
  return map;
})();

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * A regular expression source (for the `u` and `i` flags) matching `query` whatever the
 * accents of its letters, in the text or in the query: precomposed ("é") or decomposed
 * ("e" + combining acute). Match offsets stay those of the original text.
 */
export function accentInsensitiveSource(query: string): string {
  let out = '';
  for (const ch of query) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    const variants = base.length === 1 ? VARIANTS.get(base.toLowerCase()) : undefined;
    out += variants ? `[${variants}]\\p{M}*` : escapeRegExp(ch);
  }
  return out;
}
