#!/usr/bin/env node
// The `rapporteur` command (package.json "bin"). Runs the bundled command line in
// dist/cli, building it first when it is missing or older than its sources (a fresh
// clone, a pull), so `npx rapporteur` works without a separate build step.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = path.join(root, 'dist', 'cli', 'rapporteur.mjs');
const manifest = path.join(root, 'dist', 'cli', 'manifest.json');

/** Why the bundle must be (re)built, or null when it is up to date. */
function staleness() {
  let built;
  try {
    if (!fs.existsSync(entry)) return 'missing';
    built = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  } catch {
    return 'missing';
  }
  for (const input of built.inputs) {
    let mtime;
    try {
      mtime = fs.statSync(path.join(root, input)).mtimeMs;
    } catch {
      return 'changed'; // a source was removed or renamed
    }
    if (mtime > built.builtAt) return 'changed';
  }
  return null;
}

const why = staleness();
if (why) {
  const present = why !== 'missing';
  try {
    process.stderr.write(
      present
        ? 'rapporteur: sources changed, rebuilding the command line…\n'
        : 'rapporteur: building the command line (first run)…\n',
    );
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli();
  } catch (err) {
    // Without esbuild (an install without devDependencies) an existing bundle still runs.
    if (!present) {
      process.stderr.write(
        `rapporteur: the command line could not be built: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\nRun “npm ci” and “npm run build” in ${root}.\n`,
      );
      process.exit(1);
    }
    process.stderr.write('rapporteur: could not rebuild; running the existing build.\n');
  }
}
if (process.env.RAPPORTEUR_DEBUG === '1') process.setSourceMapsEnabled(true);
await import(pathToFileURL(entry).href);
