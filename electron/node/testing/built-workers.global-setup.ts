/**
 * Before the tests: the three worker threads (import, DOCX, Typst) bundled as `npm run build`
 * bundles them, into a folder of this run's own, which workerEntry uses (RAPPORTEUR_WORKERS_DIR).
 * The tests then run the workers users get, and do not pay for loading each worker's sources
 * through tsx (about 1.3 CPU-s per worker started, some sixty times a run).
 * The folder sits under node_modules so that the bundles' external packages resolve.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../../../build/scripts/bundle-options.mjs';
import { WORKERS_DIR_ENV } from '../worker-entry';

const root = path.resolve(import.meta.dirname, '../../..');
const WORKERS = {
  'import-worker': 'electron/node/importer/import-worker.ts',
  'docx-worker': 'electron/node/export/docx-worker.ts',
  'typst-worker': 'electron/node/pdf/typst-worker.ts',
};

export default async function setup(): Promise<() => void> {
  const cache = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, 'rapporteur-workers-'));
  await Promise.all(
    Object.entries(WORKERS).map(([name, entry]) =>
      build({
        ...bundleOptions,
        absWorkingDir: root,
        entryPoints: [entry],
        outfile: path.join(dir, `${name}.cjs`),
        sourcemap: false,
        logLevel: 'warning',
      }),
    ),
  );
  // The test workers are started after this and inherit the variable.
  process.env[WORKERS_DIR_ENV] = dir;
  return () => {
    delete process.env[WORKERS_DIR_ENV];
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
