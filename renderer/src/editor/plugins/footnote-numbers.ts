import { useSyncExternalStore } from 'react';

/** Footnote numbers by node key, published by NumberingPlugin and shown by FootnoteMarker. */
let numbers = new Map<string, number>();
const listeners = new Set<() => void>();

export function publishFootnoteNumbers(next: Map<string, number>): void {
  if (next.size === numbers.size && [...next].every(([k, v]) => numbers.get(k) === v)) return;
  numbers = next;
  for (const l of listeners) l();
}

export function useFootnoteNumber(key: string): number | undefined {
  return useSyncExternalStore(
    (l) => { listeners.add(l); return () => listeners.delete(l); },
    () => numbers.get(key),
  );
}
