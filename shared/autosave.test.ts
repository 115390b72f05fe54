import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { type AutosaveState, Autosaver } from './autosave';
import type { AppError } from './errors';
import { appError, localizeError } from './i18n/app-error';

/** A save whose every call is held until the test settles it; records the order of events. */
function harness(opts: { idleMs?: number; maxWaitMs?: number } = {}) {
  const calls: { value: string; resolve(): void; reject(err: Error): void; settled: boolean }[] = [];
  const states: AutosaveState['kind'][] = [];
  let running = 0;
  let maxRunning = 0;
  const saver = new Autosaver<string>({
    ...opts,
    save: (value) =>
      new Promise<void>((resolve, reject) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        const call = {
          value,
          settled: false,
          resolve: () => {
            call.settled = true;
            running--;
            resolve();
          },
          reject: (err: Error) => {
            call.settled = true;
            running--;
            reject(err);
          },
        };
        calls.push(call);
      }),
    onStateChange: (s) => states.push(s.kind),
  });
  return { saver, calls, states, maxRunning: () => maxRunning, values: () => calls.map((c) => c.value) };
}

/** Lets promise callbacks run (the saver chains several) without moving the clock. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Autosaver', () => {
  test('saves once the user pauses for idleMs, not before', async () => {
    const h = harness({ idleMs: 400, maxWaitMs: 900 });
    h.saver.update('a');
    h.saver.update('ab');
    await vi.advanceTimersByTimeAsync(399);
    expect(h.values()).toEqual([]);
    expect(h.saver.hasUnsaved).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.values()).toEqual(['ab']);
    h.calls[0]!.resolve();
    await settle();
    expect(h.saver.hasUnsaved).toBe(false);
    expect(h.states).toEqual(['pending', 'pending', 'saving', 'saved']);
  });

  test('a burst of typing is saved at least every maxWaitMs, the last state after the pause', async () => {
    const h = harness({ idleMs: 400, maxWaitMs: 900 });
    let text = '';
    // A keystroke every 100 ms for 3 s: the idle timer never fires during the burst.
    for (let t = 0; t < 30; t++) {
      text += 'x';
      h.saver.update(text);
      await vi.advanceTimersByTimeAsync(100);
      h.calls.filter((c) => !c.settled).forEach((c) => c.resolve());
    }
    const duringBurst = h.values().length;
    expect(duringBurst).toBeGreaterThanOrEqual(3);
    expect(duringBurst).toBeLessThanOrEqual(4);
    // Each save carries the text of its moment, in order, never one from before.
    expect(h.values().map((v) => v.length)).toEqual([...h.values().map((v) => v.length)].sort((a, b) => a - b));
    await vi.advanceTimersByTimeAsync(400);
    h.calls.filter((c) => !c.settled).forEach((c) => c.resolve());
    await settle();
    expect(h.values().at(-1)).toBe(text);
    expect(h.saver.hasUnsaved).toBe(false);
    expect(h.maxRunning()).toBe(1);
  });

  test('flush saves at once (closing a part) and leaves no timer behind', async () => {
    const h = harness();
    h.saver.update('closing');
    const flushed = h.saver.flush();
    expect(h.values()).toEqual(['closing']);
    h.calls[0]!.resolve();
    await flushed;
    expect(h.saver.hasUnsaved).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.values()).toEqual(['closing']);
  });

  test('flush with nothing pending saves nothing', async () => {
    const h = harness();
    await h.saver.flush();
    expect(h.values()).toEqual([]);
  });

  test('edits made while a save is late are saved after it, one save at a time, in order', async () => {
    const h = harness({ idleMs: 400, maxWaitMs: 900 });
    h.saver.update('first');
    await vi.advanceTimersByTimeAsync(400);
    expect(h.values()).toEqual(['first']);
    // The save takes 10 s; the user goes on typing meanwhile.
    h.saver.update('second');
    await vi.advanceTimersByTimeAsync(400);
    h.saver.update('third');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.values()).toEqual(['first']);
    expect(h.states.at(-1)).toBe('pending');
    h.calls[0]!.resolve();
    await settle();
    // The late save's success does not announce "saved" while newer text waits.
    expect(h.states).not.toContain('saved');
    expect(h.values()).toEqual(['first', 'third']);
    h.calls[1]!.resolve();
    await settle();
    expect(h.states.at(-1)).toBe('saved');
    expect(h.maxRunning()).toBe(1);
    expect(h.saver.hasUnsaved).toBe(false);
  });

  test('a flush on close while a timed save waits behind a late one returns only when everything is saved', async () => {
    const h = harness({ idleMs: 400, maxWaitMs: 900 });
    h.saver.update('first');
    await vi.advanceTimersByTimeAsync(400);
    h.saver.update('second');
    await vi.advanceTimersByTimeAsync(400); // the timed flush now waits for 'first'
    let closed = false;
    const close = h.saver.flush().then(() => {
      closed = true;
    });
    h.calls[0]!.resolve();
    await settle();
    expect(h.values()).toEqual(['first', 'second']);
    expect(closed).toBe(false);
    h.calls[1]!.resolve();
    await close;
    expect(h.saver.hasUnsaved).toBe(false);
    expect(h.maxRunning()).toBe(1);
  });

  test('a failed save keeps the text, says why, and the next flush saves it again', async () => {
    const states: AutosaveState[] = [];
    const attempts: string[] = [];
    const saver = new Autosaver<string>({
      save: (v) => {
        attempts.push(v);
        return attempts.length === 1 ? Promise.reject(new Error('disk full')) : Promise.resolve();
      },
      onStateChange: (s) => states.push(s),
    });
    saver.update('precious');
    await saver.flush();
    expect(states.at(-1)).toEqual({ kind: 'failed', message: 'disk full' });
    expect(saver.hasUnsaved).toBe(true);
    await saver.flush();
    expect(attempts).toEqual(['precious', 'precious']);
    expect(states.at(-1)).toEqual({ kind: 'saved' });
    expect(saver.hasUnsaved).toBe(false);
  });

  test('a failed save is worded by describeError: the part-in-conflict refusal in Spanish, not English', async () => {
    const states: AutosaveState[] = [];
    const refusal = appError('CONFLICT', 'conference.partInConflict');
    const saver = new Autosaver<string>({
      save: () => Promise.reject(refusal),
      onStateChange: (s) => states.push(s),
      describeError: (err) => localizeError(err as AppError, 'es'),
    });
    saver.update('precious');
    await saver.flush();
    expect(states.at(-1)).toEqual({
      kind: 'failed',
      message: 'Esta parte se modificó en otro lugar: elija qué versión conservar.',
    });
    expect(refusal.message).toBe('This part was changed elsewhere: choose which version to keep.');
    expect(saver.hasUnsaved).toBe(true);
  });

  test('a newer edit made during a failing save wins over the failed text', async () => {
    const saved: string[] = [];
    let fail = true;
    let release!: () => void;
    const saver = new Autosaver<string>({
      save: (v) =>
        new Promise<void>((resolve, reject) => {
          release = () => (fail ? reject(new Error('offline')) : (saved.push(v), resolve()));
        }),
    });
    saver.update('old');
    const first = saver.flush();
    saver.update('new');
    release();
    await first;
    fail = false;
    const second = saver.flush();
    await settle();
    release();
    await second;
    expect(saved).toEqual(['new']);
  });

  test('discard forgets pending text and its timers', async () => {
    const h = harness();
    h.saver.update('unwanted');
    h.saver.discard();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.values()).toEqual([]);
    expect(h.saver.hasUnsaved).toBe(false);
    expect(h.states.at(-1)).toBe('saved');
  });

  test('dispose stops the timers without saving', async () => {
    const h = harness();
    h.saver.update('left');
    h.saver.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.values()).toEqual([]);
    expect(h.saver.hasUnsaved).toBe(true);
  });
});
