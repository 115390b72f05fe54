// The esbuild options of every Node-side bundle the desktop app runs (main, preload, workers).
// Runtime dependencies (package.json "dependencies") stay external and are packed by
// electron-builder; everything else is bundled in, so a devDependency never runs in the app.
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

/** What the packed app may require at run time besides Node's built-ins. */
export const runtimeModules = ['electron', ...Object.keys(pkg.dependencies ?? {})];

export const bundleOptions = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'info',
  external: runtimeModules,
  // import.meta is empty in CommonJS: give import.meta.url its real value, and make any other
  // use of import.meta (dirname, resolve…) a build error rather than a crash in the installed app.
  define: { 'import.meta.url': '__rapporteurImportMetaUrl' },
  banner: { js: '"use strict";\nvar __rapporteurImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  logOverride: { 'empty-import-meta': 'error' },
};

/** A sandboxed preload may require only 'electron', 'events', 'timers' and 'url': no banner, no externals but electron. */
export const preloadOptions = { ...bundleOptions, external: ['electron'], define: {}, banner: {} };
