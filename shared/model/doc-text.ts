import type { LexicalDoc } from './conference';

type AnyNode = { type?: unknown; text?: unknown; children?: unknown; [k: string]: unknown };

const BLOCK_TYPES = new Set([
  'paragraph', 'heading', 'quote', 'listitem', 'tablecell', 'presentation', 'commentator',
  'moderator', 'epigraph', 'delegation-statement', 'run-in', 'figure',
]);

/**
 * Plain text of a document, one line per block, footnote texts included
 * (report word limits count footnotes). Used for word counts and the search index.
 */
export function docToPlainText(doc: LexicalDoc | null | undefined): string {
  if (!doc) return '';
  const out: string[] = [];
  let line = '';
  const walk = (node: AnyNode) => {
    switch (node.type) {
      case 'text': line += String(node.text ?? ''); return;
      case 'linebreak': line += '\n'; return;
      case 'tab': line += '\t'; return;
      case 'footnote': line += ` ${String(node.text ?? '')} `; return;
      case 'person-ref': line += String(node.name ?? ''); return;
      case 'figure': line += `${String(node.caption ?? '')} ${String(node.source ?? '')}`; break;
    }
    if (node.type === 'presentation' || node.type === 'commentator' || node.type === 'moderator') {
      const names = Array.isArray(node.names) ? node.names.join(', ') : '';
      if (names) line += `${names}, `;
    }
    if (node.type === 'run-in' && typeof node.label === 'string') line += `${node.label} `;
    if (Array.isArray(node.children)) for (const c of node.children as AnyNode[]) walk(c);
    if (node.type === 'epigraph' && typeof node.attribution === 'string' && node.attribution) line += ` ${node.attribution}`;
    if (typeof node.type === 'string' && BLOCK_TYPES.has(node.type)) { out.push(line); line = ''; }
  };
  walk(doc.root as AnyNode);
  if (line) out.push(line);
  return out.filter((l) => l.trim() !== '').join('\n');
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return m ? m.length : 0;
}

export const emptyDoc = (): LexicalDoc => ({
  root: { type: 'root', children: [], direction: null, format: '', indent: 0, version: 1 },
});
