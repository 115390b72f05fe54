// Export speed on the largest sample (seed 000, conference proceedings): our compile + DOCX
// against pandoc converting the same content (markdown generated from the same model), and
// our PDF (compile + Typst) against LibreOffice converting our DOCX to PDF: in process with
// the compiler warm, and as whole commands (`rapporteur export --pdf` against `soffice
// --headless --convert-to pdf`), each a fresh process that loads its fonts. Peers run as
// command lines, as a user would run them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile, type ConferenceSource } from '../../shared/compile/compile';
import { docxBytes } from '../../shared/export/docx/docx-export';
import { typstInput } from '../../shared/export/typst/typst-data';
import { proceedingsToMarkdown } from '../../shared/export/markdown/markdown-export';
import { readConferenceFile } from '../../electron/node/export/load-proceedings';
import { SAMPLES_DIR } from '../../electron/node/export/seed-conferences.testkit';
import { ExportJobs } from '../../electron/node/export/export-jobs';
import { TypstEngine } from '../../electron/node/pdf/typst-engine';
import { getTemplate } from '../../electron/node/templates';
import { measure } from './cpu';
import { median, ms, ratio } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const options = { partIds: null, annexes: true, watermark: false, issueDate: '2026-11-24' };

/** The command line as a user runs it: the built launcher, else the sources through tsx. */
function cliCommand(): [string, string[]] {
  const launcher = path.join(process.cwd(), 'build', 'bin', 'rapporteur.mjs');
  return fs.existsSync(launcher) ? [process.execPath, [launcher]] : ['npx', ['tsx', 'electron/cli/main.ts']];
}

function seed000(): { source: ConferenceSource; from: string; file: string } {
  // The largest sample is the one built from seed 000. Read from a copy: opening writes.
  const samples = fs.existsSync(SAMPLES_DIR)
    ? fs.readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.rapporteur'))
    : [];
  const sample = samples.sort(
    (a, b) => fs.statSync(path.join(SAMPLES_DIR, b)).size - fs.statSync(path.join(SAMPLES_DIR, a)).size,
  )[0];
  if (sample) {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-sample-')), 'sample.rapporteur');
    fs.copyFileSync(path.join(SAMPLES_DIR, sample), copy);
    return { source: readConferenceFile(copy), from: `seeds/samples/${sample}`, file: copy };
  }
  throw new Error('No sample conferences: run npm run samples first.');
}

