/**
 * One export, start to finish, in plain Node: compile, then DOCX bytes, or a PDF laid out
 * by Typst. The command line, browser mode, the desktop app's jobs and the tests all use it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConferenceSource } from '../../../shared/compile/compile';
import { compile } from '../../../shared/compile/compile';
import type { CompileOptions, Proceedings } from '../../../shared/compile/model';
import type { Template } from '../../../shared/templates/schema';
import { templateFor, today } from './load-proceedings';
import { exporterFor, type ExportFormat, type ExportProgress } from './exporters';
import { compileWithChanges } from '../../../shared/review/changes-since';
import { withExportedComments, type WithComments } from '../../../shared/review/comments-export';
import { writeBytesAtomically } from '../files/safe-write';
import { appError } from '../../../shared/i18n/app-error';
import { exportStage } from '../../../shared/i18n/export-stage';
import type { ExportNote } from '../../../shared/i18n/export-notes';

export type { ExportFormat, ExportProgress };

/** What the user chooses: the compile options, and for DOCX whether the contents get page numbers. */
export type ExportOptions = CompileOptions & { tocPageNumbers?: boolean };

export interface ExportRequest {
  source: ConferenceSource;
  /** Defaults to the conference's own template. */
  template?: Template;
  format: ExportFormat;
  options: ExportOptions;
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
  /** Write the DOCX or lay out the PDF in a worker thread (the services' event loop stays free). */
  offThread?: boolean;
}

export interface ExportResult {
  bytes: Uint8Array;
  pages?: number;
  notes: ExportNote[];
}

const checkCancelled = (signal?: AbortSignal) => {
  if (signal?.aborted) throw appError('CANCELLED', 'export.cancelled');
};

export function compileRequest(req: Pick<ExportRequest, 'source' | 'template' | 'options'>): Proceedings {
  // A source carrying a snapshot (export "with changes since") compiles both and marks the differences;
  // one carrying comment threads (a DOCX with comments) gets those anchored in its text.
  const { comments, ...source } = req.source as ConferenceSource & WithComments;
  const proc = compileWithChanges(source, (s) =>
    compile(s, req.template ?? templateFor(req.source), { issueDate: today(), ...req.options }),
  );
  return withExportedComments(proc, comments);
}

export async function exportBytes(req: ExportRequest): Promise<ExportResult> {
  const progress = req.onProgress ?? (() => undefined);
  progress(exportStage(0.02, 'compiling'));
  const proc = compileRequest(req);
  checkCancelled(req.signal);
  const written = await exporterFor(req.format).write(proc, {
    tocPageNumbers: req.options.tocPageNumbers,
    onProgress: progress,
    signal: req.signal,
    offThread: req.offThread,
  });
  checkCancelled(req.signal);
  progress(exportStage(1, 'done'));
  return written;
}

/**
 * Writes an export through the one checked writer (a temporary file beside it, renamed when
 * complete, removed on failure such as a full disk), replacing what was there: the export
 * jobs' private files and the command line's outputs. Files the user chose in the app go
 * through writeBytesAtomically with the user's answer about replacing.
 */
export function writeAtomically(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeBytesAtomically(file, bytes, { replace: true });
}
