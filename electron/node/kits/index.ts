export { assignedParts, prepareKit, type PrepareKitOptions } from './prepare-kit';
export { mergeKits } from './merge-kits';
export { kitIdentityOf, kitInfo, conferenceIdOf, fold, identityKey } from './kit-identity';
export { resolveKitConflict, isWaiting } from './resolve-conflict';
export { assertKitMayChange } from './kit-guard';
