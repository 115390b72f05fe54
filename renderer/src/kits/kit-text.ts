/** What the kit screens say, in one place. */
import type { KitInfo, MergeEntry } from '../../../shared/kits/kit-report';

export const kitText = {
  prepare: 'Prepare kit for…',
  prepareTitle: 'Prepare a rapporteur’s kit',
  prepareIntro: 'A kit is a copy of the whole conference for one rapporteur: the parts assigned to them are theirs to draft; they send the file back, and you bring it in.',
  rapporteurLabel: 'Rapporteur',
  theirParts: (n: number) => `Theirs to draft (${n}):`,
  noneAssigned: 'No part has a rapporteur yet: set the Rapporteur of the parts (above each part’s text) first.',
  chooseWhere: 'Save the kit…',
  cancel: 'Cancel',
  close: 'Close',
  suggestedName: (conference: string, who: string) => `${conference} – kit for ${who}.rapporteur`.replace(/[\\/:*?"<>|]+/g, ' '),
  saved: (who: string, path: string) => `${who}’s kit was saved to ${path}. Send it to them; bring it back in with “Bring in returned kits…”.`,
  bringIn: 'Bring in returned kits…',
  reportTitle: 'Kits brought in',
  anotherKit: 'Bring in another kit…',
  totals: (taken: number, conflicts: number, refused: number) =>
    `${taken} taken, ${conflicts} in conflict, ${refused} refused.`,
  keepDesk: 'Keep the desk’s text',
  takeKit: (who: string) => `Take ${who}’s text`,
  snapshot: 'A snapshot kept the conference as it was before (Snapshots).',
  banner: (k: KitInfo) => `This is ${k.rapporteur}’s kit of ${k.conferenceTitle || 'a conference'}, from version “${k.baseVersion}”.`,
  bannerMore: 'Draft the parts assigned to you; changes to other parts are not brought in at the editors’ desk. Send this file back when you are done.',
  decisions: {
    taken: 'Taken', added: 'Added to the registry', matched: 'Already in the registry', conflict: 'Conflicts (waiting for you)',
    resolved: 'Decided', refused: 'Refused', 'already-in': 'Already here',
  } satisfies Record<MergeEntry['decision'], string>,
} as const;
