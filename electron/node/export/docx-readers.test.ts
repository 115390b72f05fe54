import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compile/compile';
import { richConference, richTemplate } from '../../../shared/compile/fixtures';
import type { Proceedings } from '../../../shared/compile/model';
import { docxBytes } from '../../../shared/export/docx/docx-export';
import { docxPart, libreOfficeToPdf, pandocSummary, pdfInfo, pdfText, pythonDocxSummary, tempDir, tool } from './readers.testkit';

const pandocPlain = (docx: string) => tool('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', docx]);

let dir: string;
let file: string;
let proc: Proceedings;

beforeAll(async () => {
  dir = tempDir('docx');
  proc = compile(richConference(), richTemplate(), { partIds: null, annexes: true, watermark: true, issueDate: '2026-11-24' });
  file = path.join(dir, 'rich.docx');
  fs.writeFileSync(file, await docxBytes(proc, { tocPageNumbers: true }));
});

describe('DOCX export, as other programs read it', () => {
  it('pandoc finds the headings, footnotes, lists and tables', () => {
    const s = pandocSummary(file);
    expect(s.headers).toContain('A. Introduction and opening statements');
    expect(s.headers).toContain('Unit I. International migration in the Americas');
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
    expect(s.paragraphStyles).toEqual(expect.arrayContaining(['Heading 1', 'Heading 2', 'Heading 3', 'Presentation Heading', 'Moderator', 'Commentator', 'Epigraph', 'Numbered Paragraph', 'Recommendation Item', 'Highlights Item', 'Delegation Statement', 'Caption']));
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
    const pdf = libreOfficeToPdf(file, dir);
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(6);
    // The contents carry page numbers (laid out by docx/layout), and they are right.
    const contents = pdfText(pdf, 2, 2);
    const entry = /B\. Trafficking in persons\s*\.{3,}\s*(\d+)/.exec(contents);
    expect(entry, contents).not.toBeNull();
    expect(pdfText(pdf, Number(entry![1]), Number(entry![1]))).toMatch(/^\s*B\. Trafficking in persons\s*$/m);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const s of ['LC/L.1234-P', 'Original: Spanish', 'Table of recommendations', 'Strengthen consular protection', 'PEDRO OYARCE'.slice(0, 0) + 'Pedro Oyarce', 'Registration of participants', `Page 2 of ${pages}`]) {
      expect(text).toContain(s);
    }
  });
});
