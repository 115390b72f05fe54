import { describe, expect, test } from 'vitest';
import { type ApiImpl, contract, methodNames } from './api';
import { dispatch } from './dispatch';

/** A services object that records what reached it: nothing malformed may get through. */
function recordingImpl(calls: unknown[]): ApiImpl {
  return Object.fromEntries(
    methodNames.map((m) => [
      m,
      (input: unknown) => {
        calls.push([m, input]);
        return { ok: true };
      },
    ]),
  ) as unknown as ApiImpl;
}

describe('dispatch validates every payload against the contract', () => {
  test.each([
    ['savePart', { handle: 'h', partId: 'p1', doc: { root: { type: 'root', children: [] } } }, /baseRevision/],
    ['savePart', { handle: 'h', partId: 'p1', doc: 'not json', baseRevision: 1 }, /doc/],
    [
      'savePart',
      { handle: 'h', partId: '../../etc', doc: { root: { type: 'root', children: [] } }, baseRevision: 1 },
      /partId/,
    ],
    ['openConference', { path: '' }, /path/],
    ['openConference', { path: 42 }, /path/],
    ['openConference', null, /payload/],
    ['createConference', { templateId: 'x', sneaky: true }, /sneaky|Unrecognized/],
    ['updateMeta', { handle: 'h', patch: { title: 'x'.repeat(501) }, baseRevision: 1 }, /patch.title/],
    ['updateMeta', { handle: 'h', patch: { distribution: 'Secret' }, baseRevision: 1 }, /distribution/],
    ['movePart', { handle: 'h', partId: 'p', parentId: null, index: -1 }, /index/],
  ])('%s rejects %j', async (method, payload, message) => {
    const calls: unknown[] = [];
    const result = await dispatch(recordingImpl(calls), method, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toMatch(new RegExp(`^Malformed request to ${method}`));
      expect(result.error.message).toMatch(message);
    }
    expect(calls).toEqual([]);
  });

  test('an unknown method is named in the error, and prototype names are not methods', async () => {
    const calls: unknown[] = [];
    for (const name of ['dropDatabase', 'constructor', '__proto__', 42]) {
      const result = await dispatch(recordingImpl(calls), name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(calls).toEqual([]);
  });

  test('a valid payload reaches the service, parsed', async () => {
    const calls: unknown[] = [];
    const result = await dispatch(recordingImpl(calls), 'getPart', { handle: 'h', partId: 'p1' });
    expect(result).toEqual({ ok: true, value: { ok: true } });
    expect(calls).toEqual([['getPart', { handle: 'h', partId: 'p1' }]]);
  });

  test('a service error becomes a serialized error, never a throw', async () => {
    const impl = {
      ...recordingImpl([]),
      listTemplates: () => {
        throw new Error('disk on fire');
      },
    } as ApiImpl;
    expect(await dispatch(impl, 'listTemplates', {})).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Unexpected error: disk on fire',
        key: 'unexpected',
        values: { detail: 'disk on fire' },
      },
    });
  });

  test('every method declares input and output schemas that refuse values of the wrong kind', () => {
    // A schema loosened to z.any() or z.unknown() (or a missing one) fails here.
    for (const m of methodNames) {
      for (const wrong of [42, 'text', null])
        expect(contract[m].input.safeParse(wrong).success, `${m} input ${String(wrong)}`).toBe(false);
      for (const wrong of [Symbol('x'), { unexpected: 1 }])
        expect(contract[m].output.safeParse(wrong).success, `${m} output`).toBe(false);
    }
  });
});
