/** What kits and the merge tell the user, in one place. */
import path from 'node:path';
import { appError } from '../../../shared/i18n/app-error';

const q = (s: string) => `“${s}”`;
const fileName = (file: string) => q(path.basename(file));

export const kitMessages = {
  // Errors the interface shows come from the errors catalogue (kits.*), in the user's language.
  noRapporteur: appError('INVALID_INPUT', 'kits.noRapporteur'),
  nothingAssigned: (name: string, known: string[]) => (known.length
    ? appError('INVALID_INPUT', 'kits.nothingAssignedKnown', { name, known: known.map(q).join(', ') })
    : appError('INVALID_INPUT', 'kits.nothingAssigned', { name })),
  kitOfKit: (name: string) => appError('INVALID_INPUT', 'kits.kitOfKit', { name }),
  notYours: (title: string, who: string) => appError('READ_ONLY', 'kits.notYours', { title, who }),
  notAKit: (file: string) => `${fileName(file)} is a conference, not a rapporteur kit: it was not brought in.`,
  otherConference: (file: string, kitOf: string, here: string) =>
    `${fileName(file)} is a kit of ${q(kitOf || 'another conference')}, not of ${q(here || 'this conference')}: it was not brought in, and nothing was changed.`,
  sameFile: (file: string) => `${fileName(file)} is the conference itself, not a returned kit.`,
  alreadyMerged: (at: string) => `This kit, exactly as it is, was already brought in (${at}): nothing was changed.`,
  noKits: appError('INVALID_INPUT', 'kits.noKits'),
  snapshotName: (names: string[]) => `Before bringing in kits of ${names.join(', ')}`,
  kitSnapshotName: (name: string) => `Kit for ${name}`,
  part: {
    taken: (who: string) => `${who}’s text was brought in.`,
    alreadyIn: 'The desk already has the same text.',
    conflict: (who: string) => `Changed at the desk and in ${who}’s kit: neither replaced; the kit’s text is kept in the merge log until the editor decides.`,
    notAssigned: (who: string) => `Not assigned to ${who}: their change to it was not brought in (kept in the merge log).`,
    deletedAtDesk: (who: string) => `Deleted at the desk since the kit was made: ${who}’s text was not brought in (kept in the merge log).`,
    deletedInKit: (who: string) => `Deleted in ${who}’s kit: kept at the desk (parts are deleted at the desk).`,
    addedInKit: (who: string) => `Added in ${who}’s kit: not brought in (kept in the merge log); add it at the desk.`,
  },
  participant: {
    added: 'Added to the registry.',
    matched: (name: string) => `Already in the registry as ${q(name)}: the two are one entry.`,
    differs: (name: string, fields: string[]) =>
      `Already in the registry as ${q(name)}, but the kit differs in ${fields.join(', ')}: the registry’s entry was kept; the editor decides.`,
    taken: (who: string) => `${who}’s change was brought in.`,
    conflict: (who: string) => `Changed at the desk and in ${who}’s kit: the registry’s entry was kept; the editor decides.`,
    deletedAtDesk: 'Removed from the registry at the desk since the kit was made: the kit’s change was not brought in.',
    removedInKit: (who: string) => `Removed in ${who}’s kit: kept in the registry (participants are removed at the desk).`,
  },
  resolve: {
    notAConflict: appError('NOT_FOUND', 'kits.notAConflict'),
    alreadyDecided: appError('CONFLICT', 'kits.alreadyDecided'),
    tookKit: (who: string) => `Decided: ${who}’s text from the kit replaced the desk’s (the desk’s is in the snapshot taken before the merge).`,
    keptDesk: (who: string) => `Decided: the desk’s text was kept; ${who}’s stays in the merge log.`,
    edited: (who: string) => `Decided: an edited text replaced the desk’s; ${who}’s stays in the merge log (the desk’s is in the snapshot taken before the merge).`,
    changedSince: (title: string) => appError('CONFLICT', 'kits.changedSince', { title }),
  },
  programme: (who: string) => `The programme was changed in ${who}’s kit: the programme is changed at the desk, so it was not brought in (kept in the merge log).`,
  details: (who: string) => `The conference details were changed in ${who}’s kit: not brought in (kept in the merge log).`,
} as const;
