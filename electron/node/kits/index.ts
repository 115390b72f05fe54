export { assignedParts, prepareKit, type PrepareKitOptions } from './prepare-kit';
export { mergeKits } from './merge-kits';
export { kitIdentityOf, kitInfo, conferenceIdOf, fold, identityKey } from './kit-identity';
export { resolveKitConflict, kitConflict, isWaiting, type Decision } from './resolve-conflict';
export { assignParts, assignmentOverview } from './assignments';
export { assertKitMayChange } from './kit-guard';
