// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot } from 'lexical';
import { editorNodes } from '../nodes';
import { $loadDoc } from '../setup';
import { everyElement } from '../__tests__/every-element.fixture';
import type { LexicalDoc } from '../../../../shared/model/conference';
import { $findMatches, $replaceAll } from './find';

function editor() {
  const ed = createHeadlessEditor({ namespace: 't', nodes: editorNodes, onError: (e) => { throw e; } });
  ed.update(() => $loadDoc(ed, everyElement as unknown as LexicalDoc), { discrete: true });
  return ed;
}

describe('find and replace in a part', () => {
  it('finds in paragraphs, lists, tables and attributed blocks, with or without case', () => {
    const ed = editor();
    ed.getEditorState().read(() => {
      expect($findMatches('migration', false).map((m) => m.node.getTextContent())).toEqual([
        'Migration is an expression of the human aspiration for dignity.', 'Migration and development',
      ]);
      expect($findMatches('migration', true)).toHaveLength(0);
      expect($findMatches('States', true).length).toBe(2);
    });
  });

  it('replaces every occurrence, keeping each run’s formatting, in one undoable update', () => {
    const ed = editor();
    ed.update(() => { expect($replaceAll('italic', 'slanted', false)).toBe(1); }, { discrete: true });
    const json = JSON.stringify(ed.getEditorState().toJSON());
    expect(json).toContain('"text":"slanted","type":"text","version":1');
    expect(json).toMatch(/"format":2,"mode":"normal","style":"","text":"slanted"/);
    ed.getEditorState().read(() => expect($getRoot().getTextContent()).not.toContain('italic'));
  });
});
