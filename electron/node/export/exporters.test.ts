import { describe, expect, it } from 'vitest';
import { ExportFormat } from '../../../shared/contract/api';
import { purposeExtensions } from '../../../shared/contract/file-policy';
import { compile } from '../../../shared/compile/compile';
import { readConferenceFile, templateFor } from './load-proceedings';
import { exporterFor, exporters, withExtension } from './exporters';
import { tempDir } from './readers.testkit';
import { writeRichConference } from './rich-conference.testkit';
import path from 'node:path';

describe('the exporter registry', () => {
  it('has exactly one exporter per format of the contract, under its own id', () => {
    expect(Object.keys(exporters).sort()).toEqual([...ExportFormat.options].sort());
    for (const f of ExportFormat.options) expect(exporterFor(f).id).toBe(f);
  });

  it('extensions agree with what the export dialogs require, and MIME types are the registered ones', () => {
    for (const f of ExportFormat.options) expect(purposeExtensions[`export-${f}`]).toEqual([exporters[f].extension]);
    expect(exporters.pdf.mime).toBe('application/pdf');
    expect(exporters.docx.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('adds the extension only when missing, whatever its case', () => {
    expect(withExtension('/w/report', 'docx')).toBe('/w/report.docx');
    expect(withExtension('/w/REPORT.PDF', 'pdf')).toBe('/w/REPORT.PDF');
    expect(withExtension('/w/report.pdf', 'docx')).toBe('/w/report.pdf.docx');
  });

  it('each writer makes its format from compiled proceedings, reporting progress', async () => {
    const file = path.join(tempDir('exporters'), 'rich.rapporteur');
    writeRichConference(file);
    const source = readConferenceFile(file);
    const proc = compile(source, templateFor(source), {
      partIds: null,
      annexes: true,
      watermark: false,
      issueDate: '2026-01-01',
    });
    const stages: string[] = [];
    const docx = await exporters.docx.write(proc, { onProgress: (p) => stages.push(p.message) });
    expect(Buffer.from(docx.bytes.subarray(0, 2)).toString()).toBe('PK');
    const pdf = await exporters.pdf.write(proc, { onProgress: (p) => stages.push(p.message) });
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdf.pages).toBeGreaterThan(0);
    expect(stages[0]).toBe('Writing the Word document');
    expect(stages).toContain('Preparing the pages');
  });
});
