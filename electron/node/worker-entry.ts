/**
 * How to start a worker thread whose entry sits beside the module that starts it: the built
 * `.cjs` beside the bundle (build/scripts/build.mjs writes them to dist/electron, build-cli.mjs
 * the import worker to dist/cli), the ones the tests built (RAPPORTEUR_WORKERS_DIR), or the
 * `.ts` source through tsx's loader (browser mode from sources). One rule for the DOCX, Typst
 * and import workers.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A folder of built workers to use when run from source (the tests: built-workers.global-setup.ts). */
export const WORKERS_DIR_ENV = 'RAPPORTEUR_WORKERS_DIR';

export interface WorkerEntry {
  code: string;
  eval: boolean;
}

/** `name`: the worker's file name without extension; `callerUrl`: the caller's import.meta.url. */
export function workerEntry(name: string, callerUrl: string): WorkerEntry | null {
  try {
    // In a bundle import.meta.url is the bundle's own file (bundle-options.mjs defines it), so
    // the built worker is found beside it; from source, beside the caller's .ts.
    const here = path.dirname(fileURLToPath(callerUrl));
    const js = path.join(here, `${name}.cjs`);
    if (fs.existsSync(js)) return { code: js, eval: false };
    // Never consulted by the app as built: its bundles always find their workers beside them.
    const builtDir = process.env[WORKERS_DIR_ENV];
    const built = builtDir ? path.join(builtDir, `${name}.cjs`) : null;
    if (built && fs.existsSync(built)) return { code: built, eval: false };
    const ts = path.join(here, `${name}.ts`);
    if (fs.existsSync(ts)) {
      const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
      return { code: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(ts)});`, eval: true };
    }
  } catch {
    // Not a file URL, or tsx is absent: fall through.
  }
  return null;
}
