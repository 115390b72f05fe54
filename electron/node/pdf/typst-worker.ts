/**
 * Worker thread entry: lays out PDFs with Typst, one request at a time, off the services'
 * event loop. The compiler (and its fonts) stay loaded between requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError } from '../../../shared/errors';
import type { TypstInput } from '../../../shared/export/typst/types';
import { TypstEngine } from './typst-engine';
import type { WorkerReply, WorkerRequest } from './typst-off-thread';

const { root } = workerData as { root: string };
let engine: TypstEngine | null = null;
const send = (m: WorkerReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

parentPort!.on('message', (req: WorkerRequest) => {
  try {
    engine ??= TypstEngine.create(root);
    const pdf = engine.pdf(req.input as TypstInput, (stage) => send({ id: req.id, stage }));
    const bytes = pdf.bytes.slice();
    send({ id: req.id, pdf: { bytes, pages: pdf.pages, notes: pdf.notes } }, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    send({ id: req.id, error: serializeError(err) });
  }
});
