/**
 * The one table of export formats: what each is called, its file extension and MIME type, and
 * the writer that turns compiled proceedings into its bytes. The service, the background jobs,
 * browser mode's download route and the command line all read it; a format added here is
 * offered everywhere the contract's ExportFormat allows it.
 */
import type { z } from 'zod';
import type { ExportFormat as ExportFormatSchema } from '../../../shared/contract/api';
import type { Proceedings } from '../../../shared/compile/model';
import { docxBytes } from '../../../shared/export/docx/docx-export';
import { typstInput } from '../../../shared/export/typst/typst-data';
import { typstEngine } from '../pdf/typst-engine';
import { typstWorker } from '../pdf/typst-off-thread';
import { docxOffThread } from './docx-off-thread';
import { type ExportStage, exportStage } from '../../../shared/i18n/export-stage';
import type { ExportNote } from '../../../shared/i18n/export-notes';

export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** A stage of an export: its English message, and its key and values for the interface to word. */
export type ExportProgress = ExportStage;

export interface WriterRequest {
  /** DOCX: lay the document out to write page numbers into its contents. */
  tocPageNumbers?: boolean;
  onProgress(p: ExportProgress): void;
  signal?: AbortSignal;
  /** In a worker thread (the services' event loop stays free). */
  offThread?: boolean;
}

export interface WrittenExport {
  bytes: Uint8Array;
  pages?: number;
  /** What the compile step skipped or guessed (catalogued), and the PDF engine's own words. */
  notes: ExportNote[];
}

export interface Exporter {
  id: ExportFormat;
  label: string;
  /** With its dot: ".docx". */
  extension: string;
  mime: string;
  write(proc: Proceedings, req: WriterRequest): Promise<WrittenExport>;
}

export const exporters: { readonly [F in ExportFormat]: Exporter & { id: F } } = {
  docx: {
    id: 'docx',
    label: 'Word document',
    extension: '.docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    async write(proc, req) {
      req.onProgress(exportStage(0.3, req.tocPageNumbers ? 'writingDocxToc' : 'writingDocx'));
      const opts = { tocPageNumbers: req.tocPageNumbers };
      const bytes = req.offThread ? await docxOffThread(proc, opts, req.signal) : await docxBytes(proc, opts);
      return { bytes, notes: proc.notes };
    },
  },
  pdf: {
    id: 'pdf',
    label: 'PDF',
    extension: '.pdf',
    mime: 'application/pdf',
    async write(proc, req) {
      req.onProgress(exportStage(0.1, 'preparingPages'));
      const input = typstInput(proc);
      const pdf = req.offThread
        ? await typstWorker().render(input, { signal: req.signal, onStage: req.onProgress })
        : typstEngine().pdf(input, req.onProgress);
      return { bytes: pdf.bytes, pages: pdf.pages, notes: [...proc.notes, ...pdf.notes] };
    },
  },
};

export const exporterFor = (format: ExportFormat): Exporter => exporters[format];

/** `target` with the format's extension (added when missing, whatever the case of the one given). */
export function withExtension(target: string, format: ExportFormat): string {
  const { extension } = exporters[format];
  return target.toLowerCase().endsWith(extension) ? target : `${target}${extension}`;
}
