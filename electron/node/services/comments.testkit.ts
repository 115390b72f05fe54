/** Marks text of a part's document as the editor does ($wrapSelectionInMarkNode), for comment tests. */
import type { LexicalDoc } from '../../../shared/model/conference';

type N = { type?: string; text?: string; ids?: string[]; children?: N[]; [k: string]: unknown };

/** The document with the first occurrence of `needle` (inside one text node) wrapped in a mark carrying `id`. */
export function markText(doc: LexicalDoc, needle: string, id: string): LexicalDoc {
  const copy = structuredClone(doc) as unknown as { root: N };
  const visit = (node: N): boolean => {
    const kids = node.children ?? [];
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      if (k.type === 'text' && typeof k.text === 'string' && k.text.includes(needle)) {
        const at = k.text.indexOf(needle);
        const piece = (text: string): N => ({ ...k, text });
        const mark: N = {
          type: 'mark',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          ids: [id],
          children: [piece(needle)],
        };
        const parts = [
          k.text.slice(0, at) ? piece(k.text.slice(0, at)) : null,
          mark,
          k.text.slice(at + needle.length) ? piece(k.text.slice(at + needle.length)) : null,
        ];
        kids.splice(i, 1, ...parts.filter((x): x is N => x !== null));
        return true;
      }
      if (visit(k)) return true;
    }
    return false;
  };
  if (!visit(copy.root)) throw new Error(`“${needle}” is not in the document`);
  return copy as unknown as LexicalDoc;
}

/** The document without any mark (their text kept in place), as when the marked text is deleted and retyped. */
export function unmarkAll(doc: LexicalDoc): LexicalDoc {
  const copy = structuredClone(doc) as unknown as { root: N };
  const visit = (node: N) => {
    if (!node.children) return;
    node.children = node.children.flatMap((k) => (k.type === 'mark' ? (k.children ?? []) : [k]));
    node.children.forEach(visit);
  };
  visit(copy.root);
  return copy as unknown as LexicalDoc;
}
