/**
 * Issue 12, seed 001: the cover's credits ("Under the auspices of …", "With the cooperation
 * of …") are kept as the lines of the title block, and both exports print them on the cover
 * page itself (page 1 of the Typst PDF and of LibreOffice's rendering of the DOCX), not as a
 * section of their own after it; an import of the exported DOCX gives the title block back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxBytes } from '../shared/export/docx/docx-export';
import { compileSource, readConferenceFile } from '../electron/node/export/load-proceedings';
import { libreOfficeToPdf, pdfText, tempDir } from '../electron/node/export/readers.testkit';
import { exporters } from '../electron/node/export/exporters';
import { importReportBytes } from '../electron/node/importer';
import { plainTextOf } from '../shared/elements/plain-text';
import type { RawNode } from '../shared/elements/spec';
import { SAMPLES, samplePath } from './build-samples';

const AUSPICES = 'Under the auspices of the Government of the United States';
const COOPERATION = 'With the cooperation of ECLAC/CELADE and the IACHR';
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('seed 001: the cover credits print on the cover', () => {
  const source = readConferenceFile(samplePath(SAMPLES.find((s) => s.seed === '001')!.name));
  const proc = compileSource(source, { partIds: null, annexes: true, watermark: false });
  const dir = tempDir('cover-credits');

  it('the title block is the cover’s lines, not a section', () => {
    const block = source.parts.find((p) => p.kind === 'title-block')!;
    expect(plainTextOf(block.doc.root as unknown as RawNode)).toContain(AUSPICES);
    expect(proc.cover.lines).toEqual(expect.arrayContaining([expect.stringContaining(AUSPICES), COOPERATION]));
    const headings = proc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'heading');
    expect(headings.map((h) => (h.kind === 'heading' ? h.plain : ''))).not.toContain(block.title);
  });

  it('the Typst PDF prints them on page 1, once', async () => {
    const pdf = path.join(dir, 'cover.pdf');
    fs.writeFileSync(pdf, (await exporters.pdf.write(proc, { onProgress: () => {} })).bytes);
    expect(flat(pdfText(pdf, 1, 1))).toContain(AUSPICES);
    expect(flat(pdfText(pdf, 1, 1))).toContain(COOPERATION);
    expect(flat(pdfText(pdf)).split(COOPERATION).length - 1).toBe(1);
  }, 120_000);

  it('the DOCX prints them on page 1 (LibreOffice’s rendering), once, and an import gives the title block back', async () => {
    const docx = path.join(dir, 'cover.docx');
    fs.writeFileSync(docx, await docxBytes(proc));
    const pdf = libreOfficeToPdf(docx, dir);
    expect(flat(pdfText(pdf, 1, 1))).toContain(AUSPICES);
    expect(flat(pdfText(pdf, 1, 1))).toContain(COOPERATION);
    expect(flat(pdfText(pdf)).split(COOPERATION).length - 1).toBe(1);

    const back = await importReportBytes({ bytes: fs.readFileSync(docx), fileName: 'cover.docx' });
    const block = back.parts.find((p) => p.kind === 'title-block');
    expect(block?.title).toBe(source.parts.find((p) => p.kind === 'title-block')!.title);
    expect(plainTextOf(block!.doc.root as unknown as RawNode)).toContain(COOPERATION);
  }, 120_000);
});
