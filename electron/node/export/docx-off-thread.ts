/**
 * DOCX writing off the event loop. Writing an 80-page report takes about a second (its
 * contents' page numbers, estimated from the model, add milliseconds; docx/layout, on
 * request, adds tens of seconds): in a worker thread the services keep answering
 * (autosave, progress polls) meanwhile. Where the worker cannot start (a bundle
 * without its entry file), the work is done in process.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Proceedings } from '../../../shared/compile/model';
import { type DocxOptions, docxBytes } from '../../../shared/export/docx/docx-export';
import { AppError } from '../../../shared/errors';

/** How to start the worker: the built entry beside the app's bundle, or the .ts source through tsx's loader. */
function workerEntry(): { code: string; eval: boolean } | null {
  try {
    // In the app's CommonJS bundle (dist/electron) __dirname is set; from source, import.meta.url.
    const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
    const js = path.join(here, 'docx-worker.cjs');
    if (fs.existsSync(js)) return { code: js, eval: false };
    const ts = path.join(here, 'docx-worker.ts');
    if (fs.existsSync(ts)) {
      // From source (tests, the command line, browser mode): register tsx in the worker first.
      const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
      return { code: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(ts)});`, eval: true };
    }
  } catch {
    // import.meta.url is not a file URL in a bundle, or tsx is absent: fall through.
  }
  return null;
}

export function docxOffThread(proc: Proceedings, opts: DocxOptions, signal?: AbortSignal): Promise<Uint8Array> {
  const entry = workerEntry();
  if (!entry) return docxBytes(proc, opts);
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.code, { eval: entry.eval, workerData: { proc, opts } });
    let settled = false;
    const abort = () => { void worker.terminate(); };
    signal?.addEventListener('abort', abort, { once: true });
    const done = (fn: () => void) => { if (!settled) { settled = true; signal?.removeEventListener('abort', abort); fn(); } };
    worker.once('message', (bytes: Uint8Array) => done(() => resolve(new Uint8Array(bytes))));
    // A worker that cannot run (a missing loader, an odd bundle) must not fail the export.
    worker.once('error', () => done(() => { docxBytes(proc, opts).then(resolve, reject); }));
    worker.once('exit', (code) => done(() => reject(signal?.aborted
      ? new AppError('CANCELLED', 'The export was cancelled.')
      : new AppError('EXPORT_FAILED', `Writing the Word document stopped (worker exit code ${code}).`))));
  });
}
