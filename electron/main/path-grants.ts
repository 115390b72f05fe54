import path from 'node:path';
import type { PathAllowed } from '../../shared/contract/file-policy';

/**
 * The files the user handed to the app: paths returned by its own dialogs (electron/main/dialogs.ts)
 * and files the operating system opened with it. The IPC layer accepts no other path from the
 * renderer, except recent conferences and samples for opening.
 */
export class PathGrants {
  private readonly granted = new Set<string>();
  grant(file: string): void {
    this.granted.add(path.resolve(file));
  }
  has(file: string): boolean {
    return this.granted.has(path.resolve(file));
  }
}

/** Desktop: a path is allowed when a dialog or the OS granted it, or (to open) it is a recent conference or a sample. */
export function grantedOrListed(grants: PathGrants, listed: () => Promise<string[]>): PathAllowed {
  return async (file, forOpening) =>
    grants.has(file) || (forOpening && (await listed()).some((f) => path.resolve(f) === path.resolve(file)));
}
