import { plainTextOf } from '../elements/plain-text';
import type { RawNode } from '../elements/spec';
import type { LexicalDoc } from './conference';

/**
 * Plain text of a document, one line per block, footnote texts included
 * (report word limits count footnotes). Used for word counts and the search index.
 */
export function docToPlainText(doc: LexicalDoc | null | undefined): string {
  return doc ? plainTextOf(doc.root as RawNode) : '';
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return m ? m.length : 0;
}

export const emptyDoc = (): LexicalDoc => ({
  root: { type: 'root', children: [], direction: null, format: '', indent: 0, version: 1 },
});
