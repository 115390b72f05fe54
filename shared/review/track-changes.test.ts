import { describe, expect, it } from 'vitest';
import { compile } from '../compile/compile';
import { doc, fn, ol, p, richConference, richTemplate, ul } from '../compile/fixtures';
import type { Block, Inline, ListBlock, ParaBlock, Proceedings, TableBlock } from '../compile/model';
import type { RevisedFigure, RevisedNote, RevisedRow, RevisedText } from './revision-model';
import { trackChanges } from './track-changes';
import { diffText, splitWords } from './word-diff';
import { noteText } from '../i18n/export-notes';

const opts = { partIds: null, annexes: true, watermark: false, issueDate: '2026-11-24' };
const proceedings = (change?: (c: ReturnType<typeof richConference>) => void): Proceedings => {
  const c = richConference();
  change?.(c);
  return compile(c, richTemplate(), opts);
};
const track = (before: Proceedings, after: Proceedings) =>
  trackChanges({ before, after, snapshotName: 'Draft', author: 'Editor', date: '2026-11-30T08:00:00Z' });

const blocks = (proc: Proceedings): Block[] => proc.sections.flatMap((s) => s.blocks);
const runs = (content: Inline[]): RevisedText[] =>
  content.flatMap((r) =>
    r.kind === 'text' ? [r as RevisedText] : r.kind === 'link' ? (r.children as RevisedText[]) : [],
  );
/** The text after Accept All (current) or Reject All (snapshot) of inline content. */
const resolve = (content: Inline[], keep: 'ins' | 'del') =>
  runs(content)
    .filter((r) => !r.revision || r.revision.type === keep)
    .map((r) => r.text)
    .join('');
const paraWith = (proc: Proceedings, text: string) =>
  blocks(proc).find(
    (b): b is ParaBlock =>
      b.kind === 'para' &&
      runs(b.content)
        .map((r) => r.text)
        .join('')
        .includes(text),
  )!;

describe('word differences', () => {
  it('splits words, spaces and punctuation and joins them back', () => {
    expect(splitWords('held in Santiago, Chile.')).toEqual([
      'held',
      ' ',
      'in',
      ' ',
      'Santiago',
      ',',
      ' ',
      'Chile',
      '.',
    ]);
    expect(splitWords('l’Amérique du Sud').join('')).toBe('l’Amérique du Sud');
  });

  it('shows a changed phrase as deleted words then inserted words', () => {
    expect(diffText('The big red dog barked.', 'The small grey dog barked.')).toEqual([
      { op: 'eq', text: 'The ' },
      { op: 'del', text: 'big red' },
      { op: 'ins', text: 'small grey' },
      { op: 'eq', text: ' dog barked.' },
    ]);
  });

  it('starts a deleted sentence where the sentence starts, not at a repeated word inside it', () => {
    expect(
      diffText(
        'The meeting opened at ten. The delegates adopted the agenda.',
        'The delegates adopted the agenda. Lunch followed.',
      ),
    ).toEqual([
      { op: 'del', text: 'The meeting opened at ten. ' },
      { op: 'eq', text: 'The delegates adopted the agenda.' },
      { op: 'ins', text: ' Lunch followed.' },
    ]);
    expect(diffText('He said: yes, yes, no.', 'He said: yes, no.')).toEqual([
      { op: 'eq', text: 'He said: ' },
      { op: 'del', text: 'yes, ' },
      { op: 'eq', text: 'yes, no.' },
    ]);
  });
});

