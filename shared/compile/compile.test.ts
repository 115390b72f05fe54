import { describe, expect, it } from 'vitest';
import type { Template } from '../templates/schema';
import { compile, walkInlines } from './compile';
import { doc, fn, link, p, richConference, richFn, richTemplate, t } from './fixtures';

const el = (type: string, children: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  ...extra,
});
import type { Block, HeadingBlock, ListBlock, NoteRef, ParaBlock, Proceedings, TableBlock, TocBlock } from './model';
import { noteText } from '../i18n/export-notes';

const run = (
  template: Template = richTemplate(),
  opts: Partial<Parameters<typeof compile>[2]> = {},
  bulk = 1,
): Proceedings =>
  compile(richConference(bulk), template, {
    partIds: null,
    annexes: true,
    watermark: false,
    issueDate: '2026-11-24',
    ...opts,
  });

const blocks = (r: Proceedings): Block[] => r.sections.flatMap((s) => s.blocks);
const headings = (r: Proceedings) => blocks(r).filter((b): b is HeadingBlock => b.kind === 'heading');
const paras = (r: Proceedings) => blocks(r).filter((b): b is ParaBlock => b.kind === 'para');
const notes = (r: Proceedings) => [...walkInlines(blocks(r))].filter((i): i is NoteRef => i.kind === 'note');
const text = (b: ParaBlock) => b.content.map((i) => (i.kind === 'text' ? i.text : '')).join('');

