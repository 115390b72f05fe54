import path from 'node:path';
import type { FilePurpose, MethodName } from '../../shared/contract/api';
import { fileMessages, pathProblem } from '../../shared/contract/file-policy';

/**
 * The files the user handed to the app: paths returned by its own dialogs (electron/main/dialogs.ts)
 * and files the operating system opened with it. The IPC layer accepts no other path from the
 * renderer, except recent conferences and samples for opening.
 */
export class PathGrants {
  private readonly granted = new Set<string>();
  grant(file: string): void { this.granted.add(path.resolve(file)); }
  has(file: string): boolean { return this.granted.has(path.resolve(file)); }
}

/** The fields of each path-taking method, and what the file in each is for. */
const pathFields: Partial<Record<MethodName, { field: string; purposes: (payload: Record<string, unknown>) => FilePurpose[]; listed?: boolean }[]>> = {
  openConference: [{ field: 'path', purposes: () => ['open'], listed: true }],
  createConference: [{ field: 'path', purposes: () => ['save-copy'] }],
  saveCopy: [{ field: 'path', purposes: () => ['save-copy'] }],
  importReport: [{ field: 'path', purposes: () => ['import'] }, { field: 'targetPath', purposes: () => ['save-copy'] }],
  startExport: [{ field: 'outPath', purposes: (p) => [p.format === 'docx' ? 'export-docx' : 'export-pdf'] }],
  exportConference: [{ field: 'outPath', purposes: (p) => [p.format === 'docx' ? 'export-docx' : 'export-pdf'] }],
  saveExport: [{ field: 'path', purposes: () => ['export-docx', 'export-pdf'] }],
};

/**
 * Names the problem with a path in a call from the renderer, or null when every path in it was
 * granted (or, for opening, is a recent conference or a sample) and fits its purpose.
 * Payloads that are not objects, or fields that are not strings, are left to the contract's validation.
 */
export async function pathRefusal(
  method: MethodName, payload: unknown, grants: PathGrants, listed: () => Promise<string[]>,
): Promise<string | null> {
  const fields = pathFields[method];
  if (!fields || !payload || typeof payload !== 'object') return null;
  const input = payload as Record<string, unknown>;
  for (const { field, purposes, listed: mayBeListed } of fields) {
    const value = input[field];
    if (typeof value !== 'string') continue;
    const problems = purposes(input).map((p) => pathProblem(p, value));
    if (problems.every((p) => p !== null)) return problems[0]!;
    if (grants.has(value)) continue;
    if (mayBeListed && (await listed()).some((f) => path.resolve(f) === path.resolve(value))) continue;
    return fileMessages.notGranted(value);
  }
  return null;
}