describe('tracked changes between two compiled proceedings', () => {
  it('nothing changed: no revision anywhere', () => {
    const r = track(proceedings(), proceedings());
    expect(r.changes).toBe(0);
    expect(JSON.stringify(r.proceedings.sections)).not.toContain('"revision"');
    expect(noteText(r.proceedings.notes.at(-1)!, 'en')).toContain('Nothing has changed since the snapshot “Draft”');
    expect(noteText(r.proceedings.notes.at(-1)!, 'es')).toBe(
      'Nada ha cambiado desde la versión guardada «Draft»; el documento no tiene revisiones.',
    );
  });

  it('a changed word is a deletion and an insertion inside the kept paragraph, with author and date', () => {
    const after = proceedings((c) => {
      c.parts.find((x) => x.id === 'abstract')!.doc = doc(
        p('This document reports on the meeting held in Valparaíso.'),
      );
    });
    const before = proceedings((c) => {
      c.parts.find((x) => x.id === 'abstract')!.doc = doc(p('This document reports on the meeting held in Santiago.'));
    });
    const r = track(before, after);
    const para = paraWith(r.proceedings, 'Valparaíso');
    const changed = runs(para.content).filter((x) => x.revision && !x.paragraphMark);
    expect(changed.map((x) => [x.revision!.type, x.text])).toEqual([
      ['del', 'Santiago'],
      ['ins', 'Valparaíso'],
    ]);
    expect(changed[0]!.revision).toMatchObject({ author: 'Editor', date: '2026-11-30T08:00:00Z' });
    expect(resolve(para.content, 'ins')).toBe('This document reports on the meeting held in Valparaíso.');
    expect(resolve(para.content, 'del')).toBe('This document reports on the meeting held in Santiago.');
    expect(r.changes).toBe(1);
  });

  it('a deleted paragraph comes back marked deleted, its end included; an added part is marked inserted', () => {
    const before = proceedings();
    const after = proceedings((c) => {
      const a = c.parts.find((x) => x.id === 'partA')!;
      (a.doc.root.children as unknown[]).splice(2, 1); // "Its objectives were the following:"
      c.parts.splice(
        c.parts.findIndex((x) => x.id === 'recs'),
        0,
        { id: 'closing', parentId: 'partB', kind: 'unit', title: 'Closing', doc: doc(p('The report was adopted.')) },
      );
    });
    const r = track(before, after);
    const gone = paraWith(r.proceedings, 'Its objectives were the following');
    expect(runs(gone.content).every((x) => x.revision?.type === 'del')).toBe(true);
    expect(runs(gone.content).some((x) => x.paragraphMark)).toBe(true);
    const added = paraWith(r.proceedings, 'The report was adopted.');
    expect(runs(added.content).every((x) => x.revision?.type === 'ins')).toBe(true);
    const heading = blocks(r.proceedings).find((b) => b.kind === 'heading' && b.plain === 'Closing');
    expect(heading).toMatchObject({ label: '' });
    // The heading's label is part of what was inserted ("Unit II. ").
    expect(heading && heading.kind === 'heading' && resolve(heading.text, 'ins')).toBe('Unit II. Closing');
    expect(heading && heading.kind === 'heading' && resolve(heading.text, 'del')).toBe('');
    // Deleted blocks keep their order: the deleted paragraph stands between its old neighbours.
    const texts = blocks(r.proceedings)
      .filter((b): b is ParaBlock => b.kind === 'para')
      .map((b) =>
        runs(b.content)
          .map((x) => x.text)
          .join(''),
      );
    const at = texts.findIndex((t) => t.includes('Its objectives'));
    expect(texts[at - 1]).toContain('The Conference was organized jointly');
  });

  it('lists item by item, tables cell by cell, notes inside the note', () => {
    const before = proceedings();
    const after = proceedings((c) => {
      const a = c.parts.find((x) => x.id === 'partA')!;
      const kids = a.doc.root.children as unknown[];
      kids[1] = p(
        'The Conference was organized jointly by ECLAC and IOM',
        fn('See the list of participants in annex II.'),
        '.',
      );
      kids[3] = ol(['To analyse the situation of migrants;']);
      const unit = c.parts.find((x) => x.id === 'unit1')!;
      unit.doc = JSON.parse(JSON.stringify(unit.doc).replace('"195"', '"210"')) as typeof unit.doc;
    });
    const r = track(before, after);
    const list = blocks(r.proceedings).find(
      (b): b is ListBlock => b.kind === 'list' && JSON.stringify(b).includes('To analyse the situation'),
    )!;
    expect(list.items).toHaveLength(2);
    expect(runs((list.items[0]!.blocks[0] as ParaBlock).content).some((x) => x.revision)).toBe(false);
    expect(runs((list.items[1]!.blocks[0] as ParaBlock).content).every((x) => x.revision?.type === 'del')).toBe(true);

    const table = blocks(r.proceedings).find(
      (b): b is TableBlock => b.kind === 'table' && JSON.stringify(b).includes('Argentina'),
    )!;
    const chile = table.rows.find((row) => JSON.stringify(row).includes('Chile'))! as RevisedRow;
    expect(chile.revision).toBeUndefined();
    const cell = runs((chile.cells[1]!.blocks[0] as ParaBlock).content).filter((x) => !x.paragraphMark);
    expect(cell.map((x) => [x.revision?.type, x.text])).toEqual([
      ['del', '195'],
      ['ins', '210'],
    ]);

    const para = paraWith(r.proceedings, 'The Conference was organized jointly');
    const note = para.content.find((x) => x.kind === 'note') as RevisedNote;
    expect(note.revision).toBeUndefined();
    expect(note.revisedText!.filter((x) => x.revision).map((x) => [x.revision!.type, x.text])).toEqual([
      ['del', 'III'],
      ['ins', 'II'],
    ]);
    // The sentences cut from the paragraph are deleted words, not a deleted paragraph.
    expect(runs(para.content).some((x) => x.paragraphMark)).toBe(false);
    expect(resolve(para.content, 'ins')).toBe('The Conference was organized jointly by ECLAC and IOM.');
  });

  it('a changed attribution of a quotation is marked word by word, as the paragraph Word shows', () => {
    const after = proceedings((c) => {
      const a = c.parts.find((x) => x.id === 'partA')!;
      a.doc = JSON.parse(
        JSON.stringify(a.doc).replace('"attribution":"Richard Perruchoud"', '"attribution":"R. Perruchoud, IOM"'),
      ) as typeof a.doc;
    });
    const r = track(proceedings(), after);
    const attribution = paraWith(r.proceedings, 'Perruchoud, IOM');
    expect(attribution.style).toBe('attribution');
    expect(resolve(attribution.content, 'ins')).toBe('— R. Perruchoud, IOM');
    expect(resolve(attribution.content, 'del')).toBe('— Richard Perruchoud');
    const quote = blocks(r.proceedings).find((b) => b.kind === 'quote' && b.variant === 'epigraph');
    expect(quote).toMatchObject({ kind: 'quote' });
    expect(quote && quote.kind === 'quote' && quote.attribution).toBeUndefined();
  });

  it('says when a block could only be marked whole, because it became another kind', () => {
    const after = proceedings((c) => {
      const kids = c.parts.find((x) => x.id === 'partA')!.doc.root.children as unknown[];
      kids[2] = ul(['Its objectives were the following:']);
    });
    const r = track(proceedings(), after);
    expect(r.proceedings.notes.map((n) => noteText(n, 'en'))).toContain(
      '“Its objectives were the following:” went from a paragraph to a list; Word can only mark that as a whole: the paragraph deleted, the list inserted.',
    );
    expect(r.proceedings.notes.map((n) => noteText(n, 'es'))).toContain(
      '«Its objectives were the following:» cambió de tipo (párrafo → lista); Word solo puede marcar ese cambio en bloque: el elemento anterior eliminado y el nuevo insertado.',
    );
    expect(r.proceedings.notes.map((n) => noteText(n, 'fr'))).toContain(
      '«\u00A0Its objectives were the following:\u00A0» a changé de nature (paragraphe → liste)\u00A0; Word ne peut marquer ce changement qu’en bloc\u00A0: l’ancien élément supprimé, le nouveau inséré.',
    );
    // Given once, however many times the tracker meets it.
    expect(r.proceedings.notes.filter((n) => noteText(n, 'en').includes('went from'))).toHaveLength(1);
    expect(
      track(proceedings(), proceedings()).proceedings.notes.some((n) => noteText(n, 'en').includes('went from')),
    ).toBe(false);
  });

  it('figures: a changed caption word by word; a deleted figure comes back marked deleted, picture included', () => {
    const recaption = proceedings((c) => {
      const u = c.parts.find((x) => x.id === 'unit1')!;
      u.doc = JSON.parse(JSON.stringify(u.doc).replace('(1970-1990)', '(1970-2000)')) as typeof u.doc;
    });
    const fig = (proc: Proceedings) => blocks(proc).find((b) => b.kind === 'figure') as RevisedFigure;
    const changed = fig(track(proceedings(), recaption).proceedings);
    expect(changed.revision).toBeUndefined();
    expect(changed.captionRuns!.filter((r) => r.revision).map((r) => [r.revision!.type, r.text])).toEqual([
      ['del', '1990'],
      ['ins', '2000'],
    ]);
    const without = proceedings((c) => {
      const u = c.parts.find((x) => x.id === 'unit1')!;
      (u.doc.root.children as { type: string }[]).splice(
        (u.doc.root.children as { type: string }[]).findIndex((n) => n.type === 'figure'),
        1,
      );
    });
    const gone = fig(track(proceedings(), without).proceedings);
    expect(gone.revision?.type).toBe('del');
    expect(gone.captionRuns!.every((r) => r.revision?.type === 'del')).toBe(true);
  });

  it('revision ids are unique across the document', () => {
    const after = proceedings((c) => {
      c.parts.find((x) => x.id === 'partB')!.doc = doc(p('Entirely new text.'));
    });
    const r = track(proceedings(), after);
    const ids: number[] = [];
    JSON.stringify(r.proceedings.sections, (k, v: unknown) => {
      if (k === 'revision') ids.push((v as { id: number }).id);
      return v;
    });
    expect(ids.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
