import { AppError, type ErrorCode, type MessageValues, type SerializedError } from '../errors';
import { isMessageKey, type SourceCatalogue } from './catalogues';
import { translator } from './translate';
import type { UiLanguage } from './ui-language';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of shared/i18n/messages/en/errors.json ("file.exists"). */
export type ErrorKey = Leaves<SourceCatalogue['errors']>;

/**
 * An AppError whose message comes from the errors catalogue: English in its message (logs, the
 * command line's default), and the key and values so that each edge shows it in the user's language.
 */
export function appError(code: ErrorCode, key: ErrorKey, values: MessageValues = {}): AppError {
  return new AppError(code, String(translator('en')(`errors:${key}` as never, values)), key, values);
}

/** Whether a key names a message of the errors catalogue (a key from elsewhere is not trusted). */
export function isErrorKey(key: string): key is ErrorKey {
  return isMessageKey('errors', key);
}

/** An error's message in a language: its catalogued text when it has a known key, else its own message. */
export function localizeError(err: Pick<SerializedError, 'message' | 'key' | 'values'>, language: UiLanguage): string {
  if (!err.key || !isErrorKey(err.key)) return err.message;
  return String(translator(language)(`errors:${err.key}` as never, err.values ?? {}));
}

/**
 * An AppError rebuilt from its serialized form (a worker thread's reply, an export job's status),
 * keeping its key and values so the edge still shows it in the user's language.
 */
export function reviveError(e: Pick<SerializedError, 'code' | 'message' | 'key' | 'values'>): AppError {
  if (e.key && isErrorKey(e.key)) return new AppError(e.code, e.message, e.key, e.values ?? {});
  return new AppError(e.code, e.message);
}