describe('compile', () => {
  it('builds the masthead from the metadata', () => {
    const { cover } = run();
    expect(cover.symbol).toBe('LC/L.1234-P');
    expect(cover.issuingBodies).toHaveLength(2);
    expect(cover.original).toBe('Original: Spanish');
    // dated from the conference (its last day), not from the day of export
    expect(cover.date).toBe('22 November 2002');
    const undated = compile(
      { ...richConference(), meta: { ...richConference().meta, startDate: '', endDate: '' } },
      richTemplate(),
      { partIds: null, annexes: false, watermark: false, issueDate: '2026-11-24' },
    );
    expect(undated.cover.date).toBe('24 November 2026');
    expect(cover.placeAndDates).toBe('ECLAC headquarters, Santiago, Chile, 20–22 November 2002');
    expect(cover.series).toBe('Seminars and conferences No. 33');
  });

  it('numbers the parts with the template numbering and leaves front matter unnumbered', () => {
    const hs = headings(run()).map((h) => `${h.level}|${h.label}|${h.plain}`);
    expect(hs).toContain('1||Abstract');
    expect(hs).toContain('1|A.|Introduction and opening statements');
    expect(hs).toContain('2|Unit I.|International migration in the Americas');
    expect(hs).toContain('3|1.|Speakers');
    expect(hs).toContain('3|2.|Comments');
    expect(hs).toContain('1|B.|Trafficking in persons');
    expect(hs).toContain('1|Annex I|Table of recommendations');
    expect(hs).toContain('1|Annex III|List of participants');
  });

  it('numbers body paragraphs consecutively, not the front matter, with (a) sub-paragraphs', () => {
    const r = run();
    const numbered = paras(r)
      .filter((b) => b.number !== undefined)
      .map((b) => b.number);
    expect(numbered).toEqual(numbered.map((_, i) => i + 1));
    // The fixture's body holds seven numbered paragraphs; none numbered must fail here.
    expect(numbered).toHaveLength(7);
    expect(paras(r).find((b) => text(b).startsWith('The Conference was organized'))?.number).toBe(1);
    expect(paras(r).find((b) => text(b).startsWith('This document reports'))?.number).toBeUndefined();
    const objectives = blocks(r).find((b): b is ListBlock => b.kind === 'list' && b.subparagraphs);
    expect(objectives?.items.map((i) => i.label)).toEqual(['(a)', '(b)']);
    const unnumbered = compile(
      richConference(),
      { ...richTemplate(), style: { ...richTemplate().style, paragraphNumbering: false } },
      { partIds: null, annexes: true, watermark: false },
    );
    expect(paras(unnumbered).every((b) => b.number === undefined)).toBe(true);
  });

  it('numbers footnotes continuously, or per top-level part', () => {
    const cont = notes(run());
    expect(cont.map((n) => n.label)).toEqual(cont.map((_, i) => String(i + 1)));
    expect(cont.length).toBeGreaterThan(6);
    const perPart = notes(run({ ...richTemplate(), style: { ...richTemplate().style, footnotes: 'per-part' } }));
    expect(perPart.map((n) => n.label)).toContain('1');
    expect(perPart.filter((n) => n.label === '1').length).toBe(2);
    expect(new Set(perPart.map((n) => n.id)).size).toBe(perPart.length);
  });

  it('labels presentations and attributes speakers by footnote, inline or not at all', () => {
    const pres = paras(run()).filter((b) => b.style === 'presentation');
    expect(pres.map((b) => text(b).slice(0, 3))).toEqual(['(a)', '(b)']);
    const first = pres[0]!.content;
    const note = first.find((i): i is NoteRef => i.kind === 'note');
    expect(note?.text).toBe('Executive Officer/Legal Adviser, International Organization for Migration.');
    expect(text(pres[0]!)).toContain('Richard Perruchoud, Migration and human rights');

    const inline = paras(run({ ...richTemplate(), attribution: 'inline' })).find((b) => b.style === 'presentation')!;
    expect(text(inline)).toContain(
      'Richard Perruchoud, Executive Officer/Legal Adviser, International Organization for Migration, Migration',
    );
    expect(inline.content.some((i) => i.kind === 'note')).toBe(false);
    const none = paras(run({ ...richTemplate(), attribution: 'none' })).find((b) => b.style === 'presentation')!;
    expect(text(none)).toBe('(a)\tRichard Perruchoud, Migration and human rights');

    const moderator = paras(run()).find((b) => b.style === 'moderator')!;
    expect(text(moderator)).toBe('Moderator: Pilar Norza');
    const commentator = paras(run()).find((b) => b.style === 'commentator')!;
    expect(text(commentator)).toMatch(/^\(a\)\tPedro Oyarce: He said/);
  });

  it('a moderator or presentation that names no one takes the person from the programme; with none, no bare label is printed', () => {
    const src = richConference();
    const kids = src.parts.find((p) => p.id === 'unit1')!.doc.root.children as Record<string, unknown>[];
    const blank = (n: Record<string, unknown> | undefined) => {
      n!.speakerIds = [];
      n!.names = [];
    };
    blank(kids.find((n) => n.type === 'moderator'));
    blank(kids.find((n) => n.type === 'presentation'));
    const options = { partIds: null, annexes: false, watermark: false };
    const r = compile(src, richTemplate(), options);
    // The programme item of unit1: moderator Pilar Norza, speakers Perruchoud then Ryan.
    expect(text(paras(r).find((b) => b.style === 'moderator')!)).toBe('Moderator: Pilar Norza');
    expect(text(paras(r).find((b) => b.style === 'presentation')!)).toBe(
      '(a)\tRichard Perruchoud, Migration and human rights',
    );

    src.agenda.forEach((a) => {
      a.moderatorId = null;
    });
    const none = compile(src, richTemplate(), options);
    expect(paras(none).filter((b) => b.style === 'moderator')).toEqual([]);
    expect(
      paras(none)
        .map(text)
        .filter((t) => /person not set|^Moderator:\s*,?$/.test(t)),
    ).toEqual([]);
    expect(none.notes).toContainEqual({ key: 'moderatorUnset', values: {} });
  });

  it('adds no attribution note when the next sentence already notes the speaker', () => {
    const src = richConference();
    const unit = src.parts.find((p) => p.id === 'unit1')!;
    const kids = unit.doc.root.children as Record<string, unknown>[];
    const i = kids.findIndex((n) => n.type === 'presentation');
    kids.splice(
      i + 1,
      0,
      p('The first presentation was given by Mr. Perruchoud', fn('Legal Adviser of IOM.'), ', who spoke first.'),
    );
    const r = compile(src, richTemplate(), { partIds: null, annexes: false, watermark: false });
    const first = paras(r).find((b) => b.style === 'presentation')!;
    expect(first.content.some((x) => x.kind === 'note')).toBe(false);
    expect(notes(r).filter((n) => n.text.includes('Legal Adviser')).length).toBe(1);
    const second = paras(r).filter((b) => b.style === 'presentation')[1]!;
    expect(second.content.some((x) => x.kind === 'note')).toBe(true);
  });

  it('notes a speaker’s affiliation once, at the first block naming them, never beside the text’s own note', () => {
    const src = richConference();
    const unit = src.parts.find((x) => x.id === 'unit1')!;
    const kids = unit.doc.root.children as Record<string, unknown>[];
    const at = kids.findIndex((n) => n.type === 'presentation');
    // Live mode: the editor puts the speaker's note on the names; a later block names the same person.
    kids.splice(at, 1, { ...kids[at]!, children: [fn('Legal Adviser, IOM.'), t('Migration and human rights')] });
    kids.push(el('commentator', [t('He spoke again.')], { speakerIds: ['perruchoud'], names: ['Richard Perruchoud'] }));
    const r = compile(src, richTemplate(), { partIds: null, annexes: false, watermark: false });
    const first = paras(r).find((b) => b.style === 'presentation')!;
    expect(first.content.filter((x) => x.kind === 'note').map((x) => (x as NoteRef).text)).toEqual([
      'Legal Adviser, IOM.',
    ]);
    // the note stays on the name: "Richard Perruchoud¹, Migration and human rights"
    expect(first.content.map((x) => (x.kind === 'note' ? '¹' : x.kind === 'text' ? x.text : '')).join('')).toBe(
      '(a)\tRichard Perruchoud¹, Migration and human rights',
    );
    const again = paras(r)
      .filter((b) => b.style === 'commentator')
      .at(-1)!;
    expect(again.content.some((x) => x.kind === 'note')).toBe(false);
    expect(notes(r).filter((n) => n.origin === 'affiliation' && n.text.includes('Executive Officer'))).toHaveLength(0);
  });

  it('adds no note when the remark itself notes the commentator, allowing punctuation between name and note', () => {
    const src = richConference();
    const unit = src.parts.find((x) => x.id === 'unit1')!;
    const kids = unit.doc.root.children as Record<string, unknown>[];
    const at = kids.findIndex((n) => n.type === 'commentator');
    kids.splice(at, 1, {
      ...kids[at]!,
      children: [t('The next speaker was Mr. Pedro Oyarce,'), fn('Ambassador of Chile.'), t(' who said more.')],
    });
    const r = compile(src, richTemplate(), { partIds: null, annexes: false, watermark: false });
    const c = paras(r).find((b) => b.style === 'commentator')!;
    expect(c.content.filter((x) => x.kind === 'note')).toHaveLength(1);
  });

  it('moves a note that sits inside a person’s name to just after it', () => {
    const src = richConference();
    const unit = src.parts.find((x) => x.id === 'unit1')!;
    const kids = unit.doc.root.children as Record<string, unknown>[];
    kids.unshift(p('Opening words by Pilar No', fn('A misplaced note.'), 'rza, who welcomed all.'));
    const r = compile(src, richTemplate(), { partIds: null, annexes: false, watermark: false });
    const para = paras(r).find((b) => text(b).startsWith('Opening words'))!;
    expect(para.content.map((x) => (x.kind === 'note' ? '[n]' : x.kind === 'text' ? x.text : '')).join('')).toBe(
      'Opening words by Pilar Norza[n], who welcomed all.',
    );
  });

  it('builds the table of recommendations from every recommendation item', () => {
    const r = run();
    const table = blocks(r).find((b): b is TableBlock => b.kind === 'table' && b.role === 'recommendations')!;
    const rows = table.rows.map((row) =>
      row.cells.map((c) => c.blocks.map((b) => (b.kind === 'para' ? text(b) : '')).join('')),
    );
    expect(rows[0]).toEqual(['No.', 'Thematic area', 'Recommendation', 'Addressee(s)']);
    expect(table.rows[0]!.header).toBe(true);
    expect(rows.slice(1)).toEqual([
      [
        'A.I.3.i',
        'International migration in the Americas — Highlights of the unit',
        'Ratify the International Convention on migrant workers.',
        'States',
      ],
      [
        'A.I.3.ii',
        'International migration in the Americas — Highlights of the unit',
        'Strengthen consular protection.',
        'States and IOM',
      ],
      [
        'B.I.i',
        'Trafficking in persons — Gender and age considerations',
        'Adopt national plans against trafficking.',
        '',
      ],
    ]);
    // The wide table sits in a landscape section of its own.
    const section = r.sections.find((s) => s.blocks.includes(table))!;
    expect(section.orientation).toBe('landscape');
    expect(r.sections.indexOf(section)).toBeLessThan(r.sections.length - 1);
  });

  it('lists participants grouped by group, country and role', () => {
    const r = run();
    const groupHeadings = headings(r)
      .filter((h) => /^[A-Z]\. /.test(h.plain))
      .map((h) => h.plain);
    expect(groupHeadings).toEqual([
      'A. Member States',
      'C. United Nations Secretariat',
      'F. Other intergovernmental organizations',
    ]);
    const member = blocks(r).filter((b): b is TableBlock => b.kind === 'table' && b.role === 'participants')[0]!;
    const firstCells = member.rows.map((row) =>
      row.cells[0]!.blocks.map((b) => (b.kind === 'para' ? text(b) : '')).join(''),
    );
    expect(firstCells).toEqual([
      'Name',
      'CHILE',
      'Representative:',
      'Pedro Oyarce',
      'Delegation members:',
      'Ana Salinas',
      'UNITED STATES OF AMERICA',
      'Representative:',
      'Kelly Ryan',
    ]);
  });

  it('builds the programme from the agenda, linking sessions to their part', () => {
    const r = run();
    const prog = blocks(r).find((b): b is TableBlock => b.kind === 'table' && b.role === 'programme')!;
    expect(prog.rows.filter((row) => row.group).length).toBe(2);
    const unitRow = prog.rows.find((row) => JSON.stringify(row).includes('International migration in the Americas'))!;
    expect(JSON.stringify(unitRow.cells[0])).toContain('11:10 – 13:00');
    const link = JSON.stringify(unitRow.cells[1]).match(/"url":"#(h\d+)"/)?.[1];
    const unitHeading = headings(r).find((h) => h.plain === 'International migration in the Americas')!;
    expect(link).toBe(unitHeading.anchor);
  });

  it('fills the table of contents with every heading down to level 3', () => {
    const toc = blocks(run()).find((b): b is TocBlock => b.kind === 'toc')!;
    expect(toc.entries.map((e) => `${e.label} ${e.title}`.trim())).toContain(
      'Unit I. International migration in the Americas',
    );
    expect(toc.entries.some((e) => e.title === 'Contents')).toBe(false);
    expect(new Set(toc.entries.map((e) => e.anchor)).size).toBe(toc.entries.length);
  });

  it('adds the contents where the template has them even when the conference has no part for it', () => {
    const src = richConference();
    src.parts = src.parts.filter((p) => p.kind !== 'toc');
    const r = compile(src, richTemplate(), { partIds: null, annexes: true, watermark: false });
    const first = r.sections[0]!.blocks[0]!;
    expect(first.kind).toBe('toc');
    expect((first as TocBlock).entries.length).toBeGreaterThan(5);
  });

  it('adds generated annexes the template has when the conference has no part for them', () => {
    const src = richConference();
    src.parts = src.parts.filter((p) => p.kind !== 'annex-recommendations');
    const r = compile(src, richTemplate(), { partIds: null, annexes: true, watermark: false });
    const last = headings(r)
      .filter((h) => h.label.startsWith('Annex'))
      .map((h) => h.plain);
    expect(last).toEqual(['Table of recommendations', 'Programme of the conference', 'List of participants']);
    expect(blocks(r).some((b) => b.kind === 'table' && b.role === 'recommendations' && b.rows.length === 4)).toBe(true);
  });

  it('honours the options: chosen parts, no annexes', () => {
    const noAnnex = run(undefined, { annexes: false });
    expect(headings(noAnnex).some((h) => h.label.startsWith('Annex'))).toBe(false);
    expect(noAnnex.sections.every((s) => s.orientation === 'portrait')).toBe(true);
    const onlyB = run(undefined, { partIds: ['partB'] });
    expect(headings(onlyB).map((h) => h.plain)).toEqual(['Trafficking in persons', 'Gender and age considerations']);
    expect(run(undefined, { watermark: true }).watermark).toBe(true);
  });

  it('survives unknown nodes and odd documents, and says what it did', () => {
    const r = run();
    expect(r.notes).toContainEqual({ key: 'unknownElement', values: { type: 'mystery-widget' } });
    // Worded at the edge in the user's language.
    expect(r.notes.map((n) => noteText(n, 'en')).join(' ')).toContain('Unknown element “mystery-widget” was exported');
    expect(r.notes.map((n) => noteText(n, 'es')).join(' ')).toContain('El elemento desconocido «mystery-widget»');
    expect(paras(r).some((b) => text(b).includes('Text inside an element the exporter does not know.'))).toBe(true);
    const odd = richConference();
    odd.parts.push({
      id: 'odd',
      parentId: null,
      kind: 'no-such-kind',
      title: 'Odd',
      doc: doc(p('x', fn('')), { type: 'gadget' } as never, { type: 'paragraph' } as never),
    });
    const r2 = compile(odd, richTemplate(), { partIds: null, annexes: true, watermark: false });
    expect(r2.notes).toContainEqual({
      key: 'unknownPartKind',
      values: { title: 'Odd', kind: 'no-such-kind', template: richTemplate().id },
    });
    expect(r2.notes.map((n) => noteText(n, 'fr')).join(' ')).toContain('est de type «\u00a0no-such-kind\u00a0»');
  });
});

