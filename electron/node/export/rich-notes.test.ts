/**
 * Notes of rich text (italics, bold, links) in both exports, judged by programs we did not
 * write: python-docx reads the DOCX's footnotes part and its relationships; pypdf and
 * pdftotext read the PDF that Typst laid out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fn, link, p, richConference, richFn, richTemplate, t } from '../../../shared/compile/fixtures';
import { exportBytes, type ExportRequest } from './export-service';
import { pdfStructure } from './pdf-structure.testkit';
import { pdfText, tempDir, tool } from './readers.testkit';

const URL = 'https://www.cepal.org/en/publications';
const ITALIC = 1 << 1;
const BOLD = 1;

function request(format: 'docx' | 'pdf'): ExportRequest {
  const source = richConference();
  const abstract = source.parts.find((x) => x.id === 'abstract')!;
  (abstract.doc.root.children as Record<string, unknown>[]).push(
    p(
      'The panorama was cited',
      richFn(
        t('See '),
        t('Social Panorama of Latin America', ITALIC),
        t(', '),
        t('chapter II', BOLD),
        t(', at '),
        link(URL, 'the ECLAC site'),
        t('.'),
      ),
      ' by all.',
    ),
    // A note of an earlier version: plain text, its address written out.
    p('An older note', fn('The Secretary-General’s page, www.un.org/sg.'), '.'),
  );
  return {
    source,
    template: richTemplate(),
    format,
    options: { partIds: ['abstract'], annexes: false, watermark: false, issueDate: '2026-11-24' },
  };
}

interface DocxNote {
  text: string;
  italic: string[];
  bold: string[];
  links: { url: string; text: string; external: boolean }[];
}

/** Each footnote of a DOCX as python-docx's package reads it: its words, italic and bold runs, hyperlinks resolved through the part's relationships. */
function docxNotes(file: string): DocxNote[] {
  const script = `
import docx, json, sys
from lxml import etree
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
d = docx.Document(sys.argv[1])
part = next(p for p in d.part.package.iter_parts() if str(p.partname) == '/word/footnotes.xml')
root = etree.fromstring(part.blob)
def on(r, tag):
    pr = r.find(W + 'rPr')
    el = pr.find(W + tag) if pr is not None else None
    return el is not None and el.get(W + 'val') not in ('0', 'false')
out = []
for fn in root.iter(W + 'footnote'):
    if fn.get(W + 'type') in ('separator', 'continuationSeparator'): continue
    text = ''.join(x.text or '' for x in fn.iter(W + 't'))
    runs = list(fn.iter(W + 'r'))
    links = []
    for h in fn.iter(W + 'hyperlink'):
        rel = part.rels[h.get(R + 'id')]
        links.append({'url': rel.target_ref, 'external': rel.is_external, 'text': ''.join(x.text or '' for x in h.iter(W + 't'))})
    out.append({'text': text, 'links': links,
        'italic': [''.join(x.text or '' for x in r.iter(W + 't')) for r in runs if on(r, 'i')],
        'bold': [''.join(x.text or '' for x in r.iter(W + 't')) for r in runs if on(r, 'b')]})
print(json.dumps(out))
`;
  return JSON.parse(tool('/usr/bin/python3', ['-c', script, file])) as DocxNote[];
}

let dir: string;
beforeAll(() => {
  dir = tempDir('rich-notes');
});

describe('a note of rich text in the exports', () => {
  it('DOCX: the footnote holds an italic run, a bold run and a clickable hyperlink (a relationship of footnotes.xml)', async () => {
    const file = path.join(dir, 'notes.docx');
    fs.writeFileSync(file, (await exportBytes(request('docx'))).bytes);
    const note = docxNotes(file).find((n) => n.text.includes('Social Panorama'));
    expect(note).toBeDefined();
    expect(note!.text).toContain('See Social Panorama of Latin America, chapter II, at the ECLAC site.');
    expect(note!.italic).toContain('Social Panorama of Latin America');
    expect(note!.italic).not.toContain('See ');
    expect(note!.bold).toContain('chapter II');
    expect(note!.links).toEqual([{ url: URL, external: true, text: 'the ECLAC site' }]);
    // The address written in a plain note is clickable too.
    const old = docxNotes(file).find((n) => n.text.includes('Secretary-General'));
    expect(old!.links).toEqual([{ url: 'https://www.un.org/sg', external: true, text: 'www.un.org/sg' }]);
  }, 120_000);

  it('PDF: the note prints its words on the page of its call, with the link clickable there', async () => {
    const file = path.join(dir, 'notes.pdf');
    const r = await exportBytes(request('pdf'));
    fs.writeFileSync(file, r.bytes);
    const pages = pdfText(file).split('\f');
    const page = pages.findIndex((x) =>
      x.replace(/\s+/g, ' ').includes('Social Panorama of Latin America, chapter II, at the ECLAC site.'),
    );
    expect(page).toBeGreaterThanOrEqual(0);
    expect(pages[page]).toContain('The panorama was cited');
    const links = pdfStructure(file).links.filter((l) => l.uri === URL);
    expect(links.map((l) => l.page)).toEqual([page + 1]);
  }, 300_000);
});
