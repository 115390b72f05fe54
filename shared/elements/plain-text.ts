/**
 * Plain text of a document, one line per block, footnote texts included (report word
 * limits count footnotes): each element says its own text in the registry.
 */
import { elementOf } from './registry';
import type { RawNode } from './spec';
import { walkDoc } from './walk';

export function plainTextOf(root: RawNode): string {
  const out: string[] = [];
  let line = '';
  walkDoc(root, {
    enter(node) {
      const e = elementOf(node.type);
      if (e?.text) line += e.text(node);
      else if (!e && typeof node.text === 'string') line += node.text;
      if (e?.textBefore) line += e.textBefore(node);
    },
    leave(node) {
      const e = elementOf(node.type);
      if (e?.textAfter) line += e.textAfter(node);
      if (e?.endsLine) {
        out.push(line);
        line = '';
      }
    },
  });
  if (line) out.push(line);
  return out.filter((l) => l.trim() !== '').join('\n');
}
