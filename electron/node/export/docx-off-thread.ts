/**
 * DOCX writing off the event loop. Writing an 80-page report takes about a second (its
 * contents' page numbers, estimated from the model, add milliseconds; docx/layout, on
 * request, adds tens of seconds): in a worker thread the services keep answering
 * (autosave, progress polls) meanwhile. Where the worker cannot start (a bundle
 * without its entry file), the work is done in process.
 */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../worker-entry';
import type { Proceedings } from '../../../shared/compile/model';
import { type DocxOptions, docxBytes } from '../../../shared/export/docx/docx-export';
import { appError } from '../../../shared/i18n/app-error';

export function docxOffThread(proc: Proceedings, opts: DocxOptions, signal?: AbortSignal): Promise<Uint8Array> {
  const entry = workerEntry('docx-worker', import.meta.url);
  if (!entry) return docxBytes(proc, opts);
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.code, { eval: entry.eval, workerData: { proc, opts } });
    let settled = false;
    const abort = () => {
      void worker.terminate();
    };
    signal?.addEventListener('abort', abort, { once: true });
    const done = (fn: () => void) => {
      if (!settled) {
        settled = true;
        signal?.removeEventListener('abort', abort);
        fn();
      }
    };
    worker.once('message', (bytes: Uint8Array) => done(() => resolve(new Uint8Array(bytes))));
    // A worker that cannot run (a missing loader, an odd bundle) must not fail the export.
    worker.once('error', () =>
      done(() => {
        docxBytes(proc, opts).then(resolve, reject);
      }),
    );
    worker.once('exit', (code) =>
      done(() =>
        reject(
          signal?.aborted
            ? appError('CANCELLED', 'export.cancelled')
            : appError('EXPORT_FAILED', 'export.docxStopped', { code }),
        ),
      ),
    );
  });
}
