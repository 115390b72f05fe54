import { useSyncExternalStore } from 'react';

/** Footnote numbers by node key and by note id, published by NumberingPlugin and shown by FootnoteMarker and NoteRefNode. */
let numbers = new Map<string, number>();
let byId = new Map<string, number>();
const listeners = new Set<() => void>();

const same = (a: Map<string, number>, b: Map<string, number>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

export function publishFootnoteNumbers(next: Map<string, number>, nextById: Map<string, number> = new Map()): void {
  if (same(next, numbers) && same(nextById, byId)) return;
  numbers = next;
  byId = nextById;
  for (const l of listeners) l();
}

export function useFootnoteNumberById(id: string): number | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => byId.get(id),
  );
}

export function useFootnoteNumber(key: string): number | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => numbers.get(key),
  );
}
