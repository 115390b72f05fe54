/**
 * Before the tests: the three worker threads (import, DOCX, Typst) bundled as `npm run build`
 * bundles them, which workerEntry uses (RAPPORTEUR_WORKERS_DIR). The tests then run the workers
 * users get, and do not pay for loading each worker's sources through tsx (about 1.3 CPU-s per
 * worker started, some sixty times a run).
 *
 * A bundle is kept between runs in a folder named by the hash of everything it was built from
 * (every source file esbuild read, the lockfile for what came from node_modules, the bundle
 * options and esbuild's version), so an unchanged tree is not bundled again and a changed one
 * never gets an old bundle. Folders are never changed once written: runs side by side can share them.
 * They sit under node_modules so that the bundles' external packages resolve.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build, version as esbuildVersion } from 'esbuild';
import { bundleOptions } from '../../../build/scripts/bundle-options.mjs';
import { WORKERS_DIR_ENV } from '../worker-entry';

const root = path.resolve(import.meta.dirname, '../../..');
const WORKERS = {
  'import-worker': 'electron/node/importer/import-worker.ts',
  'docx-worker': 'electron/node/export/docx-worker.ts',
  'typst-worker': 'electron/node/pdf/typst-worker.ts',
};
const CACHE = path.join(root, 'node_modules', '.cache', 'rapporteur-workers');
/** The source files the last build read, relative to the root (node_modules excluded). */
const INPUTS = path.join(CACHE, 'inputs.json');
/** Bundles of other trees are left a day for runs that may still use them, then removed. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** The hash of a build from these inputs, or null when one of them is gone. */
function buildKey(inputs: string[]): string | null {
  const hash = createHash('sha256');
  hash.update(`${esbuildVersion}\0${JSON.stringify(WORKERS)}\0`);
  const fixed = ['package-lock.json', 'package.json', 'build/scripts/bundle-options.mjs'];
  for (const file of [...fixed, ...[...inputs].sort()]) {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) return null;
    hash.update(`${file}\0`).update(fs.readFileSync(full)).update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

function readInputs(): string[] | null {
  try {
    const inputs = JSON.parse(fs.readFileSync(INPUTS, 'utf8')) as unknown;
    return Array.isArray(inputs) && inputs.every((i) => typeof i === 'string') ? inputs : null;
  } catch {
    return null;
  }
}

async function bundle(): Promise<string> {
  const tmp = fs.mkdtempSync(path.join(CACHE, 'building-'));
  const inputs = new Set<string>();
  await Promise.all(
    Object.entries(WORKERS).map(async ([name, entry]) => {
      const result = await build({
        ...bundleOptions,
        absWorkingDir: root,
        entryPoints: [entry],
        outfile: path.join(tmp, `${name}.cjs`),
        sourcemap: false,
        logLevel: 'warning',
        metafile: true,
      });
      for (const input of Object.keys(result.metafile.inputs)) {
        if (!input.split(/[\\/]/).includes('node_modules')) inputs.add(input);
      }
    }),
  );
  const list = [...inputs].sort();
  const key = buildKey(list);
  if (!key) throw new Error('A source file of the test workers vanished while they were bundled.');
  const dir = path.join(CACHE, key);
  try {
    fs.renameSync(tmp, dir);
  } catch {
    // Another run bundled the same tree meanwhile: its folder is the same bundle.
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const inputsTmp = `${INPUTS}.${process.pid}`;
  fs.writeFileSync(inputsTmp, JSON.stringify(list));
  fs.renameSync(inputsTmp, INPUTS);
  return dir;
}

function removeOldBundles(keep: string): void {
  for (const name of fs.readdirSync(CACHE)) {
    const full = path.join(CACHE, name);
    if (full === keep || full === INPUTS) continue;
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > KEEP_MS) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

export default async function setup(): Promise<() => void> {
  fs.mkdirSync(CACHE, { recursive: true });
  const inputs = readInputs();
  const key = inputs && buildKey(inputs);
  const kept = key ? path.join(CACHE, key) : null;
  const complete = (dir: string) => Object.keys(WORKERS).every((name) => fs.existsSync(path.join(dir, `${name}.cjs`)));
  const dir = kept && complete(kept) ? kept : await bundle();
  // Marks it used, so that removeOldBundles in a later run keeps it while it is current.
  const now = new Date();
  fs.utimesSync(dir, now, now);
  removeOldBundles(dir);
  // The test workers are started after this and inherit the variable.
  process.env[WORKERS_DIR_ENV] = dir;
  return () => {
    delete process.env[WORKERS_DIR_ENV];
  };
}
