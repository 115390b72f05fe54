/** Worker thread entry: parses one report, so the services' event loop stays free meanwhile. */
import { parentPort, workerData } from 'node:worker_threads';
import { type SerializedError, serializeError } from '../../../shared/errors';
import { type ImportInput, parseReport } from './parse-report';

export type WorkerMessage =
  | { type: 'progress'; stage: 'reading' | 'parsing' }
  | { type: 'done'; result: unknown }
  | ({ type: 'error' } & SerializedError);

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
parseReport(workerData as ImportInput, (stage) => post({ type: 'progress', stage })).then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => post({ type: 'error', ...serializeError(err) }),
);
