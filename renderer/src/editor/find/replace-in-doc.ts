import type { LexicalDoc } from '../../../../shared/model/conference';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A part's document with `query` replaced in every run of text (and footnote text), as the
 * editor's own replace does: a match spanning two runs of different formatting is left alone.
 * Pure; returns the new document and how many were replaced.
 */
export function replaceInDoc(doc: LexicalDoc, query: string, replacement: string, matchCase: boolean): { doc: LexicalDoc; count: number } {
  if (!query) return { doc, count: 0 };
  const re = new RegExp(escape(query), matchCase ? 'g' : 'gi');
  let count = 0;
  const swap = (s: string) => s.replace(re, () => { count++; return replacement; });
  const walk = (node: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...node };
    if ((node.type === 'text' || node.type === 'footnote') && typeof node.text === 'string') out.text = swap(node.text);
    if (Array.isArray(node.children)) out.children = (node.children as Record<string, unknown>[]).map(walk);
    return out;
  };
  const next = { ...doc, root: walk(doc.root as unknown as Record<string, unknown>) } as unknown as LexicalDoc;
  return { doc: count ? next : doc, count };
}
