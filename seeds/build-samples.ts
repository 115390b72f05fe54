/**
 * Builds the sample conferences (seeds/samples/*.rapporteur) from the five seed reports
 * with the real importer. Run by `npm run samples`, and before the tests by
 * seeds/vitest.global-setup.ts when a sample is missing or was made from other sources
 * (the key of seeds/import-key.ts, kept in seeds/samples/.key).
 * The samples are not in git: they are rebuilt the same way on every clone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportResult } from '../shared/import';
import { importReportFile, writeNewConference } from '../electron/node/importer';
import { keyOf, sampleInputs } from './import-key';

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

export function seedFile(prefix: string): string {
  const f = fs.readdirSync(SOURCE_DIR).find((x) => x.startsWith(`${prefix}_`));
  if (!f) throw new Error(`seed ${prefix} is missing from ${SOURCE_DIR}`);
  return path.join(SOURCE_DIR, f);
}

const keyFile = (dir: string) => path.join(dir, '.key');

export function samplesUpToDate(dir = SAMPLES_DIR): boolean {
  const kept = fs.existsSync(keyFile(dir)) ? fs.readFileSync(keyFile(dir), 'utf8') : null;
  return kept === keyOf(sampleInputs()) && SAMPLES.every(({ name }) => fs.existsSync(samplePath(name, dir)));
}

/** How a seed is imported: by default as the app does, in a worker. */
export type SeedImporter = (prefix: string, file: string) => Promise<ImportResult>;

/** Imports each seed into a fresh file and moves it into place. Returns a line per sample. */
export async function buildSamples(
  dir = SAMPLES_DIR,
  importSeed: SeedImporter = (_, file) => importReportFile(file),
): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  // Taken before building: a source changed meanwhile makes the next run build again.
  const key = keyOf(sampleInputs());
  const report: string[] = [];
  for (const { seed, name } of SAMPLES) {
    const result = await importSeed(seed, seedFile(seed));
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
  const staged = `${keyFile(dir)}.${process.pid}`;
  fs.writeFileSync(staged, key);
  fs.renameSync(staged, keyFile(dir));
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
