/**
 * Imports parsed in a worker thread with a memory and a time limit: a hostile or unlucky
 * file (a zip bomb, a pathological line) stops its own worker, never the process that
 * holds every open conference, whose event loop (autosave, other windows) stays free.
 */
import { Worker } from 'node:worker_threads';
import type { MessageValues } from '../../../shared/errors';
import type { ImportResult } from '../../../shared/import';
import type { WorkerMessage } from './import-worker';
import { refuseUnreadable } from './refusals';
import type { ImportInput, ImportStage } from './parse-report';
import { workerEntry } from '../worker-entry';
import { appError, type ErrorKey, reviveError } from '../../../shared/i18n/app-error';

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

/** A time limit in seconds, as the user reads it (whole seconds from ten on). */
const seconds = (ms: number) => (ms >= 10_000 ? Math.round(ms / 1000) : ms / 1000);

export function parseOffThread(input: ImportInput, options: OffThreadOptions = {}): Promise<ImportResult> {
  const limits = { ...IMPORT_LIMITS, ...options.limits };
  const fail = (key: ErrorKey, values: MessageValues = {}) =>
    appError('IMPORT_FAILED', key, { name: input.fileName, ...values });
  const cancelled = () => appError('CANCELLED', 'import.cancelled');
  // Never parsed on this thread: that would drop the limits, and pull the parser and its
  // dictionaries into every bundle that imports (the main process loads them at start-up).
  const entry = workerEntry('import-worker', import.meta.url);
  if (!entry) return Promise.reject(fail('import.workerMissing'));
  // A file of a kind never read, or a .docx whose package is refused, is refused here, in
  // microseconds, before a worker is even started for it.
  try {
    refuseUnreadable(input.bytes, input.fileName);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(cancelled());
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
      () => settle(() => reject(fail('import.tookTooLong', { seconds: seconds(limits.timeMs) }))),
      limits.timeMs,
    );
    const abort = () => settle(() => reject(cancelled()));
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') options.onProgress?.(m.stage);
      else if (m.type === 'done') settle(() => resolve(m.result as ImportResult));
      // The worker's AppError keeps its key and values, so the edge shows it in the user's language.
      else settle(() => reject(reviveError(m)));
    });
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? fail('import.outOfMemory', { mb: limits.memoryMb })
            : fail('import.workerStopped', { detail: err.message.split('\n')[0] ?? 'error' }),
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(fail('import.workerStopped', { detail: `exit code ${code}` }))));
  });
}
