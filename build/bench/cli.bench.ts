// The command line as users start it, whole process (start-up included), against peers run
// the same way in the same session: `rapporteur info` on the largest sample (seed 000) with
// Node's own start as the floor, and `rapporteur export --docx` of it against pandoc
// converting the seed's text (`pandoc seeds/source/000_….txt -o x.docx`). The commands of
// a round run one after the other, their order rotating each round (interleaved, so that
// the machine's load falls on all of them alike); medians of wall-clock and CPU time.
// hyperfine would run each command's runs in a block, hence this script.
// `npm run bench -- cli`; BENCH_RUNS (default 15) rounds after one warm-up round.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure } from './cpu';
import { median, ms, quantile, ratio } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const root = process.cwd();
const REBUILDING = /rebuilding the command line/;

interface Cmd {
  id: string;
  label: string;
  argv: string[];
  cwd?: string;
  wall: number[];
  cpu: number[];
}

function largestSample(dir: string): { copy: string; name: string } {
  const samples = path.join(root, 'seeds', 'samples');
  const name = fs.existsSync(samples)
    ? fs.readdirSync(samples).find((f) => f.startsWith('Hemispheric Conference') && f.endsWith('.rapporteur'))
    : undefined;
  if (!name) throw new Error('The sample conference of seed 000 is missing: run npm run samples first.');
  const copy = path.join(dir, 'seed-000.rapporteur'); // a copy: opening a conference writes to it
  fs.copyFileSync(path.join(samples, name), copy);
  return { copy, name };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');

export default async function cliBench(): Promise<string> {
  const built = spawnSync(process.execPath, ['build/scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`The command line did not build: ${built.stderr}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-cli-'));
  const { copy, name } = largestSample(dir);
  const seedText = fs.readdirSync(path.join(root, 'seeds', 'source')).find((f) => f.startsWith('000_'))!;
  const node = process.execPath;
  const bin = path.join(root, 'build', 'bin', 'rapporteur.mjs');
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const main = path.join(root, 'electron', 'cli', 'main.ts');
  const cmds: Cmd[] = [
    { id: 'info', label: '`rapporteur info` (bin: launcher + bundle)', argv: [node, bin, 'info', copy] },
    // npx finds the project's own bin from the project folder, after npm's own start-up.
    {
      id: 'info-npx',
      label: '`npx rapporteur info` (from the clone)',
      argv: ['npx', 'rapporteur', 'info', copy],
      cwd: root,
    },
    {
      id: 'info-bundle',
      label: '`node dist/cli/rapporteur.mjs info` (bundle alone)',
      argv: [node, path.join(root, 'dist', 'cli', 'rapporteur.mjs'), 'info', copy],
    },
    { id: 'info-tsx', label: '`tsx electron/cli/main.ts info` (sources, as before)', argv: [tsx, main, 'info', copy] },
    { id: 'node', label: '`node -e 0` (Node starting, the floor)', argv: [node, '-e', '0'] },
    {
      id: 'docx',
      label: '`rapporteur export --docx` (bin)',
      argv: [node, bin, 'export', copy, '--docx', path.join(dir, 'ours.docx')],
    },
    {
      id: 'docx-tsx',
      label: '`tsx electron/cli/main.ts export --docx` (sources)',
      argv: [tsx, main, 'export', copy, '--docx', path.join(dir, 'tsx.docx')],
    },
    {
      id: 'pandoc',
      label: '`pandoc seeds/source/000_….txt -o x.docx`',
      argv: ['pandoc', path.join(root, 'seeds', 'source', seedText), '-o', path.join(dir, 'pandoc.docx')],
    },
  ].map((c): Cmd => ({ ...c, wall: [], cpu: [] }));

  const loadBefore = load();
  let rebuilt = 0;
  const runOnce = async (c: Cmd, keep: boolean) => {
    for (;;) {
      let r: ReturnType<typeof spawnSync> | undefined;
      const t = await measure(() => {
        r = spawnSync(c.argv[0]!, c.argv.slice(1), { cwd: c.cwd ?? dir, encoding: 'utf8' });
      }, 'child');
      if (r!.status !== 0) throw new Error(`${c.argv.join(' ')} failed (${r!.status}): ${String(r!.stderr)}`);
      // Someone changed a source meanwhile and the launcher rebuilt: not a start-up, run again.
      if (REBUILDING.test(String(r!.stderr))) {
        rebuilt++;
        continue;
      }
      if (keep) {
        c.wall.push(t.wall);
        c.cpu.push(t.cpu);
      }
      return;
    }
  };
  for (let round = -1; round < RUNS; round++) {
    const shift = Math.max(0, round) % cmds.length;
    for (const c of [...cmds.slice(shift), ...cmds.slice(0, shift)]) await runOnce(c, round >= 0);
  }
  const loadAfter = load();

  const by = (id: string) => cmds.find((c) => c.id === id)!;
  const row = (c: Cmd, peer?: Cmd, target?: string, met?: boolean) =>
    `| ${c.label} | ${ms(median(c.wall))} | ${ms(quantile(c.wall, 0.9))} | ${ms(median(c.cpu))} | ${peer ? `${ratio(median(c.wall), median(peer.wall))} wall, ${ratio(median(c.cpu), median(peer.cpu))} CPU` : ''} | ${target ?? ''} | ${met === undefined ? '' : met ? 'met' : 'not met'} |`;
  const info = by('info');
  const docx = by('docx');
  const pandoc = by('pandoc');
  return [
    '### Command line, whole process',
    '',
    `${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores; sample “${name}”; ${RUNS} interleaved rounds after one warm-up;`,
    `load average (1, 5, 15 min) ${loadBefore} before, ${loadAfter} after${rebuilt ? `; ${rebuilt} runs repeated because the launcher rebuilt` : ''}.`,
    '',
    '| command | median | p90 | median CPU | ratio | target | |',
    '|---|---|---|---|---|---|---|',
    row(info, undefined, '≤ 300 ms', median(info.wall) <= 300),
    row(by('info-npx'), info),
    row(by('info-bundle')),
    row(by('info-tsx'), info),
    row(by('node')),
    row(docx, pandoc, '≤ 1× pandoc', median(docx.wall) <= median(pandoc.wall)),
    row(by('docx-tsx'), pandoc),
    row(pandoc),
  ].join('\n');
}
