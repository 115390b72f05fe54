import type { MessageValues } from '../errors';
import { isMessageKey, type SourceCatalogue } from './catalogues';
import { translator } from './translate';

/** A key of export.json's `stage`: what a running export is doing ("writingPdf"). */
export type ExportStageKey = keyof SourceCatalogue['export']['stage'];

/** An export's progress: its English message (logs, the command line) and its stage for the interface to word. */
export interface ExportStage {
  fraction: number;
  message: string;
  stage: { key: ExportStageKey; values: MessageValues };
}

export function exportStage(fraction: number, key: ExportStageKey, values: MessageValues = {}): ExportStage {
  return {
    fraction,
    message: String(translator('en')(`export:stage.${key}` as never, values)),
    stage: { key, values },
  };
}

/** Whether a stage key from the wire names a message of the catalogue (anything else is not trusted). */
export function isExportStageKey(key: string): key is ExportStageKey {
  return isMessageKey('export', `stage.${key}`);
}
