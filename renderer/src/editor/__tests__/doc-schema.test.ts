// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { LexicalDoc } from '../../../../shared/model/conference';
import { docProblem } from '../../../../shared/elements/doc-schema';
import { editorNodes } from '../nodes';
import { $loadDoc } from '../setup';
import { everyElement } from './every-element.fixture';

describe('what the editor saves is valid under the document schema', () => {
  it('every element kind, as Lexical serialises it', () => {
    const ed = createHeadlessEditor({
      namespace: 'test',
      nodes: editorNodes,
      onError: (e) => {
        throw e;
      },
    });
    ed.update(() => $loadDoc(ed, everyElement as unknown as LexicalDoc), { discrete: true });
    const saved = JSON.parse(JSON.stringify(ed.getEditorState().toJSON()));
    expect(docProblem(saved)).toBeNull();
    expect(LexicalDoc.safeParse(saved).success).toBe(true);
    // and every kind the editor registers is in the fixture, so none escapes the check
    const types = new Set<string>();
    const walk = (n: { type: string; children?: unknown[] }) => {
      types.add(n.type);
      (n.children as (typeof n)[] | undefined)?.forEach(walk);
    };
    walk(saved.root);
    const registered = editorNodes.map((k) => k.getType()).filter((t) => !['autolink', 'tab'].includes(t));
    expect(registered.filter((t) => !types.has(t))).toEqual([]);
  });
});
