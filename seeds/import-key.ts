/**
 * What the sample conferences and the seeds' kept imports are made from, as one hash each: the
 * seed reports, every source file the importer (and, for the samples, the conference writer) is
 * built from, found by esbuild from the entry points as the app's bundles are, and the lockfile
 * (the packages they use). A change to any of them changes the key, and what was made under the
 * old key is made again. Content, not modification times: a checkout or a copy keeps the key.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The import as the app runs it: parsed in a worker (import-worker.ts runs parse-report.ts). */
const IMPORTER = ['electron/node/importer/parse-report.ts', 'electron/node/importer/import-worker.ts'];
/** And what writes an import into a conference file, for the samples. */
const WRITER = ['electron/node/importer/write-conference.ts', 'seeds/build-samples.ts'];

/** Project-relative paths of the source files reachable from `entries` (npm packages left out). */
export function sourcesOf(entries: string[]): string[] {
  // Loaded when needed: under jsdom (a test environment) esbuild refuses to load, and the tests there
  // read the key the global setup computed.
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const { metafile } = buildSync({
    absWorkingDir: root,
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'unused',
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs);
}

const seedReports = (): string[] => fs.readdirSync(path.join(root, 'seeds/source')).map((f) => `seeds/source/${f}`);

/** What a seed's import depends on. */
export const importInputs = (): string[] => [...sourcesOf(IMPORTER), ...seedReports(), 'package-lock.json'];

/** What a sample conference depends on: its import, and the code that writes it. */
export const sampleInputs = (): string[] => [
  ...sourcesOf([...IMPORTER, ...WRITER]),
  ...seedReports(),
  'package-lock.json',
];

/** A hash of the files' names and contents (`read` is there for the test that a change changes it). */
export function keyOf(
  files: string[],
  read = (file: string): Buffer => fs.readFileSync(path.join(root, file)),
): string {
  const hash = crypto.createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    hash.update(`${file}\0`);
    hash.update(read(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}
