// Imports that were quadratic or unbounded (issue 17.2), each in a fresh process so its
// peak memory is its own: parse in the worker and write the conference file. Peers, in
// the same run: pandoc reading the same markdown (a mature parser, process start
// included, as ours includes the worker's), and `unzip -l` listing the bomb's directory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, ms, ratio } from './stats';

const self = fileURLToPath(import.meta.url);
const here = path.dirname(self);
const RUNS = 3;

interface Case {
  name: string;
  file: string;
  target: string;
  refused?: boolean;
}

function inputs(dir: string): Case[] {
  const write = (name: string, content: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  return [
    {
      name: '10,000 headings (79 KB)',
      target: '≤ 5 s',
      file: write(
        'headings.md',
        `# Report\n\n${Array.from({ length: 10_000 }, (_, i) => `## Heading ${i}\n\nText ${i}.\n`).join('\n')}`,
      ),
    },
    { name: 'a 1 MB line', target: '≤ 2 s', file: write('line.md', `# Report\n\n${'word '.repeat(200_000)}\n`) },
    {
      name: '100,000 spaces then a word',
      target: '(was 33 s)',
      file: write('spaces.md', `Report\n\n${' '.repeat(100_000)}x\n`),
    },
    {
      name: '3,000 nested list levels',
      target: '(was > 2 min)',
      file: write(
        'nested.md',
        `# Report\n\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`,
      ),
    },
    // Plain text goes through the same tree (issue 12): the real OCR'd book, and a long plain numbered list.
    {
      name: 'seed 000, plain text (4,999 OCR lines)',
      target: '(a real report)',
      file: write(
        'seed-000.txt',
        fs.readFileSync(
          path.join(
            here,
            '../../seeds/source',
            fs.readdirSync(path.join(here, '../../seeds/source')).find((f) => f.startsWith('000_'))!,
          ),
        ),
      ),
    },
    {
      name: '10,000 numbered lines, each with a line of text (plain text)',
      target: '(within the worker’s 60 s)',
      file: write(
        'numbered.txt',
        `REPORT\n\n${Array.from({ length: 10_000 }, (_, i) => `${i + 1}. Item ${i}\nIts text ${i}.`).join('\n')}\n`,
      ),
    },
    {
      name: 'DOCX expanding to 150 MB (535 KB), refused',
      target: '≤ 2 s, < 500 MB',
      refused: true,
      file: path.join(dir, 'bomb.docx'),
    },
  ];
}

/** One import in this process: the time from bytes to a written file (or the refusal), and the peak memory. */
async function runCase(file: string): Promise<void> {
  const { importReportBytes, writeNewConference } = await import('../../electron/node/importer');
  const bytes = fs.readFileSync(file);
  const out = path.join(path.dirname(file), `out-${process.pid}.rapporteur`);
  const t0 = performance.now();
  let refused = '';
  try {
    writeNewConference(await importReportBytes({ bytes, fileName: path.basename(file) }), out);
  } catch (err) {
    refused = (err as Error).message;
  }
  const elapsed = performance.now() - t0;
  fs.rmSync(out, { force: true });
  // The same work on this thread: the importer's own cost, without the worker's start (which,
  // from sources, compiles the importer again through tsx; the app starts a prebuilt bundle).
  const { parseReport } = await import('../../electron/node/importer/parse-report');
  const t1 = performance.now();
  try {
    writeNewConference(await parseReport({ bytes, fileName: path.basename(file) }), out);
  } catch {
    // Refused again: the time to refuse is what counts.
  }
  const inProcess = performance.now() - t1;
  fs.rmSync(out, { force: true });
  // maxRSS covers the worker threads too: they share this process.
  process.stdout.write(
    JSON.stringify({ ms: elapsed, inProcess, maxRssMb: process.resourceUsage().maxRSS / 1024, refused }),
  );
}

/** A peer's time, or Infinity past PEER_LIMIT_MS (pandoc is itself quadratic on deep nesting). */
function timed(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: PEER_LIMIT_MS });
  if (r.signal) return Number.POSITIVE_INFINITY;
  if (r.status !== 0) throw new Error(`${cmd} failed`);
  return performance.now() - t0;
}
const PEER_LIMIT_MS = 30_000;
const peerText = (v: number) => (Number.isFinite(v) ? ms(v) : `> ${PEER_LIMIT_MS / 1000} s (stopped)`);

export default async function importBench(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-import-'));
  const rows: string[] = [];
  try {
    const cases = inputs(dir);
    const made = spawnSync('npx', ['tsx', self, '--bomb', path.join(dir, 'bomb.docx')], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error('could not write the bomb');
    for (const c of cases) {
      const runs: { ms: number; inProcess: number; maxRssMb: number; refused: string }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = spawnSync('npx', ['tsx', self, '--case', c.file], { encoding: 'utf8', maxBuffer: 1 << 20 });
        if (r.status !== 0) throw new Error(`case ${c.name} failed: ${r.stderr}`);
        runs.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
      }
      if (runs.some((r) => Boolean(r.refused) !== Boolean(c.refused)))
        throw new Error(`case ${c.name}: ${runs.map((r) => r.refused || 'imported').join('; ')}`);
      // One peer run past its limit is enough to know.
      const first = c.refused
        ? timed('unzip', ['-l', c.file])
        : timed('pandoc', ['-f', 'markdown', '-t', 'json', c.file, '-o', '/dev/null']);
      const peerRuns = Number.isFinite(first)
        ? [
            first,
            ...Array.from({ length: RUNS - 1 }, () =>
              c.refused
                ? timed('unzip', ['-l', c.file])
                : timed('pandoc', ['-f', 'markdown', '-t', 'json', c.file, '-o', '/dev/null']),
            ),
          ]
        : [first];
      const ours = median(runs.map((r) => r.ms));
      const peer = median(peerRuns);
      const mem = Math.max(...runs.map((r) => r.maxRssMb));
      rows.push(
        `| ${c.name} | ${ms(ours)} | ${ms(median(runs.map((r) => r.inProcess)))} | ${mem.toFixed(0)} MB | ${c.refused ? 'unzip -l' : 'pandoc'} ${peerText(peer)} | ${Number.isFinite(peer) ? ratio(ours, peer) : '—'} | ${c.target} |`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    '### Importer: hostile and pathological inputs',
    '',
    `Each case in a fresh process, ${RUNS} runs, median time from bytes to a written conference (or the refusal), through the worker and then again on the calling thread; peak memory of the process with its worker (both runs).`,
    '',
    '| input | ours, median (worker) | same, in process | peak memory | peer, median | ratio (worker) | target |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

if (process.argv[2] === '--case') await runCase(process.argv[3]!);
if (process.argv[2] === '--bomb') {
  const { docxOfParagraphs } = await import('../../electron/node/importer/zip.testkit');
  fs.writeFileSync(process.argv[3]!, docxOfParagraphs(150 * 1024 * 1024));
}
