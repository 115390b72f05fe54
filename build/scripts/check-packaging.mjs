// Checks electron-builder.yml as far as a machine without internet can: packs the app
// into a folder against a stand-in Electron distribution, then inspects the result.
// The real build (npm run dist) needs a machine with internet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-pack-'));
const fakeElectron = path.join(tmp, 'electron-dist');
fs.mkdirSync(fakeElectron);
fs.writeFileSync(path.join(fakeElectron, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
const version = JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')).version;

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) { console.error(`failed: ${cmd} ${args.join(' ')}`); process.exit(1); }
};
run('node', ['build/scripts/build.mjs']);
run('npx', ['tsx', 'seeds/build-samples.ts']);
run('npx', ['electron-builder', '--linux', 'dir', '--config', 'electron-builder.yml',
  `-c.electronDist=${fakeElectron}`, `-c.electronVersion=${version}`, '-c.npmRebuild=false', `-c.directories.output=${tmp}/out`]);

const resources = path.join(tmp, 'out', 'linux-unpacked', 'resources');
const asar = spawnSync('npx', ['asar', 'list', path.join(resources, 'app.asar')], { encoding: 'utf8' }).stdout.split('\n');
const problems = [];
for (const f of ['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/package.json']) {
  if (!asar.includes(f)) problems.push(`${f} is missing from app.asar`);
}
if (!fs.existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))) {
  problems.push('better-sqlite3 is not unpacked from the asar');
}
if (!fs.readdirSync(path.join(resources, 'samples')).some((f) => f.endsWith('.rapporteur'))) problems.push('the sample conferences are missing');
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
console.log(`Packaging configuration checked in ${tmp}/out (stand-in Electron ${version}).`);
