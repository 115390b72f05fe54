/**
 * `rapporteur export` (run in process), on the rich test conference and on two
 * sample conferences, judged by pandoc, python-docx, poppler and qpdf.
 * The built bundle's own export is checked by bundle.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../node/paths';
import {
  pandocSummary,
  pdfFonts,
  pdfInfo,
  pdfText,
  pythonDocxSummary,
  qpdfCheck,
  tempDir,
  tool,
} from '../node/export/readers.testkit';
import { writeRichConference } from '../node/export/rich-conference.testkit';
import { sampleConferenceFiles } from '../node/export/seed-conferences.testkit';
import { SAMPLES } from '../../seeds/build-samples';

import { runCli } from './cli.testkit';

/** Runs `rapporteur …` and returns its standard output; any failure fails the test with the message. */
async function cli(...args: string[]): Promise<string> {
  const r = await runCli(projectRoot, args);
  if (r.code !== 0) throw new Error(`rapporteur ${args.join(' ')} exited ${r.code}: ${r.err}`);
  return r.out;
}

let dir: string;
beforeAll(() => {
  dir = tempDir('cli-export');
});

describe('rapporteur export', () => {
  it('writes a DOCX and a PDF of a conference file, with the options of the app', async () => {
    const file = path.join(dir, 'rich.rapporteur');
    writeRichConference(file);
    const stdout = await cli(
      'export',
      file,
      '--docx',
      path.join(dir, 'rich.docx'),
      '--pdf',
      path.join(dir, 'rich.pdf'),
      '--watermark',
    );
    expect(stdout).toMatch(/Wrote .*rich\.docx/);
    expect(stdout).toMatch(/Wrote .*rich\.pdf \(\d+ pages/);
    const docx = pandocSummary(path.join(dir, 'rich.docx'));
    expect(docx.headers).toContain('Annex 2 List of participants');
    // The watermark runs diagonally: pdftotext -raw gives its letters one per line.
    expect(
      tool('pdftotext', ['-raw', '-f', '2', '-l', '2', path.join(dir, 'rich.pdf'), '-']).replace(/\n/g, ''),
    ).toContain('DRAFT');

    await cli('export', file, '--docx', path.join(dir, 'no-annexes.docx'), '--no-annexes');
    expect(pandocSummary(path.join(dir, 'no-annexes.docx')).headers.some((h) => h.startsWith('Annex'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'no-annexes.pdf'))).toBe(false);
  });

  it('refuses a file that is not a conference, saying so, and writes nothing', async () => {
    const bogus = path.join(dir, 'bogus.rapporteur');
    fs.writeFileSync(bogus, 'not a database');
    const r = await runCli(dir, ['export', 'bogus.rapporteur', '--docx', 'x.docx']);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toMatch(/^rapporteur export: “bogus\.rapporteur” is not a Rapporteur conference file/);
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
    expect(fs.readFileSync(bogus, 'utf8')).toBe('not a database');
  });

  it('with neither --docx nor --pdf writes both beside the conference', async () => {
    const file = path.join(dir, 'beside', 'rich.rapporteur');
    fs.mkdirSync(path.dirname(file));
    writeRichConference(file);
    const stdout = await cli('export', file);
    expect(stdout).toContain(`Wrote ${path.join(dir, 'beside', 'rich.docx')}`);
    expect(stdout).toContain(`Wrote ${path.join(dir, 'beside', 'rich.pdf')}`);
    expect(pdfInfo(path.join(dir, 'beside', 'rich.pdf')).Pages).toMatch(/^\d+$/);
    expect(pandocSummary(path.join(dir, 'beside', 'rich.docx')).headers.length).toBeGreaterThan(2);
  });
});

/**
 * The command line on two samples (a compendium and a workshop report, the quickest to lay out):
 * every sample's DOCX is judged by docx-readers.test.ts and its PDF by pdf-readers.test.ts, through
 * the same export service; here it is the command's path to them that is tested.
 */
const CLI_SAMPLES = SAMPLES.filter((s) => s.seed === '001' || s.seed === '003').map((s) => `${s.name}.rapporteur`);

describe('two sample conferences export from the command line, and other programs agree', () => {
  const files = sampleConferenceFiles(tempDir('samples')).filter((f) => CLI_SAMPLES.includes(path.basename(f)));
  it('are the two chosen', () => {
    expect(files.map((f) => path.basename(f))).toEqual(CLI_SAMPLES);
  });
  it.each(files.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    const base = path.join(dir, path.basename(file, '.rapporteur'));
    await cli('export', file, '--docx', `${base}.docx`, '--pdf', `${base}.pdf`);

    const docx = `${base}.docx`;
    const pandoc = pandocSummary(docx);
    expect(pandoc.headers.length).toBeGreaterThan(2);
    const py = pythonDocxSummary(docx);
    expect(py.paragraphStyles).toContain('Heading 1');
    // LibreOffice's reading of each sample's DOCX is docx-readers.test.ts's (one LibreOffice run for the five).

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
