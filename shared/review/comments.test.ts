/** Comment marks in a part's document: what the compile step makes of them (never printed), and the thread ids found in it. */
import { describe, expect, it } from 'vitest';
import { compile, walkInlines } from '../compile/compile';
import { doc, link, p, richConference, richTemplate, t } from '../compile/fixtures';
import type { Proceedings, TextRun } from '../compile/model';
import { docProblem } from '../elements/doc-schema';
import { typstInput } from '../export/typst/typst-data';
import { markedTextOf, markIdsOf } from './comments';
import { commentRunCounts, withExportedComments } from './comments-export';

const mark = (ids: string[], ...children: Record<string, unknown>[]) => ({
  type: 'mark',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  ids,
  children,
});
const commented = doc(
  p('Delegations agreed that ', mark(['c1'], t('the protection of migrants'), t(' is shared', 1)), ' by all.'),
  p(mark(['c1', 'c2'], t('Overlapping ')), mark(['c2'], link('https://www.iom.int', 'IOM website')), ' end.'),
);

function compiled(): Proceedings {
  const src = richConference();
  const parts = src.parts.map((x) => (x.id === 'partB' ? { ...x, doc: commented } : x));
  return compile({ ...src, parts }, richTemplate(), {
    partIds: null,
    annexes: false,
    watermark: false,
    issueDate: '2026-11-30',
  });
}
const runs = (proc: Proceedings): TextRun[] =>
  [...walkInlines(proc.sections.flatMap((s) => s.blocks))].flatMap((i) =>
    i.kind === 'text' ? [i] : i.kind === 'link' ? i.children : [],
  );

describe('comment marks', () => {
  it('are a valid element of a part’s document (the store saves them), with ids only of the allowed shape', () => {
    expect(docProblem(commented)).toBeNull();
    expect(docProblem(doc(p(mark(['bad id'], t('x')))))).toMatch(/mark element of the document is malformed/);
  });

  it('print their text and nothing of their own: the runs carry the thread ids, which the PDF’s input never holds', () => {
    const proc = compiled();
    const marked = runs(proc).filter((r) => r.comments);
    expect(marked.map((r) => [r.text, r.comments])).toEqual([
      ['the protection of migrants', ['c1']],
      [' is shared', ['c1']],
      ['Overlapping ', ['c1', 'c2']],
      ['IOM website', ['c2']],
    ]);
    expect(marked[1]!.bold).toBe(true);
    expect(proc.notes.join(' ')).not.toMatch(/mark/i);
    const para = JSON.stringify(typstInput(proc));
    expect(para).toContain('the protection of migrants');
    expect(para).toContain('IOM website');
    expect(para).not.toMatch(/"comments"|"c1"|"c2"/);
  });

  it('inside a link (part of its text commented) keep the link’s whole text, the commented words carrying the thread id', () => {
    const src = richConference();
    const inLink = doc(
      p(
        'See ',
        {
          type: 'link',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          url: 'https://www.iom.int/commented',
          children: [t('the '), mark(['c5'], t('IOM')), t(' website')],
        },
        '.',
      ),
    );
    expect(docProblem(inLink)).toBeNull();
    const proc = compile(
      { ...src, parts: src.parts.map((x) => (x.id === 'partB' ? { ...x, doc: inLink } : x)) },
      richTemplate(),
      { partIds: null, annexes: false, watermark: false, issueDate: '2026-11-30' },
    );
    const linkRun = [...walkInlines(proc.sections.flatMap((s) => s.blocks))].find(
      (i) => i.kind === 'link' && i.url === 'https://www.iom.int/commented',
    );
    expect(linkRun).toMatchObject({
      kind: 'link',
      children: [{ text: 'the ' }, { text: 'IOM', comments: ['c5'] }, { text: ' website' }],
    });
  });

  it('are attached to the proceedings only for threads anchored in the compiled text', () => {
    const proc = compiled();
    expect(Object.fromEntries(commentRunCounts(proc))).toEqual({ c1: 3, c2: 2 });
    const thread = (id: string) => ({
      id,
      resolved: false,
      messages: [{ author: 'A', date: '2026-11-30T10:00:00Z', text: 'Hi' }],
    });
    expect(withExportedComments(proc, [thread('c1'), thread('gone')]).comments?.map((c) => c.id)).toEqual(['c1']);
    expect(withExportedComments(proc, [thread('gone')]).comments).toBeUndefined();
    expect(withExportedComments(proc, undefined)).toBe(proc);
  });

  it('are found in a document with the text under each', () => {
    expect([...markIdsOf(commented)].sort()).toEqual(['c1', 'c2']);
    expect(Object.fromEntries(markedTextOf(commented))).toEqual({
      c1: 'the protection of migrants is shared Overlapping',
      c2: 'Overlapping IOM website',
    });
  });
});
