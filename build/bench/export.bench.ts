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
import { measure } from './cpu';
import { median, ms, ratio } from './stats';

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
    const script = pagedScript();
    const tasks = {
      oursDocx: async () => { await docxBytes(compile(source, template, options)); },
      pandoc: () => execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), mdFile]),
      oursPdf: async () => { pages = (await printer.print(printHtml(compile(source, template, options), { pagedScript: script }))).pages; },
      lo: () => execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxFile], { stdio: 'ignore' }),
    };
    type Name = keyof typeof tasks;
    const SCOPE: Record<Name, 'self' | 'child' | 'tree'> = { oursDocx: 'self', pandoc: 'child', oursPdf: 'tree', lo: 'child' };
    const wall: Record<Name, number[]> = { oursDocx: [], pandoc: [], oursPdf: [], lo: [] };
    const cpu: Record<Name, number[]> = { oursDocx: [], pandoc: [], oursPdf: [], lo: [] };
    for (const name of Object.keys(tasks) as Name[]) await tasks[name](); // warm-up
    // Interleaved, so each tool and its peer see the same load on this shared machine.
    for (let i = 0; i < RUNS; i++) {
      for (const name of Object.keys(tasks) as Name[]) {
        const m = await measure(tasks[name], SCOPE[name]);
        wall[name].push(m.wall);
        cpu[name].push(m.cpu);
      }
    }
    const loPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(dir, 'ours.pdf')], { encoding: 'utf8' }))?.[1]);
    const row = (task: string, ours: Name, peerName: string, peer: Name) =>
      `| ${task} | ${ms(median(wall[ours]))} | ${ms(median(cpu[ours]))} | ${peerName} | ${ms(median(wall[peer]))} | ${ms(median(cpu[peer]))} | ${ratio(median(wall[peer]), median(wall[ours]))} | ${ratio(median(cpu[peer]), median(cpu[ours]))} |`;
    return [
      '### Export: seed 000 (conference proceedings)',
      '',
      `Source: ${from}; ${proc.footnoteCount} footnotes, ${pages} pages in our PDF (${loPages} in LibreOffice's). ${RUNS} interleaved runs each after one warm-up; medians of wall-clock time and of CPU time (user + system: ours in process, or this process and the running Chromium; peers: the command line and its children, from /proc). Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores.`,
      '',
      '| task | ours, wall | ours, CPU | peer | peer, wall | peer, CPU | peer ÷ ours (wall) | peer ÷ ours (CPU) |',
      '|---|---|---|---|---|---|---|---|',
      row('compile + DOCX (in process)', 'oursDocx', 'pandoc: markdown of the same model → DOCX', 'pandoc'),
      row('compile + PDF (print HTML, paged.js, running Chromium)', 'oursPdf', 'LibreOffice: our DOCX → PDF (`soffice --headless --convert-to pdf`)', 'lo'),
    ].join('\n');
  } finally {
    await printer.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
