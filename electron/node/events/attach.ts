import type { AppServices } from '../services/app-services';
import type { ServiceEmitter } from './service-events';

/**
 * Connects the services to an emitter: export jobs report their progress, and every saved
 * part is announced (other windows and tabs showing it learn at once that it changed).
 */
export function attachServiceEvents(services: AppServices, emitter: ServiceEmitter): void {
  services.exports.events = emitter;
  const savePart = services.api.savePart;
  services.api.savePart = async (input) => {
    const summary = await savePart(input);
    emitter.emit('partChanged', { handle: input.handle, path: services.store(input.handle).file, partId: input.partId, revision: summary.revision });
    return summary;
  };
}
