// Builds what the desktop app runs: the renderer (Vite) into dist/renderer and the
// Electron main process, preload and workers (esbuild) into dist/electron, with the
// options of bundle-options.mjs (runtime dependencies external, everything else bundled).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { bundleOptions, preloadOptions } from './bundle-options.mjs';

const vite = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], { stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);

const common = bundleOptions;
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
// Word documents are written in a worker thread beside the main bundle.
await build({
  ...common,
  entryPoints: ['electron/node/export/docx-worker.ts'],
  outfile: 'dist/electron/docx-worker.cjs',
});
// PDFs are laid out by Typst in a worker thread beside the main bundle.
await build({
  ...common,
  entryPoints: ['electron/node/pdf/typst-worker.ts'],
  outfile: 'dist/electron/typst-worker.cjs',
});
// Imports are parsed in a worker thread (with memory and time limits) beside the main bundle.
await build({
  ...common,
  entryPoints: ['electron/node/importer/import-worker.ts'],
  outfile: 'dist/electron/import-worker.cjs',
});
// A sandboxed preload can require only 'electron' and a few built-ins: bundle everything else in.
await build({ ...preloadOptions, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' });
// The command line (package.json "bin"): dist/cli, see build-cli.mjs.
await (await import('./build-cli.mjs')).buildCli({ log: 'info' });