export default async function exportBench(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-export-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-lo-'));
  const { source, from, file } = seed000();
  const template = getTemplate(source.meta.templateId);
  const proc = compile(source, template, options);
  const docxFile = path.join(dir, 'ours.docx');
  fs.writeFileSync(docxFile, await docxBytes(proc));
  const mdFile = path.join(dir, 'same-content.md');
  fs.writeFileSync(mdFile, proceedingsToMarkdown(proc));
  // In process: the first PDF loads the fonts and warms Typst's caches; later ones are warm.
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const engine = TypstEngine.create();
  const first = engine.pdf(typstInput(compile(source, template, options)));
  const firstInProcess = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const firstCpu = (used.user + used.system) / 1000;
  const pages = first.pages;
  const [cli, cliArgs] = cliCommand();
  let edits = 0;
  const editedUnit = source.parts.find((p) => p.kind === 'unit') ?? source.parts[0]!;
  const editedSource = (): ConferenceSource => ({
    ...source,
    parts: source.parts.map((p) => (p.id === editedUnit.id ? { ...p, title: `${p.title} (${++edits})` } : p)),
  });
  const cliPdf = path.join(dir, 'cli.pdf');
  try {
    const tasks = {
      oursDocx: async () => {
        await docxBytes(compile(source, template, options));
      },
      pandoc: () =>
        execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), mdFile]),
      // A heading edited before each run, as between two exports of a conference being written:
      // Typst re-lays out what changed and reuses the rest from its memo cache.
      oursPdf: () => {
        engine.pdf(typstInput(compile(editedSource(), template, options)));
      },
      cli: () => execFileSync(cli, [...cliArgs, 'export', file, '--pdf', cliPdf], { stdio: 'ignore' }),
      lo: () =>
        execFileSync(
          'soffice',
          [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxFile],
          { stdio: 'ignore' },
        ),
    };
    type Name = keyof typeof tasks;
    const SCOPE: Record<Name, 'self' | 'child' | 'tree'> = {
      oursDocx: 'self',
      pandoc: 'child',
      oursPdf: 'self',
      cli: 'child',
      lo: 'child',
    };
    const names = Object.keys(tasks) as Name[];
    const wall = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
    const cpu = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
    // Warm-up: LibreOffice's profile is created, the command line's bundle built if stale.
    for (const name of names) await tasks[name]();
    // Interleaved, so each tool and its peer see the same load on this shared machine.
    for (let i = 0; i < RUNS; i++) {
      for (const name of names) {
        const m = await measure(tasks[name], SCOPE[name]);
        wall[name].push(m.wall);
        cpu[name].push(m.cpu);
      }
    }
    // The app's preview: one session part, its title edited before each run, through the export
    // jobs (the Typst worker thread, warm after the first preview).
    const jobs = new ExportJobs(path.join(dir, 'jobs'));
    const unit = source.parts.find((p) => p.kind === 'unit') ?? source.parts[0]!;
    const preview: number[] = [];
    let previewPages = 0;
    try {
      for (let i = 0; i <= RUNS; i++) {
        const edited = {
          ...source,
          parts: source.parts.map((p) => (p.id === unit.id ? { ...p, title: `${unit.title} (${i})` } : p)),
        };
        const t = performance.now();
        const done = await jobs.wait(
          jobs.start(edited, 'pdf', { partIds: [unit.id], annexes: false, watermark: false }).jobId,
        );
        if (i > 0) preview.push(performance.now() - t);
        previewPages = done.pages ?? 0;
      }
    } finally {
      jobs.dispose();
    }
    const loPages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(dir, 'ours.pdf')], { encoding: 'utf8' }))?.[1],
    );
    const row = (task: string, ours: Name, peerName: string, peer: Name) =>
      `| ${task} | ${ms(median(wall[ours]))} | ${ms(median(cpu[ours]))} | ${peerName} | ${ms(median(wall[peer]))} | ${ms(median(cpu[peer]))} | ${ratio(median(wall[peer]), median(wall[ours]))} | ${ratio(median(cpu[peer]), median(cpu[ours]))} |`;
    const pdfRow = (task: string, ours: Name) =>
      `| ${task} | ${ms(median(wall[ours]))} | ${ms(median(cpu[ours]))} | ${ms(median(wall.lo))} | ${ms(median(cpu.lo))} | ${ratio(median(wall[ours]), median(wall.lo))} | ${ratio(median(cpu[ours]), median(cpu.lo))} |`;
    return [
      '### Export: seed 000 (conference proceedings)',
      '',
      `Source: ${from}; ${proc.footnoteCount} footnotes, ${pages} pages in our PDF (${loPages} in LibreOffice's). ${RUNS} interleaved runs each after one warm-up; medians of wall-clock time and of CPU time (user + system: in process, this process; commands, the command and its children, from /proc). Load average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(
          ', ',
        )} on ${os.cpus().length} cores. Command line: \`${[path.basename(cli), ...cliArgs.map((a) => path.relative(process.cwd(), a) || a)].join(' ')} export <file> --pdf out.pdf\`.`,
      '',
      '| task | ours, wall | ours, CPU | peer | peer, wall | peer, CPU | peer ÷ ours (wall) | peer ÷ ours (CPU) |',
      '|---|---|---|---|---|---|---|---|',
      row('compile + DOCX (in process)', 'oursDocx', 'pandoc: markdown of the same model → DOCX', 'pandoc'),
      '',
      `PDF against LibreOffice converting our DOCX (\`soffice --headless --convert-to pdf\`), first PDF in this process (fonts loaded, caches cold): ${ms(firstInProcess)} wall, ${ms(firstCpu)} CPU.`,
      '',
      '| task | ours, wall | ours, CPU | LibreOffice, wall | LibreOffice, CPU | ours ÷ LibreOffice (wall) | ours ÷ LibreOffice (CPU) |',
      '|---|---|---|---|---|---|---|',
      pdfRow('`rapporteur export --pdf` (whole command, fresh process: fonts loaded every run)', 'cli'),
      pdfRow('compile + Typst PDF/UA-1 in process, warm (a heading edited before each run)', 'oursPdf'),
      '',
      `Preview of one session part (“${unit.title}”, ${previewPages} pages), edited before each run, through the export jobs and the Typst worker thread: median ${ms(median(preview))} over ${preview.length} runs after the first.`,
    ].join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