describe('addresses written as text', () => {
  it('become links: e-mail as mailto, www as https, sentence punctuation left outside', async () => {
    const { autolink } = await import('./autolink');
    const out = autolink({
      kind: 'text',
      text: 'Write to info@unitar.org or see www.unitar.org. (http://x.org/a?b=1), not a.b',
      italic: true,
    });
    expect(
      out.map((r) => (r.kind === 'link' ? `[${r.children[0]!.text}→${r.url}]` : r.kind === 'text' ? r.text : '')),
    ).toEqual([
      'Write to ',
      '[info@unitar.org→mailto:info@unitar.org]',
      ' or see ',
      '[www.unitar.org→https://www.unitar.org]',
      '. (',
      '[http://x.org/a?b=1→http://x.org/a?b=1]',
      '), not a.b',
    ]);
    expect(out.every((r) => r.kind !== 'text' || r.italic)).toBe(true);
    // a long line of word characters is handled in one pass
    expect(autolink({ kind: 'text', text: `${'a'.repeat(200_000)}@` })).toHaveLength(1);
  });
});

describe('cross-references to notes', () => {
  it('print the note’s number wherever it ends up, before or after the note, and say when the note is missing', () => {
    const src = richConference();
    const unit = src.parts.find((x) => x.id === 'unit1')!;
    const kids = unit.doc.root.children as Record<string, unknown>[];
    kids.unshift(
      p(
        'As note ',
        { type: 'note-ref', version: 1, noteId: 'gallagher' },
        ' shows, and note ',
        { type: 'note-ref', version: 1, noteId: 'gone' },
        ' once did.',
      ),
    );
    const i = kids.findIndex((n) => JSON.stringify(n).includes('Anne Gallagher'));
    kids[i] = JSON.parse(
      JSON.stringify(kids[i]).replace(
        '"type":"footnote","version":1,"text":"Anne Gallagher',
        '"type":"footnote","version":1,"id":"gallagher","text":"Anne Gallagher',
      ),
    );
    const label = (r: Proceedings) => notes(r).find((n) => n.text.startsWith('Anne Gallagher'))!.label;
    const said = (r: Proceedings) => text(paras(r).find((b) => text(b).startsWith('As note'))!);
    const r = compile(src, richTemplate(), { partIds: null, annexes: false, watermark: false });
    expect(said(r)).toBe(`As note ${label(r)} shows, and note ? once did.`);
    expect(r.notes).toContainEqual({ key: 'noteNotInExport', values: {} });
    // Another note before it: the reference follows the renumbering.
    const abstract = src.parts.find((x) => x.id === 'abstract')!;
    (abstract.doc.root.children as Record<string, unknown>[]).push(p('An early remark', fn('An early note.'), '.'));
    const r2 = compile(src, richTemplate(), { partIds: null, annexes: false, watermark: false });
    expect(Number(label(r2))).toBe(Number(label(r)) + 1);
    expect(said(r2)).toBe(`As note ${label(r2)} shows, and note ? once did.`);
  });
});

