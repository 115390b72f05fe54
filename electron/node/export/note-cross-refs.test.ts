/**
 * A cross-reference to a note ("As note 7 shows") in both exports, read by programs we did
 * not write. DOCX: a NOTEREF field on a bookmark around the note's mark, its cached result the
 * number (python-docx's lxml reads document.xml; LibreOffice and pandoc read the file). PDF:
 * the number is an internal link to the note (pypdf).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fn, p, richConference, richTemplate, t } from '../../../shared/compile/fixtures';
import { compile, walkInlines } from '../../../shared/compile/compile';
import type { NoteRef } from '../../../shared/compile/model';
import { exportBytes, type ExportRequest } from './export-service';
import { type PdfStructure, pdfStructures } from './pdf-structure.testkit';
import { docxPart, pdfText, tempDir, tool } from './readers.testkit';
import { libreOfficeReview } from '../services/libreoffice-review.testkit';

const GALLAGHER = 'Anne Gallagher (2001)';

/** The rich conference with a note named "gallagher", a paragraph before it that cites it, and an early note that shifts its number. */
function request(format: 'docx' | 'pdf'): ExportRequest {
  const source = richConference();
  const unit = source.parts.find((x) => x.id === 'unit1')!;
  const kids = unit.doc.root.children as Record<string, unknown>[];
  const i = kids.findIndex((n) => JSON.stringify(n).includes(GALLAGHER));
  kids[i] = JSON.parse(
    JSON.stringify(kids[i]).replace(
      '"type":"footnote","version":1,"text":"Anne',
      '"type":"footnote","version":1,"id":"gallagher","text":"Anne',
    ),
  ) as Record<string, unknown>;
  expect(JSON.stringify(kids[i])).toContain('"id":"gallagher"');
  const partA = source.parts.find((x) => x.id === 'partA')!;
  (partA.doc.root.children as Record<string, unknown>[]).push(
    p('An early remark', fn('An early note.'), '.'),
    p('As note ', { type: 'note-ref', version: 1, noteId: 'gallagher' }, ' shows, trafficking is a crime.'),
  );
  // A second reference, after the note and pages later.
  const partB = source.parts.find((x) => x.id === 'partB')!;
  (partB.doc.root.children as Record<string, unknown>[]).push(
    p('Note ', { type: 'note-ref', version: 1, noteId: 'gallagher' }, ' gave the source.'),
  );
  return {
    source,
    template: richTemplate(),
    format,
    options: { partIds: null, annexes: false, watermark: false, issueDate: '2026-11-24' },
  };
}

/** The number the compile step gives the named note (what every reader must print). */
function expectedLabel(): { label: string; id: number } {
  const req = request('docx');
  const proc = compile(req.source, req.template!, { issueDate: '2026-11-24', ...req.options });
  const note = [...walkInlines(proc.sections.flatMap((s) => s.blocks))].find(
    (x): x is NoteRef => x.kind === 'note' && x.text.startsWith(GALLAGHER),
  )!;
  return { label: note.label, id: note.id };
}

interface DocxRefs {
  fields: { instr: string; result: string; paragraph: string }[];
  /** Each bookmark: its name and the footnote ids of the reference marks between its start and end. */
  bookmarks: { name: string; footnotes: string[] }[];
  footnotes: Record<string, string>;
}

