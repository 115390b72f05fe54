// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $createListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $createTextNode, $getRoot } from 'lexical';
import { $dfs } from '@lexical/utils';

const $dfsNodes = () => $dfs().map((x) => x.node);
import { editorNodes } from '../nodes';
import { $loadDoc } from '../setup';
import type { LexicalDoc } from '../../../../shared/model/conference';
import { everyElement } from './every-element.fixture';

const editor = () =>
  createHeadlessEditor({
    namespace: 'test',
    nodes: editorNodes,
    onError: (e) => {
      throw e;
    },
  });

describe('report elements round-trip through the conference file', () => {
  it('JSON → editor → JSON is identical for every element kind', () => {
    const ed = editor();
    ed.update(() => $loadDoc(ed, everyElement as unknown as LexicalDoc), { discrete: true });
    expect(JSON.parse(JSON.stringify(ed.getEditorState().toJSON()))).toEqual(everyElement);
  });

  it('survives an edit elsewhere in the document (transforms keep explicit values and state)', () => {
    const ed = editor();
    ed.update(() => $loadDoc(ed, everyElement as unknown as LexicalDoc), { discrete: true });
    ed.update(
      () => {
        for (const n of $dfsNodes()) if ($isListNode(n)) n.markDirty();
      },
      { discrete: true },
    );
    expect(JSON.parse(JSON.stringify(ed.getEditorState().toJSON()))).toEqual(everyElement);
  });

  it('numbering follows start and explicit values as items are added, and adjacent blocks stay apart', () => {
    const ed = editor();
    ed.update(() => $loadDoc(ed, everyElement as unknown as LexicalDoc), { discrete: true });
    ed.update(
      () => {
        const lists = $getRoot().getChildren().filter($isListNode) as ListNode[];
        const [, roman] = lists; // start 24, then an explicit 38
        roman!.getFirstChildOrThrow().insertAfter($createListItemNode().append($createTextNode('Inserted')));
      },
      { discrete: true },
    );
    const values = ed.getEditorState().read(() => {
      const lists = $getRoot().getChildren().filter($isListNode) as ListNode[];
      return lists.map((l) => l.getChildren().map((c) => (c as unknown as { getValue(): number }).getValue()));
    });
    expect(values[1]).toEqual([24, 25, 26, 38]);
    expect(values.length).toBe(4);
  });
});
