/**
 * Before the tests: each seed imported once for the whole run and kept for the tests
 * (seeds/testing/seed-imports.ts), and the sample conferences built from those imports when
 * missing or made from other sources (see seeds/build-samples.ts).
 */
import { importReportFile } from '../electron/node/importer';
import { buildSamples, samplesUpToDate, seedFile } from './build-samples';
import { SEED_IMPORT_KEY_ENV, SEED_PREFIXES, keepImport, keptImport, seedImportKey } from './testing/seed-imports';

export default async function setup(): Promise<void> {
  try {
    // The test workers are started after this and inherit the variable.
    process.env[SEED_IMPORT_KEY_ENV] = seedImportKey();
    const imported = async (prefix: string) => {
      const kept = keptImport(prefix);
      if (kept) return kept;
      // In a worker, as the app imports (the main process does not keep the dictionaries), without the
      // app's time limit: on a loaded machine seed 000 can take longer than a minute, and it is no hostile file.
      const result = await importReportFile(seedFile(prefix), undefined, { limits: { timeMs: 900_000 } });
      keepImport(prefix, result);
      return result;
    };
    for (const prefix of SEED_PREFIXES) await imported(prefix);
    if (!samplesUpToDate()) await buildSamples(undefined, imported);
  } catch (err) {
    // The importer's own tests say what is wrong; the other tests still run.
    process.stderr.write(
      `Importing the seeds or building the sample conferences failed: ${err instanceof Error ? err.message : String(err)}\n`,
    );
  }
}
