/** The revision check shared by participants and programme items (parts and details have their own wording). */
import { appError } from '../../../../shared/i18n/app-error';

/** Which record, named in the catalogue's words (errors.json, conference.stale). */
interface StoredRecord {
  kind: 'participant' | 'agendaItem';
  name: string;
}

/**
 * A record added (no revision) must not exist yet; one saved at a revision must still exist
 * at that revision. Anything else was changed in another window or program: CONFLICT.
 */
export function checkRevision(current: number | null, given: number | undefined, { kind, name }: StoredRecord): void {
  if (given === undefined && current !== null) throw appError('CONFLICT', `conference.stale.${kind}Exists`, { name });
  if (given !== undefined && current === null) throw appError('CONFLICT', `conference.stale.${kind}Deleted`, { name });
  if (given !== undefined && given !== current) throw staleError(kind, name);
}

/** A record changed in another window or program since it was read. */
export const staleError = (kind: StoredRecord['kind'], name: string) =>
  appError('CONFLICT', `conference.stale.${kind}Changed`, { name });
