import type { LexicalDoc } from '../../../shared/model/conference';
import type { ListItemJSON, ListJSON } from '../../../shared/model/doc-nodes';

const el = { direction: 'ltr' as const, format: '', indent: 0, version: 1 };

/**
 * A document with `point` appended to its highlights list (the last list whose role is
 * "highlights"; one is added at the end when there is none). Pure: the caller saves it.
 */
export function appendHighlight(doc: LexicalDoc, point: string): LexicalDoc {
  const next = structuredClone(doc);
  const children = next.root.children as Record<string, unknown>[];
  let list = [...children].reverse().find((n) => n.type === 'list' && (n.$ as ListJSON['$'])?.role === 'highlights') as
    | ListJSON
    | undefined;
  if (!list) {
    list = { type: 'list', listType: 'bullet', start: 1, tag: 'ul', ...el, $: { role: 'highlights' }, children: [] };
    children.push(list as unknown as Record<string, unknown>);
  }
  const item: ListItemJSON = {
    type: 'listitem',
    value: list.children.length + 1,
    ...el,
    children: [{ type: 'text', text: point, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
  };
  list.children.push(item);
  return next;
}
