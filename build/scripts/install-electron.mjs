// Downloads Electron's binary where the network allows it. Electron's own install script
// is disabled in package.json ("allowScripts"), because on machines without access to
// GitHub it fails and would fail `npm ci` with it. Here a failed download only warns,
// unless ELECTRON_BINARY_REQUIRED=1 (release builds), where it is an error.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let installScript;
try {
  installScript = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // production install without devDependencies
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);

const result = spawnSync(process.execPath, [installScript], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
const pathFile = path.join(path.dirname(installScript), 'path.txt');
if (result.status === 0 && fs.existsSync(pathFile)) process.exit(0);

const why = (result.stderr?.toString() || result.error?.message || '').trim().split('\n').slice(-3).join('\n');
const message = `Electron's binary could not be downloaded, so the desktop window cannot start on this machine.
Everything else works: "npm start" serves the app in your browser instead, and "npm test" runs.
(${why || `exit code ${result.status}`})`;
if (process.env.ELECTRON_BINARY_REQUIRED === '1') {
  console.error(`error: ${message}`);
  process.exit(1);
}
console.warn(`warning: ${message}`);
