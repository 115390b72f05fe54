/**
 * The five seeds as the app imports them (parseReport: the templates and the dictionaries),
 * imported once per test run rather than once per test file: seeds/vitest.global-setup.ts
 * imports each (in a worker, as the app does) and keeps the result beside the samples, in
 * seeds/samples/.imports/, under the key of seeds/import-key.ts; the tests read it from there.
 * A result kept under another key is never used: the seed is imported again. Tests of the
 * import process itself (workers, limits, cancelling, progress) import for themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../shared/import';
import { SAMPLES, SAMPLES_DIR, seedFile } from '../build-samples';
import { importInputs, keyOf } from '../import-key';

/** Set by the global setup, so that every test file of a run reads the imports it kept. */
export const SEED_IMPORT_KEY_ENV = 'RAPPORTEUR_SEED_IMPORT_KEY';

export const SEED_PREFIXES = SAMPLES.map((s) => s.seed);

export const IMPORTS_DIR = path.join(SAMPLES_DIR, '.imports');

let computedKey: string | undefined;
export function seedImportKey(): string {
  const fromSetup = process.env[SEED_IMPORT_KEY_ENV];
  if (fromSetup) return fromSetup;
  computedKey ??= keyOf(importInputs());
  return computedKey;
}

const keptFile = (prefix: string, dir: string) => path.join(dir, `${prefix}.json`);

/** The import kept for `prefix` under `key`, or null when there is none or it was made from other sources. */
export function keptImport(prefix: string, key = seedImportKey(), dir = IMPORTS_DIR): ImportResult | null {
  let kept: { key: string; result: ImportResult };
  try {
    kept = JSON.parse(fs.readFileSync(keptFile(prefix, dir), 'utf8')) as typeof kept;
  } catch {
    return null;
  }
  return kept.key === key ? kept.result : null;
}

/** Keeps an import under `key`: written beside its place and renamed, so a reader never sees half of it. */
export function keepImport(prefix: string, result: ImportResult, key = seedImportKey(), dir = IMPORTS_DIR): void {
  fs.mkdirSync(dir, { recursive: true });
  const staged = `${keptFile(prefix, dir)}.${process.pid}.${Date.now()}`;
  fs.writeFileSync(staged, JSON.stringify({ key, result }));
  fs.renameSync(staged, keptFile(prefix, dir));
}

/**
 * A seed's import, as the app makes it: the one kept for this run, else imported here (in process)
 * and kept. Each call returns a copy of its own, as read from JSON.
 */
export async function seedImport(prefix: string): Promise<ImportResult> {
  const kept = keptImport(prefix);
  if (kept) return kept;
  // Loaded only here: a test reading kept imports need not load the importer and its dictionaries.
  const { parseReport } = await import('../../electron/node/importer/parse-report');
  const file = seedFile(prefix);
  const result = await parseReport({ bytes: fs.readFileSync(file), fileName: path.basename(file) });
  keepImport(prefix, result);
  return JSON.parse(JSON.stringify(result)) as ImportResult;
}
