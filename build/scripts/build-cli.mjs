// Builds the command line into dist/cli: one small entry (rapporteur.mjs) and chunks that
// each command loads only when it runs (ESM code splitting). Runtime dependencies (native
// or file-reading packages: better-sqlite3, the Typst compiler, playwright-core, pagedjs)
// stay external, as in the desktop bundles. dist/cli/manifest.json lists the sources, so
// build/bin/rapporteur.mjs can rebuild when one changed.
// Run by `npm run build`, by the launcher on first use, or alone: node build/scripts/build-cli.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions, embedDictionariesPlugin } from './bundle-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cliDir = path.join(root, 'dist', 'cli');
export const cliEntry = path.join(cliDir, 'rapporteur.mjs');
export const cliManifest = path.join(cliDir, 'manifest.json');
/** Workers the commands start beside their bundle (found by worker-entry.ts): imports are parsed
 * in one with its memory and time limits, as in the app. */
const WORKERS = { 'import-worker': 'electron/node/importer/import-worker.ts' };
/** Chunks of an earlier build may still be loading in a running command: delete only old ones. */
const STALE_CHUNK_MS = 60 * 60 * 1000;

function writeAtomically(file, contents) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/** Builds dist/cli; returns the files written. `log`: esbuild's log level. */
export async function buildCli({ log = 'warning' } = {}) {
  const startedAt = Date.now();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const result = await build({
    absWorkingDir: root,
    entryPoints: { rapporteur: 'electron/cli/main.ts' },
    outdir: cliDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [embedDictionariesPlugin],
    external: Object.keys(pkg.dependencies ?? {}),
    // Bundled CommonJS packages call require(): give the ES module bundle a real one.
    banner: {
      js: "import { createRequire as __rapporteurCreateRequire } from 'node:module';\nconst require = __rapporteurCreateRequire(import.meta.url);",
    },
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: log,
  });
  const workers = await Promise.all(
    Object.entries(WORKERS).map(([name, entry]) =>
      build({
        ...bundleOptions,
        absWorkingDir: root,
        entryPoints: [entry],
        outfile: path.join(cliDir, `${name}.cjs`),
        sourcemap: false,
        metafile: true,
        write: false,
        logLevel: log,
      }),
    ),
  );
  fs.mkdirSync(cliDir, { recursive: true });
  for (const w of workers) for (const f of w.outputFiles) writeAtomically(f.path, f.contents);
  // Chunks first (their names carry a content hash), the entry that imports them last.
  const outputs = [...result.outputFiles].sort((a, b) => Number(a.path === cliEntry) - Number(b.path === cliEntry));
  for (const f of outputs) writeAtomically(f.path, f.contents);
  const inputs = [...new Set([result, ...workers].flatMap((r) => Object.keys(r.metafile.inputs)))].filter(
    (f) => !f.includes('node_modules/'),
  );
  inputs.push('package.json', path.relative(root, fileURLToPath(import.meta.url)));
  writeAtomically(cliManifest, JSON.stringify({ builtAt: startedAt, inputs }, null, 1));

  const written = new Set([
    ...outputs.map((f) => f.path),
    ...workers.flatMap((w) => w.outputFiles.map((f) => f.path)),
    cliManifest,
  ]);
  for (const name of fs.readdirSync(cliDir)) {
    const file = path.join(cliDir, name);
    if (!written.has(file) && Date.now() - fs.statSync(file).mtimeMs > STALE_CHUNK_MS) fs.rmSync(file, { force: true });
  }
  return outputs.map((f) => f.path);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildCli({ log: 'info' });
  process.stdout.write(
    `Built the command line: ${files.filter((f) => f.endsWith('.mjs')).length} modules in ${path.relative(root, cliDir)}\n`,
  );
}
