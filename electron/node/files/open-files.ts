/**
 * The conference files open in this process. Every writer asks here before writing,
 * so no Save a Copy, export or import ever lands on a conference that is open: its
 * later autosaves would otherwise report success while its content is gone.
 */
import fs from 'node:fs';
import path from 'node:path';

const open = new Map<string, number>();

/** One name per file: symbolic links and relative spellings resolve to the same key. */
export function fileKey(file: string): string {
  const abs = path.resolve(file);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    return abs;
  }
}

/** Returns the key to give back to markClosed (the file may be gone by then). */
export function markOpen(file: string): string {
  const key = fileKey(file);
  open.set(key, (open.get(key) ?? 0) + 1);
  return key;
}

export function markClosed(key: string): void {
  const n = (open.get(key) ?? 0) - 1;
  if (n > 0) open.set(key, n);
  else open.delete(key);
}

export function isOpenConference(file: string): boolean {
  return open.has(fileKey(file));
}
