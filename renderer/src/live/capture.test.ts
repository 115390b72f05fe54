import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../../../shared/model/doc-text';
import { docToPlainText } from '../../../shared/model/doc-text';
import { appendHighlight } from './capture';

describe('quick capture into the highlights', () => {
  it('creates the highlights list, then appends to it', () => {
    const once = appendHighlight(emptyDoc(), 'Remittances exceed aid.');
    const twice = appendHighlight(once, 'Data gaps remain.');
    const lists = twice.root.children.filter((n) => (n as { type: string }).type === 'list');
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({ $: { role: 'highlights' }, listType: 'bullet' });
    expect(docToPlainText(twice)).toBe('Remittances exceed aid.\nData gaps remain.');
  });

  it('does not touch an ordinary list, nor the document passed in', () => {
    const doc = appendHighlight(emptyDoc(), 'x');
    (doc.root.children[0] as { $: unknown }).$ = undefined;
    const out = appendHighlight(doc, 'y');
    expect(out.root.children).toHaveLength(2);
    expect(doc.root.children).toHaveLength(1);
  });
});
