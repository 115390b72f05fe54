// Builds what the desktop app runs: the renderer (Vite) into dist/renderer and the
// Electron main process and preload (esbuild) into dist/electron. Native modules and
// electron itself stay external.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const vite = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], { stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);

const common = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'info',
  external: ['electron', 'better-sqlite3', 'playwright-core', '@myriaddreamin/typst-ts-node-compiler'],
};
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
// Word documents are written in a worker thread beside the main bundle.
await build({ ...common, entryPoints: ['electron/node/export/docx-worker.ts'], outfile: 'dist/electron/docx-worker.cjs' });
// PDFs are laid out by Typst in a worker thread beside the main bundle.
await build({ ...common, entryPoints: ['electron/node/pdf/typst-worker.ts'], outfile: 'dist/electron/typst-worker.cjs' });
// A sandboxed preload can require only 'electron' and a few built-ins: bundle everything else in.
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' });
