// `npm start`: the desktop app where Electron's binary is installed; otherwise browser mode,
// saying so, on the same services.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

let electronBinary = null;
try {
  const dir = path.dirname(require.resolve('electron/package.json'));
  if (fs.existsSync(path.join(dir, 'path.txt'))) electronBinary = require('electron');
} catch {
  /* not installed */
}

// The first screen offers the sample conferences: build them on the first start (and when the seeds changed).
run('npx', ['tsx', 'build/scripts/ensure-samples.ts']);

if (electronBinary) {
  run('node', ['build/scripts/build.mjs']);
  const child = spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log("Electron's binary is not installed on this machine (it could not be downloaded),");
  console.log('so Rapporteur starts in browser mode: open the address printed below.\n');
  run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  const child = spawn('npx', ['tsx', 'electron/cli/main.ts', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