/** The fields, bookmarks and footnotes of a DOCX as lxml reads its parts (through python-docx's package). */
function docxRefs(file: string): DocxRefs {
  const script = `
import docx, json, sys
from lxml import etree
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
d = docx.Document(sys.argv[1])
body = d.element.body
def text(e): return ''.join(x.text or '' for x in e.iter(W + 't'))
fields = [{'instr': f.get(W + 'instr'), 'result': text(f), 'paragraph': text(f.getparent())} for f in body.iter(W + 'fldSimple')]
bookmarks = []
for s in body.iter(W + 'bookmarkStart'):
    bid, marks, node = s.get(W + 'id'), [], s.getnext()
    while node is not None and not (node.tag == W + 'bookmarkEnd' and node.get(W + 'id') == bid):
        marks += [r.get(W + 'id') for r in node.iter(W + 'footnoteReference')]
        node = node.getnext()
    bookmarks.append({'name': s.get(W + 'name'), 'footnotes': marks})
part = next(p for p in d.part.package.iter_parts() if str(p.partname) == '/word/footnotes.xml')
notes = {f.get(W + 'id'): text(f) for f in etree.fromstring(part.blob).iter(W + 'footnote')}
print(json.dumps({'fields': fields, 'bookmarks': bookmarks, 'footnotes': notes}))
`;
  return JSON.parse(tool('/usr/bin/python3', ['-c', script, file])) as DocxRefs;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

let dir: string;
let docx: string;
let expected: { label: string; id: number };
beforeAll(async () => {
  dir = tempDir('note-refs');
  docx = path.join(dir, 'refs.docx');
  fs.writeFileSync(docx, (await exportBytes(request('docx'))).bytes);
  expected = expectedLabel();
}, 120_000);

describe('a cross-reference to a note in the DOCX', () => {
  it('is a NOTEREF field on a bookmark that wraps the named note’s mark, its cached result the note’s number', () => {
    // The early note comes first, so the named note is not note 1.
    expect(Number(expected.label)).toBeGreaterThan(1);
    const refs = docxRefs(docx);
    const fields = refs.fields.filter((f) => f.instr.startsWith('NOTEREF'));
    expect(fields.map((f) => [f.instr, f.result])).toEqual(
      [1, 2].map(() => [`NOTEREF _RefNote${expected.id} \\h`, expected.label]),
    );
    expect(fields[0]!.paragraph).toContain(`As note ${expected.label} shows`);
    expect(fields[1]!.paragraph).toContain(`Note ${expected.label} gave the source.`);
    const mark = refs.bookmarks.find((b) => b.name === `_RefNote${expected.id}`);
    expect(mark).toBeDefined();
    expect(mark!.footnotes).toHaveLength(1);
    expect(refs.footnotes[mark!.footnotes[0]!]).toContain(GALLAGHER);
    // Only the cited note is bookmarked for a cross-reference.
    expect(refs.bookmarks.filter((b) => b.name.startsWith('_RefNote'))).toHaveLength(1);
  });

  it('LibreOffice prints the number, and a DOCX it saves keeps the field and the bookmark for Word to renumber', () => {
    // One LibreOffice run prints the file and saves it again (its start-up is most of each conversion).
    const [pdf, resaved] = libreOfficeReview([
      { docx, mode: 'pdf' },
      { docx, mode: 'docx' },
    ]) as [string, string];
    expect(flat(pdfText(pdf))).toContain(`As note ${expected.label} shows`);
    // LibreOffice 7.4 does not compute NOTEREF itself (it shows the cached result), but keeps the field
    // when a LibreOffice user saves the file, so Word still renumbers it.
    const saved = docxRefs(resaved);
    expect(saved.bookmarks.find((b) => b.name === `_RefNote${expected.id}`)?.footnotes).toHaveLength(1);
    const xml = docxPart(resaved, 'word/document.xml');
    expect(xml).toContain(`NOTEREF _RefNote${expected.id} \\h`);
  }, 240_000);

  it('pandoc reads the document: the paragraph round the reference and the named note', () => {
    // pandoc 2.17 drops the result of a field it does not know (NOTEREF), so the number itself is not asserted here.
    const plain = flat(tool('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', docx]));
    expect(plain).toMatch(/As note \S* ?shows, trafficking is a crime\./);
    expect(plain).toContain(GALLAGHER);
  }, 60_000);
});

/**
 * The rich conference with a heading that calls a note, cited pages before it. A heading's words are
 * shown again in the contents: a label on its note would occur twice and stop Typst.
 */
