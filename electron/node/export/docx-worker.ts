/** Worker thread entry: writes one DOCX, so the services' event loop stays free meanwhile. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Proceedings } from '../../../shared/compile/model';
import { type DocxOptions, docxBytes } from '../../../shared/export/docx/docx-export';

const { proc, opts } = workerData as { proc: Proceedings; opts: DocxOptions };
docxBytes(proc, opts).then((bytes) => parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]));
