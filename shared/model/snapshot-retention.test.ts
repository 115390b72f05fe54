import { describe, expect, test } from 'vitest';
import { defaultRetention, snapshotsToPrune, type RetainedSnapshot } from './snapshot-retention';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A Wednesday, at noon UTC.
const now = new Date('2026-11-25T12:00:00.000Z');
const at = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();

let nextId = 1;
const snap = (msAgo: number, reason: RetainedSnapshot['reason'] = 'before-import'): RetainedSnapshot => ({
  id: nextId++,
  reason,
  createdAt: at(msAgo),
});

/** Ids kept, for reading assertions as what remains. */
const kept = (all: RetainedSnapshot[], policy = defaultRetention) => {
  const gone = new Set(snapshotsToPrune(all, now, policy));
  return all.filter((s) => !gone.has(s.id)).map((s) => s.id);
};

describe('snapshot retention', () => {
  test('fewer than the newest twenty: nothing goes, however old', () => {
    const all = Array.from({ length: 20 }, (_, i) => snap(i * 10 * DAY));
    expect(snapshotsToPrune(all, now)).toEqual([]);
  });

  test('everything from the last 24 hours stays, even past the newest twenty', () => {
    const all = Array.from({ length: 48 }, (_, i) => snap(i * 30 * 60_000)); // every half hour, 0–23.5 h
    expect(snapshotsToPrune(all, now)).toEqual([]);
  });

  test('between one and thirty days old, one a day stays: the day’s latest', () => {
    const policy = { ...defaultRetention, keepNewest: 0 };
    // Three on 2026-11-20 (UTC) at 09:00, 15:00 and 21:00, five days back.
    const morning = snap(5 * DAY + 3 * HOUR, 'before-replace');
    const afternoon = snap(5 * DAY - 3 * HOUR, 'before-merge');
    const evening = snap(5 * DAY - 9 * HOUR, 'before-restore');
    // Two on 2026-11-19.
    const a = snap(6 * DAY);
    const b = snap(6 * DAY + 2 * HOUR);
    expect(snapshotsToPrune([morning, afternoon, evening, a, b], now, policy).sort()).toEqual(
      [morning.id, afternoon.id, b.id].sort(),
    );
  });

  test('past thirty days, one a week (Monday to Sunday, UTC) stays', () => {
    const policy = { ...defaultRetention, keepNewest: 0 };
    // 2026-10-12 is a Monday, 2026-10-18 its Sunday, 2026-10-19 the next Monday.
    const monday = { id: 101, reason: 'before-import' as const, createdAt: '2026-10-12T08:00:00.000Z' };
    const thursday = { id: 102, reason: 'before-import' as const, createdAt: '2026-10-15T08:00:00.000Z' };
    const sunday = { id: 103, reason: 'before-import' as const, createdAt: '2026-10-18T23:00:00.000Z' };
    const nextMonday = { id: 104, reason: 'before-import' as const, createdAt: '2026-10-19T01:00:00.000Z' };
    expect(snapshotsToPrune([monday, thursday, sunday, nextMonday], now, policy).sort()).toEqual([101, 102]);
  });

  test('snapshots named by the user are never pruned, nor counted among the newest twenty', () => {
    const named = Array.from({ length: 30 }, (_, i) => snap(40 * DAY + i * HOUR, 'manual'));
    const automatic = Array.from({ length: 25 }, (_, i) => snap(40 * DAY + i * HOUR));
    const gone = snapshotsToPrune([...named, ...automatic], now);
    // The 20 newest automatic ones stay; of the 5 older ones (same week) one is the week's.
    expect(gone).toEqual(automatic.slice(21).map((s) => s.id));
    for (const n of named) expect(gone).not.toContain(n.id);
  });

  test('200 automatic snapshots over 90 days thin to what the tiers allow', () => {
    const all = Array.from({ length: 200 }, (_, i) => snap((i * 90 * DAY) / 199));
    const left = kept(all);
    const gone = snapshotsToPrune(all, now);
    expect(left.length + gone.length).toBe(200);
    // 20 newest (the last ~9 days), then at most one a day to day 30, then one a week to day 90.
    expect(left.length).toBeGreaterThanOrEqual(20 + 8);
    expect(left.length).toBeLessThanOrEqual(20 + 22 + 10);
    expect(left).toEqual(expect.arrayContaining(all.slice(0, 20).map((s) => s.id)));
    // No two kept snapshots older than the newest twenty share a UTC day (under 30 days) or a week.
    const older = all.filter((s) => left.includes(s.id)).slice(20);
    const keys = older.map((s) => {
      const t = Date.parse(s.createdAt);
      return now.getTime() - t < 30 * DAY ? `d${Math.floor(t / DAY)}` : `w${Math.floor((t + 3 * DAY) / (7 * DAY))}`;
    });
    expect(new Set(keys).size).toBe(keys.length);
    // Pruning again at the same moment lets nothing else go.
    expect(
      snapshotsToPrune(
        all.filter((s) => left.includes(s.id)),
        now,
      ),
    ).toEqual([]);
  });

  test('a snapshot whose date cannot be read is kept', () => {
    const policy = { ...defaultRetention, keepNewest: 0 };
    const odd = { id: 900, reason: 'before-import' as const, createdAt: 'yesterday-ish' };
    const twin1 = snap(3 * DAY);
    const twin2 = snap(3 * DAY + 60_000);
    expect(snapshotsToPrune([odd, twin1, twin2], now, policy)).toEqual([twin2.id]);
  });
});
