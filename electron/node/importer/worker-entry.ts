/**
 * How to start a worker thread whose entry sits beside this module: the built `.cjs`
 * beside the app's bundle (build/scripts/build.mjs writes it to dist/electron), or the
 * `.ts` source through tsx's loader (tests, the command line, browser mode). The same
 * approach as the DOCX worker's.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerEntry { code: string; eval: boolean }

export function workerEntry(name: string): WorkerEntry | null {
  try {
    // In the app's CommonJS bundle (dist/electron) __dirname is set; from source, import.meta.url.
    const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
    const js = path.join(here, `${name}.cjs`);
    if (fs.existsSync(js)) return { code: js, eval: false };
    const ts = path.join(here, `${name}.ts`);
    if (fs.existsSync(ts)) {
      const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
      return { code: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(ts)});`, eval: true };
    }
  } catch {
    // import.meta.url is not a file URL in a bundle, or tsx is absent: fall through.
  }
  return null;
}