const headingRequest = (footnotes: 'continuous' | 'endnotes'): ExportRequest => {
  const source = richConference();
  const partB = source.parts.find((x) => x.id === 'partB')!;
  (partB.doc.root.children as Record<string, unknown>[]).push({
    type: 'heading',
    version: 1,
    tag: 'h1',
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [t('A heading with a note'), { ...fn('Heading note.'), id: 'hn' }],
  });
  // Pages before it, so that the link cannot be one of the note's own.
  const partA = source.parts.find((x) => x.id === 'partA')!;
  (partA.doc.root.children as Record<string, unknown>[]).push(
    p('Note ', { type: 'note-ref', version: 1, noteId: 'hn' }, ' is in a heading.'),
  );
  const template = richTemplate();
  template.style.footnotes = footnotes;
  return {
    source,
    template,
    format: 'pdf',
    options: { partIds: null, annexes: false, watermark: false, issueDate: '2026-11-24' },
  };
};

/**
 * The Typst PDFs of the three cases (the cited note in the text, and in a heading with continuous
 * notes and with endnotes), made on first use and read by pypdf together: one python3 run.
 */
type TypstCase = 'text' | 'continuous' | 'endnotes';
let typstPdfs: Promise<Record<TypstCase, { file: string; structure: PdfStructure }>> | undefined;
const typstPdf = async (which: TypstCase) =>
  (
    await (typstPdfs ??= (async () => {
      const cases: [TypstCase, ExportRequest][] = [
        ['text', request('pdf')],
        ['continuous', headingRequest('continuous')],
        ['endnotes', headingRequest('endnotes')],
      ];
      const files: string[] = [];
      for (const [which, req] of cases) {
        const file = path.join(dir, which === 'text' ? 'typst-refs.pdf' : `heading-${which}.pdf`);
        fs.writeFileSync(file, (await exportBytes(req)).bytes);
        files.push(file);
      }
      const structures = pdfStructures(files);
      return Object.fromEntries(
        cases.map(([which], i) => [which, { file: files[i]!, structure: structures[i]! }]),
      ) as Record<TypstCase, { file: string; structure: PdfStructure }>;
    })())
  )[which];

describe('a cross-reference to a note in the PDF', () => {
  it('prints the number as an internal link to the note, from a page other than the note’s', async () => {
    const { file, structure } = await typstPdf('text');
    const pages = pdfText(file).split('\f').map(flat);
    expect(pages.some((x) => x.includes(`As note ${expected.label} shows`))).toBe(true);
    const refPage = pages.findIndex((x) => x.includes(`Note ${expected.label} gave the source.`));
    const notePage = pages.findIndex(
      (x) => x.includes(`${expected.label}${GALLAGHER}`) || x.includes(`${expected.label} ${GALLAGHER}`),
    );
    expect(refPage).toBeGreaterThanOrEqual(0);
    expect(notePage).toBeGreaterThanOrEqual(0);
    // On another page, so the link cannot be one of the note's own (call ↔ text, which stay on its page).
    expect(refPage).not.toBe(notePage);
    const internal = structure.links.filter((l) => l.uri === null && l.page === refPage + 1);
    expect(internal.map((l) => l.destPage)).toContain(notePage + 1);
  }, 300_000);
});

describe('a cross-reference to a note in a heading, in the PDF', () => {
  it.each([
    ['continuous', 'the heading', (x: string) => /A heading with a note\d/.test(x) && !x.includes('Contents')],
    ['endnotes', 'the endnote', (x: string) => /\d+\.? ?Heading note\./.test(x)],
  ] as const)(
    'lays out with %s notes and links the number to %s',
    async (mode, _target, isTarget) => {
      const { file, structure } = await typstPdf(mode);
      const pages = pdfText(file).split('\f').map(flat);
      const refPage = pages.findIndex((x) => /Note \d+ is in a heading\./.test(x));
      const targetPage = pages.findIndex(isTarget);
      expect(refPage).toBeGreaterThanOrEqual(0);
      expect(targetPage).toBeGreaterThanOrEqual(0);
      expect(refPage).not.toBe(targetPage);
      const internal = structure.links.filter((l) => l.uri === null && l.page === refPage + 1);
      expect(internal.map((l) => l.destPage)).toContain(targetPage + 1);
    },
    300_000,
  );
});
