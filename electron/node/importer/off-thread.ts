/**
 * Imports parsed in a worker thread with a memory and a time limit: a hostile or unlucky
 * file (a zip bomb, a pathological line) stops its own worker, never the process that
 * holds every open conference, whose event loop (autosave, other windows) stays free.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { ImportResult } from '../../../shared/import';
import type { WorkerMessage } from './import-worker';
import { checkDocxPackage, isZip } from './docx-package';
import { importMessages } from './messages';
import type { ImportInput, ImportStage } from './parse-report';
import { workerEntry } from '../worker-entry';

export interface ImportLimits {
  /** The worker's heap; the largest seed needs well under 100 MB. */
  memoryMb: number;
  timeMs: number;
}

export const IMPORT_LIMITS: ImportLimits = { memoryMb: 384, timeMs: 60_000 };

export interface OffThreadOptions {
  limits?: Partial<ImportLimits>;
  signal?: AbortSignal;
  onProgress?: (stage: ImportStage) => void;
}

export function parseOffThread(input: ImportInput, options: OffThreadOptions = {}): Promise<ImportResult> {
  const limits = { ...IMPORT_LIMITS, ...options.limits };
  const fail = (why: string) => new AppError('IMPORT_FAILED', importMessages.cannotImport(input.fileName, why));
  // Never parsed on this thread: that would drop the limits, and pull the parser and its
  // dictionaries into every bundle that imports (the main process loads them at start-up).
  const entry = workerEntry('import-worker', import.meta.url);
  if (!entry) return Promise.reject(fail('the import worker is missing from this installation'));
  // A zip is checked here, in microseconds, before a worker is even started for it.
  if (isZip(input.bytes)) {
    const pack = checkDocxPackage(input.bytes);
    if ('refused' in pack) return Promise.reject(fail(pack.refused));
  }
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new AppError('CANCELLED', importMessages.cancelled));
      return;
    }
    const worker = new Worker(entry.code, {
      eval: entry.eval,
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, stackSizeMb: 8 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => settle(() => reject(fail(importMessages.tookTooLong(limits.timeMs)))),
      limits.timeMs,
    );
    const abort = () => settle(() => reject(new AppError('CANCELLED', importMessages.cancelled)));
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') options.onProgress?.(m.stage);
      else if (m.type === 'done') settle(() => resolve(m.result as ImportResult));
      else settle(() => reject(new AppError(m.code as ErrorCode, m.message)));
    });
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? fail(importMessages.outOfMemory(limits.memoryMb))
            : fail(importMessages.workerStopped(err.message.split('\n')[0] ?? 'error')),
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(fail(importMessages.workerStopped(`exit code ${code}`)))));
  });
}
