/**
 * Accepting an import warning's OCR repair: the suggested word replaces the damaged one in
 * the text of every part and in the entries of the list of participants, whole words and
 * exact case only, every occurrence, as one
 * operation in one transaction that begins with a snapshot (restoring it is the undo step),
 * through the same find and replace as the editor's replace in all parts.
 */
import type { ImportWarning, PartSummary, SnapshotInfo } from '../../../shared/model/conference';
import { compileFind, Deadline, replaceInDoc } from '../../../shared/search/find';
import type { ConferenceStore } from '../store/conference-store';
import { appError } from '../../../shared/i18n/app-error';

export interface AcceptRepairResult {
  /** Occurrences changed, in all parts and participant entries. */
  replaced: number;
  partsChanged: number;
  /** Participant entries changed (the list of participants of an OCR'd report holds damage too: "Comisién"). */
  participantsChanged: number;
  /** Taken first; restoring it undoes the repair. */
  snapshot: SnapshotInfo;
  parts: PartSummary[];
  warnings: ImportWarning[];
}

/** The words of a participant entry a repair changes (not its id or revision). */
const PARTICIPANT_TEXT_FIELDS = ['name', 'honorific', 'title', 'organisation', 'country', 'group', 'role'] as const;

export function acceptRepair(store: ConferenceStore, warningId: number): AcceptRepairResult {
  const warning = store.listWarnings().find((w) => w.id === warningId);
  if (!warning) throw appError('NOT_FOUND', 'repair.noSuchWarning', { id: warningId });
  if (!warning.suggestion) throw appError('INVALID_INPUT', 'repair.notARepair');
  if (warning.status !== 'open') throw appError('CONFLICT', 'repair.notOpen');
  const { find, replace } = warning.suggestion;
  const compiled = compileFind({ query: find, matchCase: true, wholeWord: true, regex: false });
  const deadline = new Deadline();
  return store.writeWith(() => {
    const snapshot = store.createSnapshot(store.autoSnapshotName('beforeRepair', { find, replace }), 'before-replace');
    let replaced = 0;
    let partsChanged = 0;
    for (const summary of store.listParts()) {
      const part = store.getPart(summary.id);
      const { doc, count } = replaceInDoc(part.doc, compiled, replace, null, deadline);
      if (!count) continue;
      store.savePartDoc(part.id, doc, part.revision);
      replaced += count;
      partsChanged++;
    }
    let participantsChanged = 0;
    for (const p of store.listParticipants()) {
      let count = 0;
      const fixed = { ...p };
      for (const f of PARTICIPANT_TEXT_FIELDS)
        fixed[f] = p[f].replace(compiled.re, () => {
          count++;
          return replace;
        });
      if (!count) continue;
      store.saveParticipant(fixed);
      replaced += count;
      participantsChanged++;
    }
    store.setWarningStatus(warningId, 'accepted');
    return {
      replaced,
      partsChanged,
      participantsChanged,
      snapshot,
      parts: store.listParts(),
      warnings: store.listWarnings(),
    };
  });
}
