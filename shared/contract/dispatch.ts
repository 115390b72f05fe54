import type { z } from 'zod';
import { AppError, type MessageValues, type SerializedError, serializeError } from '../errors';
import { type ApiImpl, contract, isMethodName } from './api';
import { appError, isErrorKey } from '../i18n/app-error';

export type Result = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/** The error for a payload the contract refuses: a check's own words for people, else the first malformed fields in words a developer can act on. */
export function issuesError(method: string, error: z.ZodError): AppError {
  // A check that wrote its message for people (params.plain) is told as it is, without the schema path.
  const plain = error.issues.filter((i) => i.code === 'custom' && (i.params as { plain?: boolean } | undefined)?.plain);
  // One such problem with its catalogue key is worded in the user's language; several are joined as they are.
  const only =
    plain.length === 1
      ? ((plain[0] as { params?: unknown }).params as { key?: unknown; values?: MessageValues })
      : undefined;
  if (only && typeof only.key === 'string' && isErrorKey(only.key))
    return appError('INVALID_INPUT', only.key, only.values);
  if (plain.length) return new AppError('INVALID_INPUT', plain.map((i) => i.message).join(' '));
  const parts = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : 'payload'}: ${i.message}`);
  return appError('INVALID_INPUT', 'contract.malformed', { method, detail: parts.join('; ') });
}

/**
 * The single entry point every transport calls: checks the method exists, validates
 * the payload against the contract, runs the service, and never throws.
 */
export async function dispatch(impl: ApiImpl, name: unknown, payload: unknown): Promise<Result> {
  try {
    if (!isMethodName(name))
      throw appError('UNKNOWN_METHOD', 'contract.unknownMethod', { method: String(name).slice(0, 100) });
    const parsed = contract[name].input.safeParse(payload);
    if (!parsed.success) throw issuesError(name, parsed.error);
    const fn = impl[name] as (input: unknown) => unknown;
    return { ok: true, value: await fn(parsed.data) };
  } catch (err) {
    return { ok: false, error: serializeError(err) };
  }
}
