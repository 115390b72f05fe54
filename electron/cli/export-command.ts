import path from 'node:path';
import { AppError } from '../../shared/errors';
import { readConferenceFile } from '../node/export/load-proceedings';
import { exportBytes, writeAtomically } from '../node/export/export-service';
import type { Command } from './commands';

const out = (s: string) => process.stdout.write(`${s}\n`);

/**
 * rapporteur export <file> [--docx out.docx] [--pdf out.pdf] [--no-annexes] [--watermark] [--toc-pages]
 * (--toc-pages: page numbers in the Word contents, laid out by docx/layout; slower)
 * With neither --docx nor --pdf, both are written next to the conference file.
 */
export const exportCommand: Command = {
  options: { docx: { type: 'string' }, pdf: { type: 'string' }, 'no-annexes': { type: 'boolean' }, watermark: { type: 'boolean' }, 'toc-pages': { type: 'boolean' } },
  async run(v, pos) {
    if (pos.length !== 1) throw new AppError('INVALID_INPUT', `expected exactly one conference file, got ${pos.length}.`);
    const file = path.resolve(pos[0]!);
    const base = file.replace(/\.rapporteur$/, '');
    const docx = typeof v.docx === 'string' ? path.resolve(v.docx) : v.pdf === undefined ? `${base}.docx` : undefined;
    const pdf = typeof v.pdf === 'string' ? path.resolve(v.pdf) : v.docx === undefined ? `${base}.pdf` : undefined;
    const options = { partIds: null, annexes: !v['no-annexes'], watermark: Boolean(v.watermark), tocPageNumbers: Boolean(v['toc-pages']) };
    const source = readConferenceFile(file);
    let shownNotes = false;
    const report = (notes: string[]) => {
      if (shownNotes) return;
      shownNotes = true;
      for (const n of notes) process.stderr.write(`note: ${n}\n`);
    };
    if (docx) {
      const t0 = performance.now();
      const r = await exportBytes({ source, format: 'docx', options });
      writeAtomically(docx, r.bytes);
      report(r.notes);
      out(`Wrote ${docx} (${r.bytes.length} bytes, ${Math.round(performance.now() - t0)} ms)`);
    }
    if (pdf) {
      const t0 = performance.now();
      const r = await exportBytes({ source, format: 'pdf', options });
      writeAtomically(pdf, r.bytes);
      report(r.notes);
      out(`Wrote ${pdf} (${r.pages} pages, ${r.bytes.length} bytes, ${Math.round(performance.now() - t0)} ms)`);
    }
    return 0;
  },
};
