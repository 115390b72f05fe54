/**
 * In a rapporteur's kit, the parts not assigned to them are read-only: a save of one is
 * refused with a message saying why (a merge would refuse it anyway, see merge-kits). The kit
 * identity is read once per open file: it is written only when the kit is prepared.
 */
import type { ConferenceStore } from '../store/conference-store';
import { kitIdentityOf } from './kit-identity';
import { kitMessages } from './kit-messages';

const kits = new WeakMap<ConferenceStore, { rapporteur: string; assigned: Set<string> } | null>();

export function assertKitMayChange(store: ConferenceStore, partId: string): void {
  let kit = kits.get(store);
  if (kit === undefined) {
    const id = kitIdentityOf(store);
    kit = id && { rapporteur: id.rapporteur, assigned: new Set(id.assignedPartIds) };
    kits.set(store, kit);
  }
  if (kit && !kit.assigned.has(partId)) {
    const title = store.listParts().find((p) => p.id === partId)?.title ?? partId;
    throw kitMessages.notYours(title, kit.rapporteur);
  }
}
