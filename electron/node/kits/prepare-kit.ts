/**
 * "Prepare kit for …": a copy of the whole conference for one rapporteur, with the parts
 * assigned to them (a part's Rapporteur field) marked as theirs and the fingerprints of
 * everything as it was, so the returned kit's changes can be told from the desk's.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { ConferenceStore } from '../store/conference-store';
import { writeAtomically, type WriteOptions } from '../files/safe-write';
import type { KitInfo } from '../../../shared/kits/kit-report';
import { recordKitSent } from '../store/tables/assignments';
import { removeUnreferencedAssets } from '../store/tables/assets';
import { kitMessages } from './kit-messages';
import {
  agendaHash,
  conferenceIdOf,
  fold,
  kitIdentityOf,
  kitInfo,
  type KitBase,
  type KitIdentity,
  metaHash,
  participantHash,
  partHash,
  writeKitRow,
} from './kit-identity';

export interface PrepareKitOptions extends WriteOptions {
  rapporteur: string;
  /** Where the kit is written (never over an open conference; an existing file only with `replace`). */
  target: string;
}

/** The parts assigned to `rapporteur` (names compared without regard to accents or case). */
export function assignedParts(store: ConferenceStore, rapporteur: string): string[] {
  const who = fold(rapporteur);
  return store
    .listParts()
    .filter((p) => fold(p.rapporteur) === who)
    .map((p) => p.id);
}

export function prepareKit(
  store: ConferenceStore,
  { rapporteur, target, replace }: PrepareKitOptions,
): KitInfo & { path: string } {
  const asked = rapporteur.trim();
  if (!asked) throw kitMessages.noRapporteur;
  const own = kitIdentityOf(store);
  if (own) throw kitMessages.kitOfKit(own.rapporteur);
  const assigned = assignedParts(store, asked);
  if (assigned.length === 0) {
    const known = [
      ...new Set(
        store
          .listParts()
          .map((p) => p.rapporteur.trim())
          .filter(Boolean),
      ),
    ];
    throw kitMessages.nothingAssigned(asked, known);
  }
  // Spelled as the assignments spell it ("ana gomez" asked, "Ana Gómez" assigned).
  const name = store
    .listParts()
    .find((p) => p.id === assigned[0])!
    .rapporteur.trim();

  const content = store.readContent();
  const base: KitBase = {
    parts: Object.fromEntries(content.parts.map((p) => [p.id, { revision: p.revision, hash: partHash(p) }])),
    participants: Object.fromEntries(content.participants.map((p) => [p.id, participantHash(p)])),
    agenda: agendaHash(content.agenda),
    meta: metaHash(content.meta),
  };
  // The version the kit starts from stays at the desk as a snapshot, to compare against later.
  const version =
    store.readOnlyReason === null ? store.createSnapshot(store.autoSnapshotName('kitVersion', { name })) : null;
  const createdAt = version?.createdAt ?? new Date().toISOString();
  const kit: KitIdentity = {
    kitId: randomUUID(),
    conferenceId: conferenceIdOf(store),
    conferenceTitle: content.meta.title,
    rapporteur: name,
    assignedPartIds: assigned,
    base,
    baseVersion: version ? `${version.name} (${createdAt})` : createdAt,
    createdAt,
  };

  const written = writeAtomically(
    target,
    (temp) => {
      store.saveCopy(temp);
      const db = new Database(temp);
      try {
        db.pragma('journal_mode = DELETE');
        db.transaction(() => {
          // The desk's history and merge log stay at the desk.
          db.exec('DELETE FROM snapshots; DELETE FROM merge_log;');
          // Images only those snapshots showed stay at the desk too.
          removeUnreferencedAssets(db);
          writeKitRow(db, kit);
        })();
        db.exec('VACUUM');
      } finally {
        db.close();
      }
    },
    { replace },
  );
  // The overview of assignments shows when each part last went out in a kit (and whether it came back).
  if (store.readOnlyReason === null) store.writeWith((db) => recordKitSent(db, assigned, kit.kitId, createdAt));
  return { ...kitInfo(kit), path: written };
}
