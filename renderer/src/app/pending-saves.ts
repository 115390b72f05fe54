/**
 * Saves still running when their editor went away (part switch, conference closed).
 * Closing a conference waits for them, so the last words are written before the file closes.
 */
const pending = new Set<Promise<unknown>>();

export function trackSave(save: Promise<unknown>): void {
  pending.add(save);
  void save.finally(() => pending.delete(save));
}

export async function whenSaved(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}
