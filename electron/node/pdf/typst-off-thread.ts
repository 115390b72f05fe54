/**
 * Typst in a worker thread, so laying out a long report never blocks the services (autosave,
 * progress polls, other windows). One worker is kept warm between exports; cancelling an
 * export terminates it, and the next export starts a fresh one. Where no worker can start
 * (a bundle without its entry file), the work is done in process.
 */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../worker-entry';
import type { AppError, SerializedError } from '../../../shared/errors';
import type { TypstInput } from '../../../shared/export/typst/types';
import { houseStylesDir } from './house-styles';
import { type TypstPdf, type TypstStage, typstEngine } from './typst-engine';
import { appError, reviveError } from '../../../shared/i18n/app-error';

export interface WorkerRequest {
  id: number;
  input: TypstInput;
}
export type WorkerReply =
  | { id: number; stage: TypstStage }
  | { id: number; pdf: TypstPdf }
  | { id: number; error: SerializedError };

interface Pending {
  worker: Worker;
  resolve: (pdf: TypstPdf) => void;
  reject: (err: unknown) => void;
  onStage: (s: TypstStage) => void;
}

export interface RenderOptions {
  signal?: AbortSignal;
  onStage?: (s: TypstStage) => void;
}

export class TypstWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  /** One document at a time: requests wait their turn (the worker does them in order anyway). */
  private queue: Promise<unknown> = Promise.resolve();

  private start(entry: { code: string; eval: boolean }): Worker {
    const worker = new Worker(entry.code, { eval: entry.eval, workerData: { root: houseStylesDir() } });
    // A warm worker must not keep the command line (or a test run) alive.
    worker.unref();
    worker.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if ('stage' in m) {
        p.onStage(m.stage);
        return;
      }
      this.pending.delete(m.id);
      if ('pdf' in m) p.resolve({ ...m.pdf, bytes: new Uint8Array(m.pdf.bytes) });
      // The worker's AppError keeps its key and values, so the edge shows it in the user's language.
      else p.reject(reviveError(m.error));
    });
    const fail = (err: AppError) => {
      if (this.worker === worker) this.worker = null;
      // Only this worker's requests: a cancelled worker may exit after its successor started.
      for (const [id, p] of this.pending)
        if (p.worker === worker) {
          this.pending.delete(id);
          p.reject(err);
        }
    };
    worker.on('error', (err) => fail(appError('EXPORT_FAILED', 'export.pdfFailed', { detail: err.message })));
    worker.on('exit', (code) => fail(appError('EXPORT_FAILED', 'export.pdfStopped', { code })));
    return worker;
  }

  render(input: TypstInput, opts: RenderOptions = {}): Promise<TypstPdf> {
    const run = this.queue.then(() => this.renderNow(input, opts));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private renderNow(input: TypstInput, { signal, onStage = () => undefined }: RenderOptions): Promise<TypstPdf> {
    if (signal?.aborted) return Promise.reject(appError('CANCELLED', 'export.cancelled'));
    const entry = workerEntry('typst-worker', import.meta.url);
    if (!entry) return Promise.resolve().then(() => typstEngine().pdf(input, onStage));
    this.worker ??= this.start(entry);
    const worker = this.worker;
    const id = ++this.seq;
    return new Promise<TypstPdf>((resolve, reject) => {
      const abort = () => {
        // Typst cannot be interrupted mid-layout: the worker goes, a fresh one serves the next export.
        this.pending.delete(id);
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
        reject(appError('CANCELLED', 'export.cancelled'));
      };
      signal?.addEventListener('abort', abort, { once: true });
      const settle =
        <T>(fn: (v: T) => void) =>
        (v: T) => {
          signal?.removeEventListener('abort', abort);
          fn(v);
        };
      this.pending.set(id, { worker, resolve: settle(resolve), reject: settle(reject), onStage });
      worker.postMessage({ id, input } satisfies WorkerRequest);
    });
  }

  /** Stops the worker (tests, shutting down). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

let shared: TypstWorker | null = null;

/** The process's Typst worker, started on the first PDF. */
export function typstWorker(): TypstWorker {
  shared ??= new TypstWorker();
  return shared;
}
