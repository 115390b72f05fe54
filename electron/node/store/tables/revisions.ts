/** The revision check shared by participants and programme items (parts and details have their own wording). */
import { AppError } from '../../../../shared/errors';
import { storeMessages } from '../store-messages';

interface Wording {
  label: string;
  changed: string;
}

/**
 * A record added (no revision) must not exist yet; one saved at a revision must still exist
 * at that revision. Anything else was changed in another window or program: CONFLICT.
 */
export function checkRevision(current: number | null, given: number | undefined, words: Wording): void {
  const stale = storeMessages.stale;
  if (given === undefined && current !== null) throw new AppError('CONFLICT', stale.exists(words.label));
  if (given !== undefined && current === null) throw new AppError('CONFLICT', stale.deleted(words.label));
  if (given !== undefined && given !== current) throw new AppError('CONFLICT', words.changed);
}
