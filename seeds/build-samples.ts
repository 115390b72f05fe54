/**
 * Builds the sample conferences (seeds/samples/*.rapporteur) from the five seed reports
 * with the real importer. Run by `npm run samples`, and before the tests by
 * seeds/vitest.global-setup.ts when a sample is missing or older than its sources.
 * The samples are not in git: they are rebuilt the same way on every clone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importReportFile, writeNewConference } from '../electron/node/importer';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SOURCE_DIR = path.join(here, 'source');
export const SAMPLES_DIR = path.join(here, 'samples');

/** Seed file prefix → sample file name (the first screen shows the name). */
export const SAMPLES: { seed: string; name: string }[] = [
  { seed: '000', name: 'Hemispheric Conference on International Migration, Santiago 2002' },
  { seed: '001', name: 'Best Practices Concerning Migrant Workers, Santiago 2000' },
  { seed: '002', name: 'Inter-American Program for Migrants, Annual Report 2009' },
  { seed: '003', name: 'Migration and Human Rights Workshop, New York 2006' },
  { seed: '004', name: 'Regional Conference on Refugee Protection, San José 2009' },
];

export const samplePath = (name: string, dir = SAMPLES_DIR) => path.join(dir, `${name}.rapporteur`);

function seedFile(prefix: string): string {
  const f = fs.readdirSync(SOURCE_DIR).find((x) => x.startsWith(`${prefix}_`));
  if (!f) throw new Error(`seed ${prefix} is missing from ${SOURCE_DIR}`);
  return path.join(SOURCE_DIR, f);
}

/** Newest modification time of what a sample is made from: the seeds and the importer's code. */
function sourcesTime(): number {
  const root = path.resolve(here, '..');
  const dirs = [
    SOURCE_DIR,
    path.join(root, 'shared/import'),
    path.join(root, 'electron/node/importer'),
    path.join(here, 'templates'),
  ];
  let t = 0;
  for (const d of dirs)
    for (const f of fs.readdirSync(d))
      if (!f.endsWith('.test.ts')) t = Math.max(t, fs.statSync(path.join(d, f)).mtimeMs);
  return t;
}

export function samplesUpToDate(dir = SAMPLES_DIR): boolean {
  const since = sourcesTime();
  return SAMPLES.every(
    ({ name }) => fs.existsSync(samplePath(name, dir)) && fs.statSync(samplePath(name, dir)).mtimeMs >= since,
  );
}

/** Imports each seed into a fresh file and moves it into place. Returns a line per sample. */
export async function buildSamples(dir = SAMPLES_DIR): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const report: string[] = [];
  for (const { seed, name } of SAMPLES) {
    const result = await importReportFile(seedFile(seed));
    const staging = fs.mkdtempSync(path.join(dir, '.build-'));
    try {
      const built = samplePath(name, staging);
      writeNewConference(result, built);
      fs.renameSync(built, samplePath(name, dir));
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
    report.push(`${name}: ${result.templateId}, ${result.warnings.length} warnings`);
  }
  return report;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildSamples().then(
    (lines) => {
      for (const l of lines) process.stdout.write(`${l}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`samples: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
