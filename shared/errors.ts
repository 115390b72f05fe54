/** Error codes that cross every transport (IPC, HTTP, CLI) unchanged. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_METHOD'
  | 'NOT_FOUND'
  | 'NOT_A_CONFERENCE'
  | 'CORRUPT'
  | 'TRUNCATED'
  | 'NEWER_SCHEMA'
  | 'CONFLICT'
  | 'IMPORT_FAILED'
  | 'EXPORT_FAILED'
  | 'CANCELLED'
  | 'IO'
  | 'INTERNAL'
  /** The target file exists and the user has not confirmed replacing it. */
  | 'EXISTS'
  /** The target is a conference open in this app: it is never written over. */
  | 'IN_USE'
  /** The file, its folder or its medium cannot be written. */
  | 'READ_ONLY'
  /** The disk is full; nothing was half-written. */
  | 'DISK_FULL';

/** Values of a catalogued message's ICU arguments. */
export type MessageValues = Record<string, string | number>;

/**
 * An error meant for the user: its message names the problem in plain words (English). With `key`, the
 * message is the English of shared/i18n/messages/<lang>/errors.json's entry, and the edge that shows it
 * renders that entry in the user's language instead (shared/i18n/app-error.ts makes such errors).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly key?: string,
    readonly values?: MessageValues,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  key?: string;
  values?: MessageValues;
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof AppError)
    return { code: err.code, message: err.message, ...(err.key ? { key: err.key, values: err.values ?? {} } : {}) };
  const message = err instanceof Error ? err.message : String(err);
  // errors.json's `unexpected`, so the edge words it in the user's language (the detail as it came).
  return { code: 'INTERNAL', message: `Unexpected error: ${message}`, key: 'unexpected', values: { detail: message } };
}
