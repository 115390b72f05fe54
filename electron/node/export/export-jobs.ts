/**
 * Exports as background jobs, so every transport can show progress and cancel: the
 * renderer starts a job, follows its exportProgress events, then previews, downloads or saves the file.
 * The file is written to a private folder first; saving copies it where the user chose.
 */
import type { ExportNote } from '../../../shared/i18n/export-notes';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ConferenceSource } from '../../../shared/compile/compile';
import type { z } from 'zod';
import type { ExportJobStatus as ExportJobStatusSchema } from '../../../shared/contract/api';
import { serializeError } from '../../../shared/errors';
import { exportBytes, type ExportOptions, type ExportProgress, writeAtomically } from './export-service';
import { type ExportFormat, exporterFor, withExtension } from './exporters';
import { checkTarget, writeBytesAtomically } from '../files/safe-write';
import { type ServiceEmitter, silentEmitter } from '../events/service-events';
import { appError } from '../../../shared/i18n/app-error';
import { exportStage } from '../../../shared/i18n/export-stage';

/** Declared once, in the contract: progress while running; size, pages, notes and a file name when done. */
export type ExportJobStatus = z.output<typeof ExportJobStatusSchema>;

interface Job {
  status: ExportJobStatus;
  file: string;
  controller: AbortController;
  finished: Promise<void>;
}

const MAX_JOBS = 20;

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private folder: string | undefined;
  /** Where every change of a job's status goes (exportProgress); the edge sets it. */
  events: ServiceEmitter = silentEmitter;

  constructor(dir?: string) {
    this.folder = dir;
  }

  private announce(status: ExportJobStatus): void {
    this.events.emit('exportProgress', { ...status });
  }

  /** Created on the first export, not with the services. */
  get dir(): string {
    if (!this.folder) this.folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-exports-'));
    fs.mkdirSync(this.folder, { recursive: true });
    return this.folder;
  }

  /** `leftOut`: what the source could not include (damaged parts), said in the finished job's notes. */
  start(
    source: ConferenceSource,
    format: ExportFormat,
    options: ExportOptions,
    outPath?: string,
    replace = false,
    leftOut: ExportNote[] = [],
  ): ExportJobStatus {
    // A target that cannot or must not be written is refused before the work starts.
    if (outPath) checkTarget(outPath, { replace });
    this.prune();
    const jobId = randomUUID();
    const ext = exporterFor(format).extension;
    const base =
      (source.meta.symbol || source.meta.title || 'proceedings')
        .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
        .trim()
        .slice(0, 80) || 'proceedings';
    const { stage, message } = exportStage(0, 'queued');
    const status: ExportJobStatus = {
      jobId,
      format,
      state: 'running',
      fraction: 0,
      message,
      stage,
      fileName: `${base}${ext}`,
    };
    const controller = new AbortController();
    const file = path.join(this.dir, `${jobId}${ext}`);
    const job: Job = { status, file, controller, finished: Promise.resolve() };
    this.jobs.set(jobId, job);
    job.finished = this.run(job, source, options, outPath, replace, leftOut);
    this.announce(status);
    return { ...status };
  }

  private async run(
    job: Job,
    source: ConferenceSource,
    options: ExportOptions,
    outPath?: string,
    replace = false,
    leftOut: ExportNote[] = [],
  ): Promise<void> {
    const s = job.status;
    const onProgress = (p: ExportProgress) => {
      if (s.state !== 'running' || (p.fraction === s.fraction && p.message === s.message)) return;
      Object.assign(s, { fraction: p.fraction, message: p.message, stage: p.stage });
      this.announce(s);
    };
    try {
      // Let the caller get its job id before the work starts.
      await new Promise((r) => setImmediate(r));
      // DOCX and PDF both in a worker thread: the services keep answering meanwhile.
      const result = await exportBytes({
        source,
        format: s.format,
        options,
        onProgress,
        signal: job.controller.signal,
        offThread: true,
      });
      if (job.controller.signal.aborted) throw appError('CANCELLED', 'export.cancelled');
      writeAtomically(job.file, result.bytes);
      if (outPath) s.savedTo = writeBytesAtomically(outPath, result.bytes, { replace });
      Object.assign(s, {
        state: 'done',
        ...exportStage(1, 'done'),
        bytes: result.bytes.length,
        pages: result.pages,
        notes: [...leftOut, ...result.notes],
      });
    } catch (err) {
      const e = serializeError(err);
      if (job.controller.signal.aborted || e.code === 'CANCELLED')
        Object.assign(s, { state: 'cancelled', ...exportStage(s.fraction, 'cancelled') });
      else Object.assign(s, { state: 'failed', message: e.message, error: e });
    }
    this.announce(s);
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw appError('NOT_FOUND', 'export.gone');
    return job;
  }

  status(jobId: string): ExportJobStatus {
    return { ...this.get(jobId).status };
  }

  /** Waits for a job to finish (one-shot exports, tests). */
  async wait(jobId: string): Promise<ExportJobStatus> {
    await this.get(jobId).finished;
    return this.status(jobId);
  }

  cancel(jobId: string): boolean {
    const job = this.get(jobId);
    if (job.status.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** The finished file (for download routes and previews), with its format's MIME type. */
  file(jobId: string): { path: string; fileName: string; format: ExportFormat; mime: string } {
    const job = this.get(jobId);
    if (job.status.state !== 'done') throw appError('NOT_FOUND', 'export.notFinished');
    const { format } = job.status;
    return {
      path: job.file,
      fileName: job.status.fileName ?? path.basename(job.file),
      format,
      mime: exporterFor(format).mime,
    };
  }

  /** Writes the finished file where the user chose; an existing file only if `replace` (confirmed). */
  save(jobId: string, target: string, replace = false): string {
    const { path: from, format } = this.file(jobId);
    const dest = path.resolve(withExtension(target, format));
    writeBytesAtomically(dest, fs.readFileSync(from), { replace });
    this.get(jobId).status.savedTo = dest;
    return dest;
  }

  /** Keeps the newest jobs; older files are removed. */
  private prune(): void {
    const done = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const j of done.slice(0, Math.max(0, this.jobs.size - MAX_JOBS + 1))) {
      fs.rmSync(j.file, { force: true });
      this.jobs.delete(j.status.jobId);
    }
  }

  dispose(): void {
    for (const j of this.jobs.values()) j.controller.abort();
    if (this.folder) fs.rmSync(this.folder, { recursive: true, force: true });
  }
}