describe('notes of rich text', () => {
  const withNotes = (...extra: Record<string, unknown>[]) => {
    const src = richConference();
    const abstract = src.parts.find((x) => x.id === 'abstract')!;
    (abstract.doc.root.children as Record<string, unknown>[]).unshift(...extra);
    return compile(src, richTemplate(), { partIds: ['abstract'], annexes: false, watermark: false });
  };

  it('carry their italics, bold and links into the model, numbered like any note', () => {
    const r = withNotes(
      p(
        'Cited',
        richFn(
          t('See '),
          t('Social Panorama', 2),
          t(' and the '),
          t('data', 1),
          t(' at '),
          link('https://www.cepal.org/en', 'CEPALSTAT'),
          t('.'),
        ),
        ' here.',
      ),
    );
    const note = notes(r)[0]!;
    expect(note.label).toBe('1');
    expect(note.text).toBe('See Social Panorama and the data at CEPALSTAT.');
    expect(note.content).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'text', text: 'Social Panorama', italic: true },
      { kind: 'text', text: ' and the ' },
      { kind: 'text', text: 'data', bold: true },
      { kind: 'text', text: ' at ' },
      { kind: 'link', url: 'https://www.cepal.org/en', children: [{ kind: 'text', text: 'CEPALSTAT' }] },
      { kind: 'text', text: '.' },
    ]);
    // The note's words are not the paragraph's.
    expect(text(paras(r).find((b) => text(b).startsWith('Cited'))!)).toBe('Cited here.');
  });

  it('read notes of earlier versions (plain text), linking their bare addresses, and print no empty rich note', () => {
    const r = withNotes(
      p('Old', fn('Available at www.un.org/sg.'), ' and plain', fn('Just words.'), ' and empty', richFn(t('  ')), '.'),
    );
    const [old, plain, ...rest] = notes(r);
    expect(rest).toEqual([]);
    expect(old!.text).toBe('Available at www.un.org/sg.');
    expect(old!.content?.find((c) => c.kind === 'link')).toEqual({
      kind: 'link',
      url: 'https://www.un.org/sg',
      children: [{ kind: 'text', text: 'www.un.org/sg' }],
    });
    expect(plain).toMatchObject({ text: 'Just words.', label: '2' });
    expect(plain!.content).toBeUndefined();
  });

  it('keep a rich note out of the attributed names: its words are not the moderator line', () => {
    const r = withNotes({
      type: 'moderator',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      speakerIds: ['norza'],
      names: [],
      children: [richFn(t('Chair', 2))],
    });
    const mod = paras(r).find((b) => b.style === 'moderator')!;
    // The registry names the moderator (the note's words are not a person line), and the note follows the name.
    expect(mod.content.some((c) => c.kind === 'text' && c.charStyle === 'speaker-name')).toBe(true);
    expect(mod.content.filter((c): c is NoteRef => c.kind === 'note').map((n) => n.content)).toEqual([
      [{ kind: 'text', text: 'Chair', italic: true }],
    ]);
  });
});
