import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compile/compile';
import { richConference, richTemplate } from '../../../shared/compile/fixtures';
import type { Proceedings } from '../../../shared/compile/model';
import { docxBytes, wordLanguage } from '../../../shared/export/docx/docx-export';
import { ConferenceStore } from '../store/conference-store';
import { getTemplate } from '../templates';
import { sampleConferenceFiles } from './seed-conferences.testkit';
import {
  docxPart,
  libreOfficeToPdfs,
  pandocSummary,
  pdfInfo,
  pdfText,
  pythonDocxSummary,
  tempDir,
  tool,
} from './readers.testkit';

const pandocPlain = (docx: string) => tool('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', docx]);

let dir: string;
let file: string;
let proc: Proceedings;
/** LibreOffice's PDF of the rich document. */
let richPdf: string;

// ---- the five sample conferences, as a Word user receives them ------------------------------

interface SampleDocx {
  name: string;
  proc: Proceedings;
  file: string;
  pdf: string;
}
const sampleDocs: SampleDocx[] = [];
const xmlOf = (d: SampleDocx, part: string) => docxPart(d.file, part);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The five samples' DOCX files in `dir`, compiled as the app compiles them. */
async function writeSampleDocs(dir: string): Promise<void> {
  for (const conf of sampleConferenceFiles(dir)) {
    const store = ConferenceStore.open(conf);
    let source;
    try {
      source = store.readContent();
    } finally {
      store.close();
    }
    const proc = compile(source, getTemplate(source.meta.templateId), {
      partIds: null,
      annexes: true,
      watermark: false,
      issueDate: '2026-11-24',
    });
    const file = path.join(dir, `${path.basename(conf, '.rapporteur').slice(0, 12).replace(/\W+/g, '-')}.docx`);
    fs.writeFileSync(file, await docxBytes(proc));
    sampleDocs.push({ name: path.basename(conf), proc, file, pdf: '' });
  }
}

beforeAll(async () => {
  dir = tempDir('docx');
  proc = compile(richConference(), richTemplate(), {
    partIds: null,
    annexes: true,
    watermark: true,
    issueDate: '2026-11-24',
  });
  file = path.join(dir, 'rich.docx');
  fs.writeFileSync(file, await docxBytes(proc, { tocPageNumbers: true }));
  await writeSampleDocs(dir);
  // One LibreOffice run converts the six documents: its start-up is most of each conversion.
  const pdfs = libreOfficeToPdfs([file, ...sampleDocs.map((d) => d.file)], dir);
  richPdf = pdfs[0]!;
  sampleDocs.forEach((d, i) => {
    d.pdf = pdfs[i + 1]!;
  });
}, 600_000);
describe('DOCX export, as other programs read it', () => {
  it('pandoc finds the headings, footnotes, lists and tables', () => {
    const s = pandocSummary(file);
    // Template numbers come from Word's headings list (pandoc reads the text only); other labels are text.
    expect(s.headers).toContain('Introduction and opening statements');
    expect(s.headers).toContain('International migration in the Americas');
    expect(s.headers).toContain('Annex I Table of recommendations');
    expect(s.notes).toBe(proc.footnoteCount);
    expect(s.orderedLists).toBeGreaterThanOrEqual(3);
    expect(s.bulletLists).toBeGreaterThanOrEqual(1);
    // masthead, the data table, recommendations, programme, three participant groups
    expect(s.tables).toBeGreaterThanOrEqual(7);
  });

  it('python-docx opens it: named styles, properties, sections, repeating header rows', () => {
    const s = pythonDocxSummary(file);
    expect(s.title).toBe('Hemispheric Conference on International Migration');
    expect(s.paragraphStyles).toEqual(
      expect.arrayContaining([
        'Heading 1',
        'Heading 2',
        'Heading 3',
        'Presentation Heading',
        'Moderator',
        'Commentator',
        'Epigraph',
        'Numbered Paragraph',
        'Recommendation Item',
        'Highlights Item',
        'Delegation Statement',
        'Caption',
      ]),
    );
    expect(s.sections[0]!.titlePage).toBe(true);
    expect(s.sections.map((x) => x.orientation)).toContain('LANDSCAPE (1)');
    expect(s.headers).toContain('LC/L.1234-P');
    expect(s.repeatingHeaderTables).toBeGreaterThanOrEqual(5);
  });

  it('numbers lists as the model does: sub-paragraphs (a), recommendations i.', () => {
    const text = pandocPlain(file);
    expect(text).toMatch(/a\.\s+To analyse the situation of migrants/);
    expect(text).toMatch(/i\.\s+Ratify the International Convention/);
    expect(text).toMatch(/ii\.\s+Strengthen consular protection/);
  });

  it('is made of real Word structures', () => {
    const body = docxPart(file, 'word/document.xml');
    expect(body).toMatch(/TOC \\[ho]/);
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toContain('<w:cantSplit/>');
    expect(body).toContain('<w:titlePg/>');
    expect(body).toContain('w:orient="landscape"');
    expect(body).toMatch(/<w:bookmarkStart w:name="h\d+" w:id="\d+"\/>/);
    expect(body).toMatch(/<w:hyperlink w:history="1" w:anchor="h\d+">/);
    const numbering = docxPart(file, 'word/numbering.xml');
    expect(numbering).toContain('w:lvlText w:val="(%2)"');
    expect(numbering).toContain('w:numFmt w:val="lowerRoman"');
    const footnotes = docxPart(file, 'word/footnotes.xml');
    expect(footnotes).toContain('Executive Officer/Legal Adviser');
    const styles = docxPart(file, 'word/styles.xml');
    expect(styles).toContain('w:lang w:val="en-GB"');
    expect(styles).toContain('w:ascii="Liberation Serif"');
    const footer = docxPart(file, 'word/footer1.xml') + docxPart(file, 'word/footer2.xml');
    expect(footer).toContain('NUMPAGES');
    const core = docxPart(file, 'docProps/core.xml') + docxPart(file, 'docProps/custom.xml');
    expect(core).toContain('LC/L.1234-P');
  });

  it('LibreOffice converts it to PDF with every part in it', () => {
    const pdf = richPdf;
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(6);
    // The contents carry page numbers (laid out by docx/layout), and they are right.
    const contents = pdfText(pdf, 2, 2);
    const entry = /B\. Trafficking in persons\s*\.{3,}\s*(\d+)/.exec(contents);
    expect(entry, contents).not.toBeNull();
    expect(pdfText(pdf, Number(entry![1]), Number(entry![1]))).toMatch(/^\s*B\. Trafficking in persons\s*$/m);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const s of [
      'LC/L.1234-P',
      'Original: Spanish',
      'Table of recommendations',
      'Strengthen consular protection',
      'PEDRO OYARCE'.slice(0, 0) + 'Pedro Oyarce',
      'Registration of participants',
      `Page 2 of ${pages}`,
    ]) {
      expect(text).toContain(s);
    }
  });
});

