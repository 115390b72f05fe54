// Checks electron-builder.yml as far as a machine without internet can: packs the app into
// a folder against a stand-in Electron distribution (a binary that carries Electron's fuse
// wire, so the fuses are really flipped), then checks the result:
// - the files the app needs are in app.asar, better-sqlite3 unpacked, the samples beside it;
// - every module the packed main.cjs, preload and workers require resolves inside the packed app;
// - the fuses are set as configured;
// - the packed app starts under the Chromium-backed stand-in for 'electron' (load-packed.ts).
// The real build (npm run dist) needs a machine with internet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { getCurrentFuseWire } = require('@electron/fuses');
const { FuseV1Options } = require('@electron/fuses/dist/config.js');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-pack-'));
const fakeElectron = path.join(tmp, 'electron-dist');
fs.mkdirSync(fakeElectron);
// Electron's fuse wire (version 1, eight fuses) with Electron's defaults: RunAsNode on, cookie
// encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const defaults = '10110001';
fs.writeFileSync(
  path.join(fakeElectron, 'electron'),
  Buffer.concat([
    Buffer.from('#!/bin/sh\n# stand-in Electron binary for check-packaging\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, defaults.length]),
    Buffer.from(defaults),
  ]),
  { mode: 0o755 },
);
const version = JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')).version;

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`failed: ${cmd} ${args.join(' ')}`);
    process.exit(1);
  }
};
run('node', ['build/scripts/build.mjs']);
run('npx', ['tsx', 'seeds/build-samples.ts']);
run('npx', [
  'electron-builder',
  '--linux',
  'dir',
  '--config',
  'electron-builder.yml',
  `-c.electronDist=${fakeElectron}`,
  `-c.electronVersion=${version}`,
  '-c.npmRebuild=false',
  `-c.directories.output=${tmp}/out`,
]);

const unpacked = path.join(tmp, 'out', 'linux-unpacked');
const resources = path.join(unpacked, 'resources');
const problems = [];
const asar = spawnSync('npx', ['asar', 'list', path.join(resources, 'app.asar')], { encoding: 'utf8' }).stdout.split(
  '\n',
);
for (const f of [
  '/dist/electron/main.cjs',
  '/dist/electron/preload.cjs',
  '/dist/renderer/index.html',
  '/package.json',
]) {
  if (!asar.includes(f)) problems.push(`${f} is missing from app.asar`);
}
if (asar.some((f) => f.startsWith('/node_modules/playwright-core/') || f.startsWith('/node_modules/react/')))
  problems.push('devDependencies were packed');
if (
  !fs.existsSync(
    path.join(
      resources,
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node',
    ),
  )
) {
  problems.push('better-sqlite3 is not unpacked from the asar');
}
if (!fs.readdirSync(path.join(resources, 'samples')).some((f) => f.endsWith('.rapporteur')))
  problems.push('the sample conferences are missing');
// PDFs: the Typst worker, the platform's Typst module outside the asar, the house styles and their fonts.
if (!asar.includes('/dist/electron/typst-worker.cjs'))
  problems.push('/dist/electron/typst-worker.cjs is missing from app.asar');
const typstDir = path.join(
  resources,
  'app.asar.unpacked',
  'node_modules',
  '@myriaddreamin',
  `typst-ts-node-compiler-${process.platform}-${process.arch}-gnu`,
);
if (!fs.existsSync(typstDir) || !fs.readdirSync(typstDir).some((f) => f.endsWith('.node')))
  problems.push('the Typst module is not unpacked from the asar');
const houseStyles = path.join(resources, 'house-styles');
if (
  !fs.existsSync(path.join(houseStyles, 'lib', 'rapporteur.typ')) ||
  !fs.existsSync(path.join(houseStyles, 'fonts', 'LiberationSerif-Regular.ttf'))
)
  problems.push('the PDF house styles or their fonts are missing');

// The packed app as a folder (asar extract also takes the unpacked files).
const app = path.join(tmp, 'app');
run('npx', ['asar', 'extract', path.join(resources, 'app.asar'), app]);
const bundles = fs.readdirSync(path.join(app, 'dist', 'electron')).filter((f) => f.endsWith('.cjs'));
for (const bundle of bundles) {
  const file = path.join(app, 'dist', 'electron', bundle);
  const source = fs.readFileSync(file, 'utf8');
  const requireFromBundle = createRequire(file);
  for (const [, id] of source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    if (id === 'electron' || id.startsWith('node:') || builtinModules.includes(id.split('/')[0]) || id.startsWith('.'))
      continue;
    let resolved = '';
    try {
      resolved = requireFromBundle.resolve(id);
    } catch {
      /* reported below */
    }
    if (!resolved.startsWith(app + path.sep))
      problems.push(
        `${bundle} requires “${id}”, which ${resolved ? `resolves outside the packed app (${resolved})` : 'is not in the packed app'}`,
      );
  }
}

// The fuses, read back from the packed binary.
const wanted = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};
const binary = path.join(unpacked, 'rapporteur');
const wire = await getCurrentFuseWire(binary);
for (const [name, on] of Object.entries(wanted)) {
  const state = wire[FuseV1Options[name]];
  if (state !== (on ? 49 : 48))
    problems.push(
      `fuse ${name} is ${state === 49 ? 'on' : state === 48 ? 'off' : state}, should be ${on ? 'on' : 'off'}`,
    );
}

// The packed app starts under the stand-in, from its own files only.
const load = spawnSync('npx', ['tsx', 'build/scripts/load-packed.ts', app, resources], { stdio: 'inherit' });
if (load.status !== 0) problems.push('the packed app did not start under the stand-in (see above)');

if (problems.length) {
  console.error(`Packaging problems:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `Packaging checked in ${tmp}/out (stand-in Electron ${version}): files, ${bundles.length} bundles' requires, ${Object.keys(wanted).length} fuses, start-up.`,
);
