import { describe, expect, it } from 'vitest';
import { contract } from '../contract/api';
import { doc, fn, h, link, ol, p, richConference, richFn, t } from '../compile/fixtures';
import { docToPlainText } from '../model/doc-text';
import { DOC_LIMITS, docProblem } from './doc-schema';
import { walkDoc } from './walk';

type N = Record<string, unknown>;
const el = (type: string, children: N[], extra: N = {}): N => ({
  type,
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  ...extra,
});

/** Lists nested `levels` deep: list > item > list > item … */
function nested(levels: number): N {
  let inner: N = el('listitem', [t('deepest')], { value: 1 });
  for (let i = 0; i < levels; i++)
    inner = el('listitem', [el('list', [inner], { listType: 'bullet', start: 1, tag: 'ul' })], { value: 1 });
  return el('list', [inner], { listType: 'bullet', start: 1, tag: 'ul' });
}

describe('the document schema of the element registry', () => {
  it('accepts every part of the rich fixture except the element of unknown kind', () => {
    const parts = richConference().parts;
    const problems = parts.map((x) => docProblem(x.doc)).filter(Boolean);
    expect(problems).toEqual(['The document holds an element of an unknown kind (“mystery-widget”).']);
  });

  it('refuses a part nested 5,000 levels deep, quickly and without recursion', () => {
    const deep = doc(nested(2_500));
    expect(docProblem(deep)).toMatch(/nested more than 48 levels deep/);
    // The walker itself goes all the way down without overflowing the stack.
    let max = 0;
    walkDoc(deep.root as N, {
      enter: (_n, d) => {
        max = Math.max(max, d);
      },
    });
    expect(max).toBeGreaterThan(5_000);
    // Within the bound it is accepted.
    expect(docProblem(doc(nested(20)))).toBeNull();
  });

  it('refuses too many elements and too many characters', () => {
    const many = doc(...Array.from({ length: 2_000 }, () => p('x')));
    expect(docProblem(many, { ...DOC_LIMITS, nodes: 1_000 })).toMatch(/more than 1,000 elements/);
    expect(docProblem(doc(p('y'.repeat(5_000))), { ...DOC_LIMITS, chars: 1_000_000 / 1_000 })).toMatch(
      /million characters/,
    );
    // A note's body counts like any other text.
    expect(docProblem(doc(p(richFn(t('z'.repeat(5_000))))), { ...DOC_LIMITS, chars: 1_000_000 / 1_000 })).toMatch(
      /million characters/,
    );
    const manyRuns = doc(p(richFn(...Array.from({ length: 2_000 }, () => t('r', 2)))));
    expect(docProblem(manyRuns, { ...DOC_LIMITS, nodes: 1_000 })).toMatch(/more than 1,000 elements/);
  });

  it('names malformed fields, misplaced children and non-documents', () => {
    expect(docProblem(doc(el('heading', [t('x')], { tag: 'h9' })))).toMatch(/heading element .* malformed \(tag/);
    expect(docProblem(doc(el('list', [p('not an item')], { listType: 'number' })))).toBe(
      'A list may hold only listitem elements, not “paragraph”.',
    );
    expect(docProblem(doc(p({ type: 'footnote', version: 1, text: 42 } as N)))).toMatch(
      /footnote element .* malformed \(text/,
    );
    expect(docProblem(doc(p({ type: 'note-ref', version: 1, noteId: 'a', children: [t('x')] })))).toMatch(
      /cannot hold other elements/,
    );
    // A note's body holds runs and links, never blocks or notes within the note.
    expect(docProblem(doc(p({ ...fn('note'), children: [p('x')] })))).toBe(
      'A footnote may hold only text, linebreak, tab, link, autolink elements, not “paragraph”.',
    );
    expect(docProblem(doc(p(richFn(t('See '), fn('inner')))))).toMatch(/footnote may hold only .* not “footnote”/);
    expect(
      docProblem(
        doc(p(richFn(t('See '), link('javascript:x', 'y', 2)), { type: 'footnote', version: 1, text: 'old' })),
      ),
    ).toBeNull();
    expect(docProblem(doc(p(richFn(t('x'.repeat(2_000)))))), 'within the limits').toBeNull();
    expect(docProblem({ root: { type: 'paragraph', children: [] } })).toMatch(/not a part’s document/);
    expect(
      docProblem(doc(h(2, 'Fine'), ol(['a', 'b'], { numberFormat: 'lower-roman', role: 'recommendations' }))),
    ).toBeNull();
    expect(docProblem(doc(ol(['a'], { numberFormat: 'klingon' })))).toMatch(/list element .* malformed/);
  });

  it('is what savePart validates: the request is refused with the schema’s message', () => {
    const base = { handle: 'h', partId: 'p1', baseRevision: 1 };
    expect(contract.savePart.input.safeParse({ ...base, doc: doc(p('ok')) }).success).toBe(true);
    const bad = contract.savePart.input.safeParse({ ...base, doc: doc(nested(100)) });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/nested more than 48 levels/);
  });

  it('gives the plain text each element declares (word counts, search)', () => {
    const d = doc(
      el('presentation', [t('Paper title')], { speakerIds: [], names: ['Ana Ruiz'] }),
      p('Text', fn('A note.'), '.'),
      el('run-in', [t('follow.')], { label: 'Recommendations:' }),
      el('epigraph', [t('Words')], { attribution: 'Poet' }),
      p('Rich', richFn(t('See '), t('Nature', 2), t(', '), link('https://x.org', 'online')), '.'),
    );
    expect(docToPlainText(d)).toBe(
      'Ana Ruiz, Paper title\nText A note. .\nRecommendations: follow.\nWords Poet\nRich See Nature, online .',
    );
  });
});
