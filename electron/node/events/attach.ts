import type { MethodName } from '../../../shared/contract/api';
import type { AppServices } from '../services/app-services';
import type { ServiceEmitter } from './service-events';

/**
 * Methods that may change parts' text (a save, a replace in all parts, a restore, kits brought
 * in): after each, every part whose revision moved is announced as partChanged, so another
 * window or tab showing it learns at once.
 */
const changingParts = [
  'restoreParts',
  'replaceInConference',
  'restoreSnapshot',
  'restoreFromSnapshot',
  'mergeKits',
  'resolveKitConflict',
] as const satisfies readonly MethodName[];

/** Connects the services to an emitter: export jobs report their progress, changed parts are announced. */
export function attachServiceEvents(services: AppServices, emitter: ServiceEmitter): void {
  services.exports.events = emitter;
  // The autosave path: the saved part's new revision is known, no listing needed.
  const savePart = services.api.savePart;
  services.api.savePart = async (input) => {
    const summary = await savePart(input);
    emitter.emit('partChanged', {
      handle: input.handle,
      path: services.store(input.handle).file,
      partId: input.partId,
      revision: summary.revision,
    });
    return summary;
  };
  const revisions = (handle: string) =>
    new Map(
      services
        .store(handle)
        .listParts()
        .map((p) => [p.id, p.revision]),
    );
  for (const method of changingParts) {
    const run = services.api[method] as (input: { handle: string }) => unknown;
    (services.api as Record<MethodName, unknown>)[method] = async (input: { handle: string }) => {
      const before = revisions(input.handle);
      const result = await run(input);
      const path = services.store(input.handle).file;
      for (const [partId, revision] of revisions(input.handle)) {
        if (before.get(partId) !== revision)
          emitter.emit('partChanged', { handle: input.handle, path, partId, revision });
      }
      return result;
    };
  }
}
