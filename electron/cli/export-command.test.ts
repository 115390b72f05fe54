/**
 * `rapporteur export` from the command line, on the rich test conference and on every
 * sample conference, judged by LibreOffice, pandoc, python-docx, poppler and qpdf.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../node/paths';
import { libreOfficeToPdf, pandocSummary, pdfFonts, pdfInfo, pdfText, pythonDocxSummary, qpdfCheck, tempDir, tool } from '../node/export/readers.testkit';
import { writeRichConference } from '../node/export/rich-conference.testkit';
import { sampleConferenceFiles } from '../node/export/seed-conferences.testkit';

const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const cli = (...args: string[]) => execFileSync(tsx, [path.join(projectRoot, 'electron', 'cli', 'main.ts'), ...args], { encoding: 'utf8', cwd: projectRoot, timeout: 300_000 });

let dir: string;
beforeAll(() => { dir = tempDir('cli-export'); });

describe('rapporteur export', () => {
  it('writes a DOCX and a PDF of a conference file, with the options of the app', () => {
    const file = path.join(dir, 'rich.rapporteur');
    writeRichConference(file);
    const stdout = cli('export', file, '--docx', path.join(dir, 'rich.docx'), '--pdf', path.join(dir, 'rich.pdf'), '--watermark');
    expect(stdout).toMatch(/Wrote .*rich\.docx/);
    expect(stdout).toMatch(/Wrote .*rich\.pdf \(\d+ pages/);
    const docx = pandocSummary(path.join(dir, 'rich.docx'));
    expect(docx.headers).toContain('Annex 2 List of participants');
    // The watermark runs diagonally: pdftotext -raw gives its letters one per line.
    expect(tool('pdftotext', ['-raw', '-f', '2', '-l', '2', path.join(dir, 'rich.pdf'), '-']).replace(/\n/g, '')).toContain('DRAFT');

    cli('export', file, '--docx', path.join(dir, 'no-annexes.docx'), '--no-annexes');
    expect(pandocSummary(path.join(dir, 'no-annexes.docx')).headers.some((h) => h.startsWith('Annex'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'no-annexes.pdf'))).toBe(false);
  });

  it('refuses a file that is not a conference, saying so', () => {
    const bogus = path.join(dir, 'bogus.rapporteur');
    fs.writeFileSync(bogus, 'not a database');
    expect(() => cli('export', bogus, '--docx', path.join(dir, 'x.docx'))).toThrow(/rapporteur export: /);
  });
});

describe('every sample conference exports, and other programs agree', () => {
  const files = sampleConferenceFiles(tempDir('samples'));
  it.each(files.map((f) => [path.basename(f), f]))('%s', (_name, file) => {
    const base = path.join(dir, path.basename(file, '.rapporteur'));
    cli('export', file, '--docx', `${base}.docx`, '--pdf', `${base}.pdf`);

    const docx = `${base}.docx`;
    const pandoc = pandocSummary(docx);
    expect(pandoc.headers.length).toBeGreaterThan(2);
    const py = pythonDocxSummary(docx);
    expect(py.paragraphStyles).toContain('Heading 1');
    const lo = libreOfficeToPdf(docx, path.join(dir, 'lo'));
    expect(Number(pdfInfo(lo).Pages)).toBeGreaterThan(1);

    const pdf = `${base}.pdf`;
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(Number(info.Pages)).toBeGreaterThan(1);
    expect(pdfFonts(pdf).filter((f) => !f.embedded)).toEqual([]);
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors found/);
    // The headings pandoc found in the DOCX are in the PDF too (same model).
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const h of pandoc.headers.slice(0, 5)) expect(text).toContain(h.replace(/\s+/g, ' ').slice(0, 40));
  });
});
