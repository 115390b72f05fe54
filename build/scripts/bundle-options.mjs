// The esbuild options of every Node-side bundle the desktop app runs (main, preload, workers).
// Runtime dependencies (package.json "dependencies") stay external and are packed by
// electron-builder; everything else is bundled in, so a devDependency never runs in the app.
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

/** What the packed app may require at run time besides Node's built-ins. */
export const runtimeModules = ['electron', ...Object.keys(pkg.dependencies ?? {})];

/**
 * The spelling dictionaries (the `dictionary-*` dev dependencies) travel inside the bundle:
 * electron/node/importer/spelling-files.ts reads them from node_modules when run from source,
 * and is replaced here by a module holding their text, so the packed app reads no package files.
 */
export const embedDictionariesPlugin = {
  name: 'embed-dictionaries',
  setup(build) {
    build.onLoad({ filter: /[\\/]electron[\\/]node[\\/]importer[\\/]spelling-files\.ts$/ }, () => {
      const root = new URL('../../', import.meta.url);
      const names = Object.keys(pkg.devDependencies ?? {}).filter((n) => n.startsWith('dictionary-'));
      const files = Object.fromEntries(
        names.map((n) => [
          n,
          {
            aff: fs.readFileSync(new URL(`node_modules/${n}/index.aff`, root), 'utf8'),
            dic: fs.readFileSync(new URL(`node_modules/${n}/index.dic`, root), 'utf8'),
          },
        ]),
      );
      const contents =
        `const FILES = ${JSON.stringify(files)};\n` +
        'export function dictionaryPackageFiles(name) { const f = FILES[name]; if (!f) throw new Error(`No spelling dictionary ${name} in this build.`); return f; }\n';
      return { contents, loader: 'js' };
    });
  },
};

export const bundleOptions = {
  plugins: [embedDictionariesPlugin],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'info',
  external: runtimeModules,
  // import.meta is empty in CommonJS: give import.meta.url its real value, and make any other
  // use of import.meta (dirname, resolve…) a build error rather than a crash in the installed app.
  define: { 'import.meta.url': '__rapporteurImportMetaUrl' },
  banner: { js: '"use strict";\nvar __rapporteurImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  logOverride: { 'empty-import-meta': 'error' },
};

/** A sandboxed preload may require only 'electron', 'events', 'timers' and 'url': no banner, no externals but electron. */
export const preloadOptions = { ...bundleOptions, external: ['electron'], define: {}, banner: {} };
