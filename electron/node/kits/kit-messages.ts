/** What kits and the merge tell the user, in one place. */
import path from 'node:path';
import { appError } from '../../../shared/i18n/app-error';
import { translator } from '../../../shared/i18n/translate';

const q = (s: string) => `“${s}”`;

/**
 * A merge decision's words: English in `message` (the merge log, the command line), and the
 * catalogue key with its values, so the interface says it in the user's language.
 */
export interface Said {
  message: string;
  key: string;
  values: Record<string, string>;
}
const said = (key: string, values: Record<string, string> = {}): Said => ({
  message: String(translator('en')(`kits:merge.${key}` as never, values)),
  key: `kits:merge.${key}`,
  values,
});

export const kitMessages = {
  // Errors the interface shows come from the errors catalogue (kits.*), in the user's language.
  noRapporteur: appError('INVALID_INPUT', 'kits.noRapporteur'),
  nothingAssigned: (name: string, known: string[]) =>
    known.length
      ? appError('INVALID_INPUT', 'kits.nothingAssignedKnown', { name, known: known.map(q).join(', ') })
      : appError('INVALID_INPUT', 'kits.nothingAssigned', { name }),
  kitOfKit: (name: string) => appError('INVALID_INPUT', 'kits.kitOfKit', { name }),
  notYours: (title: string, who: string) => appError('READ_ONLY', 'kits.notYours', { title, who }),
  notAKit: (file: string) => said('notAKit', { file: path.basename(file) }),
  otherConference: (file: string, kitOf: string, here: string) =>
    said('otherConference', {
      file: path.basename(file),
      kitOf: kitOf || said('anotherConference').message,
      here: here || said('thisConference').message,
    }),
  sameFile: (file: string) => said('sameFile', { file: path.basename(file) }),
  alreadyMerged: (at: string) => said('alreadyMerged', { at }),
  noKits: appError('INVALID_INPUT', 'kits.noKits'),
  part: {
    taken: (who: string) => said('part.taken', { who }),
    alreadyIn: said('part.alreadyIn'),
    conflict: (who: string) => said('part.conflict', { who }),
    notAssigned: (who: string) => said('part.notAssigned', { who }),
    deletedAtDesk: (who: string) => said('part.deletedAtDesk', { who }),
    deletedInKit: (who: string) => said('part.deletedInKit', { who }),
    addedInKit: (who: string) => said('part.addedInKit', { who }),
  },
  participant: {
    added: said('participant.added'),
    matched: (name: string) => said('participant.matched', { name }),
    differs: (name: string, fields: string[]) => said('participant.differs', { name, fields: fields.join(', ') }),
    taken: (who: string) => said('participant.taken', { who }),
    conflict: (who: string) => said('participant.conflict', { who }),
    deletedAtDesk: said('participant.deletedAtDesk'),
    removedInKit: (who: string) => said('participant.removedInKit', { who }),
  },
  resolve: {
    notAConflict: appError('NOT_FOUND', 'kits.notAConflict'),
    alreadyDecided: appError('CONFLICT', 'kits.alreadyDecided'),
    tookKit: (who: string) => said('resolved.tookKit', { who }),
    keptDesk: (who: string) => said('resolved.keptDesk', { who }),
    edited: (who: string) => said('resolved.edited', { who }),
    changedSince: (title: string) => appError('CONFLICT', 'kits.changedSince', { title }),
  },
  programme: (who: string) => said('programme', { who }),
  details: (who: string) => said('details', { who }),
} as const;
