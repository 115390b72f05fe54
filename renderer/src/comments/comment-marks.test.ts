// @vitest-environment jsdom
/** Comment marks in a headless editor: marking a selection, giving it up, and what pasting does with marks. */
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import {
  $generateJSONFromSelectedNodes,
  $generateNodesFromSerializedNodes,
  $insertGeneratedNodes,
} from '@lexical/clipboard';
import {
  $getRoot,
  $getSelection,
  $isTextNode,
  type ElementNode,
  type LexicalEditor,
  type RangeSelection,
} from 'lexical';
import type { LexicalDoc } from '../../../shared/model/conference';
import { markedTextOf } from '../../../shared/review/comments';
import { editorNodes } from '../editor/nodes';
import { $loadDoc } from '../editor/setup';
import { $markSelection, $unmark, registerPastedMarks } from './comment-marks';

const t = (text: string) => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
const p = (...children: object[]) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children,
});
const doc = (...children: object[]) =>
  ({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } }) as unknown as LexicalDoc;

function editorWith(d: LexicalDoc): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 't',
    nodes: editorNodes,
    onError: (e) => {
      throw e;
    },
  });
  editor.update(() => $loadDoc(editor, d), { discrete: true });
  registerPastedMarks(editor);
  return editor;
}
const json = (editor: LexicalEditor) => editor.getEditorState().toJSON() as unknown as LexicalDoc;

/** Selects characters [from, to) of the first text node of paragraph `para`. */
function $select(para: number, from: number, to: number): RangeSelection {
  const text = $getRoot().getChildAtIndex<ElementNode>(para)!.getFirstDescendant()!;
  if (!$isTextNode(text)) throw new Error('no text');
  return text.select(from, to);
}

describe('comment marks in the editor', () => {
  it('wrap the selected words in a mark carrying the thread id, and come off again leaving the text', () => {
    const editor = editorWith(doc(p(t('The delegates adopted the agenda.'))));
    let quote: string | null = null;
    editor.update(
      () => {
        $select(0, 4, 13);
        quote = $markSelection('c1');
      },
      { discrete: true },
    );
    expect(quote).toBe('delegates');
    expect(Object.fromEntries(markedTextOf(json(editor)))).toEqual({ c1: 'delegates' });
    editor.update(
      () => {
        $select(0, 0, 0);
        expect($markSelection('c2')).toBeNull();
      },
      { discrete: true },
    );
    editor.update(() => $unmark('c1'), { discrete: true });
    expect(markedTextOf(json(editor)).size).toBe(0);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('The delegates adopted the agenda.');
  });

  it('are left behind by a pasted copy of text still in place, and kept when the text was cut and is put back', () => {
    const editor = editorWith(doc(p(t('The delegates adopted the agenda.')), p(t('End.'))));
    editor.update(
      () => {
        $select(0, 4, 13);
        $markSelection('c1');
      },
      { discrete: true },
    );
    // Copy the marked paragraph's content as Lexical's clipboard does, then paste it at the end.
    let copied: ReturnType<typeof $generateJSONFromSelectedNodes> | null = null;
    editor.update(
      () => {
        $getRoot().getFirstChild()!.selectStart();
        ($getSelection() as RangeSelection).focus.set(
          $getRoot().getFirstChildOrThrow<ElementNode>().getLastDescendant()!.getKey(),
          7,
          'text',
        );
        copied = $generateJSONFromSelectedNodes(editor, $getSelection());
      },
      { discrete: true },
    );
    const pasteAtEnd = () =>
      editor.update(
        () => {
          const sel = $getRoot().getLastChildOrThrow().selectEnd();
          $insertGeneratedNodes(editor, $generateNodesFromSerializedNodes(copied!.nodes), sel);
        },
        { discrete: true },
      );
    pasteAtEnd();
    expect(editor.getEditorState().read(() => $getRoot().getLastChildOrThrow().getTextContent())).toBe(
      'End.The delegates adopte',
    );
    expect(Object.fromEntries(markedTextOf(json(editor)))).toEqual({ c1: 'delegates' }); // still only the original
    // Cut: the original mark is gone; pasting brings the thread's mark back with the words.
    editor.update(() => $getRoot().getFirstChildOrThrow().remove(), { discrete: true });
    editor.update(
      () => {
        $getRoot().getLastChildOrThrow<ElementNode>().clear();
      },
      { discrete: true },
    );
    pasteAtEnd();
    expect(Object.fromEntries(markedTextOf(json(editor)))).toEqual({ c1: 'delegates' });
  });
});
