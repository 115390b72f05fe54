/** Error codes that cross every transport (IPC, HTTP, CLI) unchanged. */
export type ErrorCode =
  | 'INVALID_INPUT' | 'UNKNOWN_METHOD' | 'NOT_FOUND' | 'NOT_A_CONFERENCE' | 'CORRUPT' | 'TRUNCATED'
  | 'NEWER_SCHEMA' | 'CONFLICT' | 'IMPORT_FAILED' | 'EXPORT_FAILED' | 'CANCELLED' | 'IO' | 'INTERNAL'
  /** The target file exists and the user has not confirmed replacing it. */
  | 'EXISTS'
  /** The target is a conference open in this app: it is never written over. */
  | 'IN_USE'
  /** The file, its folder or its medium cannot be written. */
  | 'READ_ONLY'
  /** The disk is full; nothing was half-written. */
  | 'DISK_FULL';

/** An error meant for the user: its message names the problem in plain words. */
export class AppError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
  }
}

export interface SerializedError { code: ErrorCode; message: string }

export function serializeError(err: unknown): SerializedError {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}
