/**
 * The built command line (dist/cli) made current for the tests that spawn it, built only when one
 * of its sources is newer than the build: `npm test` builds it just before vitest, so the spawned
 * tests need not build it again (about 2 CPU-s each time). When it is stale it is built here,
 * so that a build error fails the test (the launcher would fall back to the older bundle).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { projectRoot } from '../node/paths';

const manifest = path.join(projectRoot, 'dist', 'cli', 'manifest.json');
const entry = path.join(projectRoot, 'dist', 'cli', 'rapporteur.mjs');

/** Why the bundle must be built, or null when it is newer than all its sources (the launcher's rule). */
function staleness(): string | null {
  let built: { builtAt: number; inputs: string[] };
  try {
    if (!fs.existsSync(entry)) return 'missing';
    built = JSON.parse(fs.readFileSync(manifest, 'utf8')) as typeof built;
  } catch {
    return 'missing';
  }
  // The bundle options are the build's too, though esbuild's list of inputs does not name them.
  for (const input of [...built.inputs, 'build/scripts/bundle-options.mjs']) {
    try {
      if (fs.statSync(path.join(projectRoot, input)).mtimeMs > built.builtAt) return `${input} changed`;
    } catch {
      return `${input} removed`;
    }
  }
  return null;
}

export function currentCliBundle(): void {
  if (staleness() === null) return;
  const built = spawnSync(process.execPath, [path.join(projectRoot, 'build', 'scripts', 'build-cli.mjs')], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(built.status, built.stderr).toBe(0);
}
