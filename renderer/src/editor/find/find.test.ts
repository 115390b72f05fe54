// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot } from 'lexical';
import { editorNodes } from '../nodes';
import { $loadDoc } from '../setup';
import { everyElement } from '../__tests__/every-element.fixture';
import type { LexicalDoc } from '../../../../shared/model/conference';
import type { FindOptions } from '../../../../shared/search/find';
import { $findMatches, $replaceAll } from './find';

function editor(doc: unknown = everyElement) {
  const ed = createHeadlessEditor({
    namespace: 't',
    nodes: editorNodes,
    onError: (e) => {
      throw e;
    },
  });
  ed.update(() => $loadDoc(ed, doc as LexicalDoc), { discrete: true });
  return ed;
}
const opts = (query: string, o: Partial<FindOptions> = {}): FindOptions => ({
  query,
  matchCase: false,
  wholeWord: false,
  regex: false,
  ...o,
});
const el = { direction: 'ltr', format: '', indent: 0, version: 1 };
const t = (text: string, format = 0) => ({
  type: 'text',
  text,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
});

describe('find and replace in a part', () => {
  it('finds in paragraphs, lists, tables and attributed blocks, with or without case', () => {
    const ed = editor();
    ed.getEditorState().read(() => {
      expect($findMatches(opts('migration')).map((m) => m.node.getTextContent())).toEqual([
        'Migration is an expression of the human aspiration for dignity.',
        'Migration and development',
      ]);
      expect($findMatches(opts('migration', { matchCase: true }))).toHaveLength(0);
      expect($findMatches(opts('States', { matchCase: true })).length).toBe(2);
    });
  });

  it('whole word sees the next run: a word split over two formats is not a whole-word hit', () => {
    const ed = editor({
      root: {
        type: 'root',
        ...el,
        children: [
          { type: 'paragraph', ...el, children: [t('the Internationa'), t('l', 1), t(' and Internationa law')] },
        ],
      },
    });
    ed.getEditorState().read(() => {
      expect(
        $findMatches(opts('Internationa', { wholeWord: true })).map((m) => [m.node.getTextContent(), m.start]),
      ).toEqual([[' and Internationa law', 5]]);
      expect($findMatches(opts('Internationa'))).toHaveLength(2);
    });
    ed.update(
      () => {
        expect($replaceAll(opts('Internationa', { wholeWord: true }), 'International')).toBe(1);
      },
      { discrete: true },
    );
    ed.getEditorState().read(() => expect($getRoot().getTextContent()).toBe('the International and International law'));
  });

  it('replaces every occurrence, keeping each run’s formatting, in one undoable update; regular expressions with groups', () => {
    const ed = editor();
    ed.update(
      () => {
        expect($replaceAll(opts('italic'), 'slanted')).toBe(1);
      },
      { discrete: true },
    );
    const json = JSON.stringify(ed.getEditorState().toJSON());
    expect(json).toContain('"text":"slanted","type":"text","version":1');
    expect(json).toMatch(/"format":2,"mode":"normal","style":"","text":"slanted"/);
    ed.getEditorState().read(() => expect($getRoot().getTextContent()).not.toContain('italic'));
    ed.update(
      () => {
        expect($replaceAll(opts('(M)igration (\\w+)', { regex: true, matchCase: true }), '$2 $1')).toBe(2);
      },
      { discrete: true },
    );
    ed.getEditorState().read(() => expect($getRoot().getTextContent()).toContain('is M an expression'));
  });
});