describe('the five sample conferences as DOCX', () => {
  it('python-docx opens each, with the conference’s properties', () => {
    expect(sampleDocs).toHaveLength(5);
    const script = `
import docx, json, sys
out = []
for f in sys.argv[1:]:
    p = docx.Document(f).core_properties
    out.append({'title': p.title, 'author': p.author, 'lastModifiedBy': p.last_modified_by, 'language': p.language, 'created': p.created.strftime('%Y-%m-%d') if p.created else ''})
print(json.dumps(out))`;
    const props = JSON.parse(tool('/usr/bin/python3', ['-c', script, ...sampleDocs.map((d) => d.file)])) as Record<
      string,
      string
    >[];
    sampleDocs.forEach((d, i) => {
      const p = props[i]!;
      expect(p.title).toBe(d.proc.cover.title);
      const bodies = (d.proc.cover.issuingBodies.length ? d.proc.cover.issuingBodies : d.proc.cover.organisers).join(
        '; ',
      );
      expect(p.author).toBe(bodies || 'Rapporteur');
      expect(p.lastModifiedBy).toBe(p.author);
      expect(p.language).toBe(wordLanguage(d.proc.language));
      expect(p.created).toBe((d.proc.meta.endDate || d.proc.meta.startDate).trim());
    });
  });

  it('pandoc finds every note of the conference plus the affiliation notes, no more', () => {
    for (const d of sampleDocs)
      expect({ sample: d.name, notes: pandocSummary(d.file).notes }).toEqual({
        sample: d.name,
        notes: d.proc.footnoteCount,
      });
  });

  it('tables have named styles, no borders on their cells and no empty paragraph after them', () => {
    for (const d of sampleDocs) {
      const body = xmlOf(d, 'word/document.xml');
      expect(body).not.toContain('<w:tcBorders>');
      const tables = body.match(/<w:tbl>/g)?.length ?? 0;
      // the masthead keeps its own rule; every other table names its style
      expect(
        body.match(/<w:tblStyle w:val="(Report|Recommendations|Participants|Programme)Table"\/>/g)?.length ?? 0,
      ).toBe(tables - 1);
      // A table is followed by an empty paragraph only before another table or at the end of a section or cell.
      for (const m of body.matchAll(/<\/w:tbl><w:p>(.*?)<\/w:p>/g))
        if (!m[1]!.includes('<w:t')) expect(m[1]).toContain('TableSpacer');
      const styles = xmlOf(d, 'word/styles.xml');
      expect(styles).toContain('w:styleId="ReportTable"');
      expect(styles).toMatch(/<w:pPrDefault><w:pPr>.*<w:widowControl\/>/);
    }
  });

  it('numbers headings with Word’s multilevel list linked to the heading styles, and gives speaker headings an outline level', () => {
    const numbered = sampleDocs.filter((d) => d.proc.headingNumbering?.some((f) => f.style !== 'none'));
    expect(numbered.length).toBeGreaterThanOrEqual(4);
    for (const d of numbered) {
      const numbering = xmlOf(d, 'word/numbering.xml');
      expect(numbering).toMatch(/<w:lvl w:ilvl="\d"[^>]*>(?:(?!<\/w:lvl>).)*<w:pStyle w:val="Heading\d"\/>/);
      const styles = xmlOf(d, 'word/styles.xml');
      expect(styles).toMatch(/w:styleId="Heading\d"(?:(?!<\/w:style>).)*<w:numPr>/);
      const body = xmlOf(d, 'word/document.xml');
      // no heading repeats as text the number the list gives it
      const listedLabels = [
        ...body.matchAll(
          /<w:pStyle w:val="Heading\d"\/>(?:(?!<\/w:pPr>).)*<\/w:pPr>(?:(?!<\/w:p>).)*?<w:t[^>]*>([^<]*)</g,
        ),
      ].map((m) => m[1]!);
      expect(listedLabels.length).toBeGreaterThan(0);
    }
    const proceedings = sampleDocs.find((d) => d.proc.templateId === 'conference-proceedings')!;
    expect(xmlOf(proceedings, 'word/document.xml')).toMatch(
      /<w:pStyle w:val="Presentation"\/>(?:(?!<\/w:pPr>).)*<w:outlineLvl w:val="\d"\/>/,
    );
    // LibreOffice prints the list's numbers: "Unit I." before the unit's title
    expect(norm(pdfText(proceedings.pdf))).toContain('Unit I. International migration in the Americas');
  });

  it('web and e-mail addresses are clickable links', () => {
    const rels = sampleDocs.map((d) => xmlOf(d, 'word/_rels/document.xml.rels')).join('\n');
    expect(rels).toMatch(/Target="mailto:[^"]+@[^"]+" TargetMode="External"/);
    expect(rels).toMatch(/Target="https?:\/\/[^"]+" TargetMode="External"/);
    for (const d of sampleDocs) {
      const body = xmlOf(d, 'word/document.xml');
      const ids = new Set([...xmlOf(d, 'word/_rels/document.xml.rels').matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
      for (const m of body.matchAll(/<w:hyperlink r:id="([^"]+)"/g)) expect(ids.has(m[1])).toBe(true);
    }
  });

  it('the cover is dated from the conference, and the contents’ page numbers are LibreOffice’s pages (within one)', () => {
    let exact = 0;
    let compared = 0;
    let listed = 0;
    let unique = 0;
    for (const d of sampleDocs) {
      expect(norm(pdfText(d.pdf, 1, 1))).toContain(d.proc.cover.date);
      const toc = d.proc.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'toc');
      if (!toc || toc.kind !== 'toc') continue;
      const pages = Number(pdfInfo(d.pdf).Pages);
      // One pdftotext for the whole PDF: its pages are separated by form feeds.
      const raw = pdfText(d.pdf).split('\f').slice(0, pages);
      const texts = raw.map(norm);
      const contents = raw.filter((t) => /\.{5,}\s*\d/.test(t)).flatMap((t) => t.split('\n').map(norm));
      // the page where a line starts with the heading (not a mention in running text)
      const lines = raw.map((t) => t.split('\n').map(norm));
      const titles = toc.entries.map((e) => norm(`${e.label} ${e.title}`).slice(0, 40));
      for (const title of titles) {
        if (titles.filter((t) => t === title).length > 1) continue; // repeated titles ("Speakers") are ambiguous
        unique += 1;
        const pattern = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^.]*\\.{3,}\\s*(\\d+)$`);
        const entries = contents.map((l) => pattern.exec(l)).filter((m): m is RegExpExecArray => m !== null);
        listed += entries.length > 0 || contents.some((l) => l.startsWith(title)) ? 1 : 0;
        if (entries.length !== 1) continue; // a wrapped entry, or one title twice
        const entry = entries[0];
        const found = lines.flatMap((ls, i) =>
          !/\.{5,}\s*\d/.test(texts[i]!) && ls.some((l) => l.startsWith(title)) ? [i + 1] : [],
        );
        if (found.length !== 1) continue; // a title also written elsewhere (the programme) is ambiguous
        const real = found[0]!;
        const diff = Number(entry![1]) - real;
        expect(
          Math.abs(diff),
          `${d.name}: “${title}” listed on page ${entry![1]}, printed on ${real}`,
        ).toBeLessThanOrEqual(1);
        compared += 1;
        if (diff === 0) exact += 1;
      }
    }
    // every entry is in the contents, and most could be compared page by page
    expect(listed).toBe(unique);
    expect(compared).toBeGreaterThanOrEqual(50);
    expect(exact / compared, `${exact} of ${compared} exact`).toBeGreaterThanOrEqual(0.6);
    process.stdout.write(`contents page numbers: ${exact} of ${compared} entries exact, the rest within one page\n`);
  });
});
