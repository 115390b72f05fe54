import type { z } from 'zod';
import { AppError, type SerializedError, serializeError } from '../errors';
import { type ApiImpl, contract, isMethodName } from './api';

export type Result = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/** Names the first problems of a payload in words a developer can act on. */
export function describeIssues(method: string, error: z.ZodError): string {
  // A check that wrote its message for people (params.plain) is told as it is, without the schema path.
  const plain = error.issues.filter((i) => i.code === 'custom' && (i.params as { plain?: boolean } | undefined)?.plain);
  if (plain.length) return plain.map((i) => i.message).join(' ');
  const parts = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : 'payload'}: ${i.message}`);
  return `Malformed request to ${method}: ${parts.join('; ')}`;
}

/**
 * The single entry point every transport calls: checks the method exists, validates
 * the payload against the contract, runs the service, and never throws.
 */
export async function dispatch(impl: ApiImpl, name: unknown, payload: unknown): Promise<Result> {
  try {
    if (!isMethodName(name)) throw new AppError('UNKNOWN_METHOD', `Unknown method: ${String(name).slice(0, 100)}`);
    const parsed = contract[name].input.safeParse(payload);
    if (!parsed.success) throw new AppError('INVALID_INPUT', describeIssues(name, parsed.error));
    const fn = impl[name] as (input: unknown) => unknown;
    return { ok: true, value: await fn(parsed.data) };
  } catch (err) {
    return { ok: false, error: serializeError(err) };
  }
}
