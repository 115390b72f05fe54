// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { docProblem } from '../../../../shared/elements/doc-schema';
import { doc, fn, link, p, richFn, t } from '../../../../shared/compile/fixtures';
import type { RawNode } from '../../../../shared/elements/spec';
import { LexicalDoc } from '../../../../shared/model/conference';
import { editorNodes } from '.';
import { $loadDoc } from '../setup';
import { noteEditorJSON, noteFromEditorJSON } from './footnote-body';

const ITALIC = 2;

describe('a footnote’s rich body in the editor', () => {
  it('loads and saves both shapes unchanged: a note of plain text (earlier versions) and a rich one', () => {
    const ed = createHeadlessEditor({
      namespace: 'test',
      nodes: editorNodes,
      onError: (e) => {
        throw e;
      },
    });
    const rich = richFn(t('See '), t('Panorama', ITALIC), t(' at '), link('https://www.cepal.org', 'CEPAL'), t('.'));
    const source = doc(p('Old', fn('A plain note.'), ' and new', rich, '.'));
    ed.update(() => $loadDoc(ed, source), { discrete: true });
    const saved = JSON.parse(JSON.stringify(ed.getEditorState().toJSON())) as { root: RawNode };
    expect(docProblem(saved)).toBeNull();
    expect(LexicalDoc.safeParse(saved).success).toBe(true);
    const notes = ((saved.root.children as RawNode[])[0]!.children as RawNode[]).filter((n) => n.type === 'footnote');
    expect(notes[0]).toMatchObject({ text: 'A plain note.' });
    expect(notes[0]!.children).toBeUndefined();
    expect(notes[1]!.text).toBe('See Panorama at CEPAL.');
    const body = notes[1]!.children as RawNode[];
    expect(body.map((n) => [n.type, n.format ?? null, n.url ?? null])).toEqual([
      ['text', 0, null],
      ['text', ITALIC, null],
      ['text', 0, null],
      ['link', '', 'https://www.cepal.org'],
      ['text', 0, null],
    ]);
  });

  it('goes into the note’s editor and back: plain notes stay plain, formatting and links make a body', () => {
    const ed = createHeadlessEditor({
      namespace: 'note',
      nodes: [LinkNode, AutoLinkNode],
      onError: (e) => {
        throw e;
      },
    });
    const roundTrip = (text: string, body: RawNode[]) => {
      ed.setEditorState(ed.parseEditorState(JSON.stringify(noteEditorJSON(text, body))));
      return noteFromEditorJSON(JSON.parse(JSON.stringify(ed.getEditorState().toJSON())) as { root: RawNode });
    };
    expect(roundTrip('Two\nlines.', [])).toEqual({ text: 'Two\nlines.', body: [] });
    const back = roundTrip('x', [t('Seen in '), t('Nature', ITALIC), link('https://n.org', 'here')]);
    expect(back.text).toBe('Seen in Naturehere');
    expect(back.body.map((n) => n.type)).toEqual(['text', 'text', 'link']);
    // Two paragraphs (a paste) become one note with a line break; a list pasted in keeps its words only.
    const pasted = noteFromEditorJSON({
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [t('First', ITALIC)] },
          { type: 'list', children: [{ type: 'listitem', children: [t('item')] }] },
        ],
      },
    });
    expect(pasted.text).toBe('First\nitem');
    expect(pasted.body.map((n) => n.type)).toEqual(['text', 'linebreak', 'text']);
  });
});
