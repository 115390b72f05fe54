// Export speed on the largest sample (seed 000, conference proceedings): our compile + DOCX
// against pandoc converting the same content (markdown generated from the same model), and
// our compile + PDF (print HTML + paged.js in a running Chromium) against LibreOffice
// converting our DOCX to PDF. Peers run as command lines, as a user would run them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile, type ConferenceSource } from '../../shared/compile/compile';
import { docxBytes } from '../../shared/export/docx/docx-export';
import { printHtml } from '../../shared/export/html/print-html';
import { proceedingsToMarkdown } from '../../shared/export/markdown/markdown-export';
import { readConferenceFile } from '../../electron/node/export/load-proceedings';
import { importSeed, SAMPLES_DIR } from '../../electron/node/export/seed-conferences.testkit';
import { ChromiumPrinter, pagedScript } from '../../electron/node/pdf/chromium-pdf';
import { getTemplate } from '../../electron/node/templates';
import { median, ms, ratio, timeRuns } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const options = { partIds: null, annexes: true, watermark: false, issueDate: '2026-11-24' };

function seed000(): { source: ConferenceSource; from: string } {
  // The largest sample is the one built from seed 000. Read from a copy: opening writes.
  const samples = fs.existsSync(SAMPLES_DIR) ? fs.readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.rapporteur')) : [];
  const sample = samples.sort((a, b) => fs.statSync(path.join(SAMPLES_DIR, b)).size - fs.statSync(path.join(SAMPLES_DIR, a)).size)[0];
  if (sample) {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-sample-')), 'sample.rapporteur');
    fs.copyFileSync(path.join(SAMPLES_DIR, sample), copy);
    return { source: readConferenceFile(copy), from: `seeds/samples/${sample}` };
  }
  return { source: importSeed('000'), from: 'seeds/source/000 (imported in memory)' };
}

export default async function exportBench(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-export-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-lo-'));
  const { source, from } = seed000();
  const template = getTemplate(source.meta.templateId);
  const proc = compile(source, template, options);
  const docxFile = path.join(dir, 'ours.docx');
  fs.writeFileSync(docxFile, await docxBytes(proc));
  const mdFile = path.join(dir, 'same-content.md');
  fs.writeFileSync(mdFile, proceedingsToMarkdown(proc));
  const printer = await ChromiumPrinter.launch();
  try {
    let pages = 0;
    const oursDocx = await timeRuns(async () => { await docxBytes(compile(source, template, options)); }, RUNS);
    const pandoc = await timeRuns(() => execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), mdFile]), RUNS);
    const script = pagedScript();
    const oursPdf = await timeRuns(async () => {
      const r = await printer.print(printHtml(compile(source, template, options), { pagedScript: script }));
      pages = r.pages;
    }, RUNS);
    const lo = await timeRuns(() => execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxFile], { stdio: 'ignore' }), RUNS);
    const loPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(dir, 'ours.pdf')], { encoding: 'utf8' }))?.[1]);
    return [
      '### Export: seed 000 (conference proceedings)',
      '',
      `Source: ${from}; ${proc.footnoteCount} footnotes, ${pages} pages in our PDF (${loPages} in LibreOffice's), ${RUNS} runs each after one warm-up, medians.`,
      '',
      '| task | ours | peer | peer, median | peer ÷ ours |',
      '|---|---|---|---|---|',
      `| compile + DOCX | ${ms(median(oursDocx))} | pandoc: markdown of the same model → DOCX | ${ms(median(pandoc))} | ${ratio(median(pandoc), median(oursDocx))} |`,
      `| compile + PDF (paged.js in a running Chromium) | ${ms(median(oursPdf))} | LibreOffice: our DOCX → PDF | ${ms(median(lo))} | ${ratio(median(lo), median(oursPdf))} |`,
    ].join('\n');
  } finally {
    await printer.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
