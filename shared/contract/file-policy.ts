import type { AppError } from '../errors';
import { appError } from '../i18n/app-error';
import type { FilePurpose, MethodName } from './api';

/**
 * Which files the app may read or write for the user, as pure rules on a path string (no
 * file system here): the extension each purpose requires, and system locations that are
 * never a target or a source. The desktop app applies them to paths from its dialogs, the
 * IPC layer to every path-taking call.
 */

export const purposeExtensions: Record<FilePurpose, readonly string[]> = {
  open: ['.rapporteur'],
  'save-copy': ['.rapporteur'],
  import: ['.txt', '.md', '.markdown', '.docx'],
  'export-docx': ['.docx'],
  'export-pdf': ['.pdf'],
  'save-kit': ['.rapporteur'],
  'open-kit': ['.rapporteur'],
};

export const purposeLabels: Record<FilePurpose, { title: string; filter: string }> = {
  open: { title: 'Open conference', filter: 'Rapporteur conference' },
  'save-copy': { title: 'Save a copy', filter: 'Rapporteur conference' },
  import: { title: 'Import report', filter: 'Report (.txt, .md, .docx)' },
  'export-docx': { title: 'Export Word document', filter: 'Word document' },
  'export-pdf': { title: 'Export PDF', filter: 'PDF document' },
  'save-kit': { title: 'Save the rapporteur’s kit', filter: 'Rapporteur kit' },
  'open-kit': { title: 'Bring in returned kits', filter: 'Rapporteur kit' },
};

/** Whether the purpose writes the file (a save dialog) or reads it (an open dialog). */
export const isSavePurpose = (p: FilePurpose): boolean =>
  p === 'save-copy' || p === 'export-docx' || p === 'export-pdf' || p === 'save-kit';

// Folders of the operating system: never read from or written to for the user.
const POSIX_SYSTEM = [
  '/etc',
  '/bin',
  '/sbin',
  '/usr',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/boot',
  '/dev',
  '/proc',
  '/sys',
  '/run',
  '/var/lib',
  '/var/run',
  '/var/log',
  '/var/spool',
  '/System',
  '/Library',
  '/private/etc',
  '/private/var/db',
  '/Applications',
];
const WINDOWS_SYSTEM = ['windows', 'program files', 'program files (x86)', 'programdata'];

/** Each refusal from the errors catalogue (path.*), so every edge shows it in the user's language. */
export const fileMessages = {
  notAbsolute: (p: string) => appError('INVALID_INPUT', 'path.notAbsolute', { path: p }),
  parentSegment: (p: string) => appError('INVALID_INPUT', 'path.parentSegment', { path: p }),
  system: (p: string) => appError('INVALID_INPUT', 'path.system', { path: p }),
  extension: (p: string, exts: readonly string[]) =>
    appError('INVALID_INPUT', 'path.extension', { name: baseName(p), exts: exts.join(', '), count: exts.length }),
  hidden: (p: string) => appError('INVALID_INPUT', 'path.hidden', { name: baseName(p) }),
  notGranted: (p: string) => appError('INVALID_INPUT', 'path.notGranted', { name: baseName(p) }),
};

export const baseName = (p: string): string => p.split(/[\\/]/).pop() ?? p;
const isWindowsPath = (p: string) => /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\');

/** True for a path inside a folder of the operating system (Linux, macOS or Windows). */
export function isSystemLocation(p: string): boolean {
  if (isWindowsPath(p)) {
    const first =
      p
        .replace(/^[a-zA-Z]:[\\/]+/, '')
        .split(/[\\/]/)[0]
        ?.toLowerCase() ?? '';
    return WINDOWS_SYSTEM.includes(first);
  }
  return POSIX_SYSTEM.some((dir) => p === dir || p.startsWith(`${dir}/`));
}

/** Names the first problem with using `p` for `purpose`, or null when the path is acceptable. */
export function pathProblem(purpose: FilePurpose, p: string): string | null {
  return pathError(purpose, p)?.message ?? null;
}

/** The first problem with using `p` for `purpose` as an error to throw, or null when the path is acceptable. */
export function pathError(purpose: FilePurpose, p: string): AppError | null {
  if (!(p.startsWith('/') || isWindowsPath(p))) return fileMessages.notAbsolute(p);
  if (p.split(/[\\/]/).includes('..')) return fileMessages.parentSegment(p);
  if (isSystemLocation(p)) return fileMessages.system(p);
  const name = baseName(p);
  if (name.startsWith('.')) return fileMessages.hidden(p);
  const exts = purposeExtensions[purpose];
  if (!exts.some((e) => name.toLowerCase().endsWith(e))) return fileMessages.extension(p, exts);
  return null;
}

/** `p` with the purpose's extension added when the name has none of them (a name typed in a save dialog). */
export function withExtension(purpose: FilePurpose, p: string): string {
  const exts = purposeExtensions[purpose];
  return exts.some((e) => p.toLowerCase().endsWith(e)) ? p : `${p}${exts[0]}`;
}

/** Whether a transport lets the renderer use this path; `forOpening` for a conference to open (recent files and samples may be). */
export type PathAllowed = (file: string, forOpening: boolean) => boolean | Promise<boolean>;

/** The fields of each path-taking method, and what the file in each is for. */
const pathFields: Partial<
  Record<
    MethodName,
    { field: string; purposes: (payload: Record<string, unknown>) => FilePurpose[]; listed?: boolean }[]
  >
> = {
  openConference: [{ field: 'path', purposes: () => ['open'], listed: true }],
  createConference: [{ field: 'path', purposes: () => ['save-copy'] }],
  saveCopy: [{ field: 'path', purposes: () => ['save-copy'] }],
  importReport: [
    { field: 'path', purposes: () => ['import'] },
    { field: 'targetPath', purposes: () => ['save-copy'] },
  ],
  startExport: [{ field: 'outPath', purposes: (p) => [p.format === 'docx' ? 'export-docx' : 'export-pdf'] }],
  exportConference: [{ field: 'outPath', purposes: (p) => [p.format === 'docx' ? 'export-docx' : 'export-pdf'] }],
  saveExport: [{ field: 'path', purposes: () => ['export-docx', 'export-pdf'] }],
  prepareKit: [{ field: 'path', purposes: () => ['save-kit'] }],
  mergeKits: [{ field: 'paths', purposes: () => ['open-kit'] }],
};

/**
 * Names the problem with a path in a call from the renderer, or null when every path in it was
 * allowed by the transport's rule and fits its purpose.
 * Payloads that are not objects, or fields that are not strings, are left to the contract's validation.
 */
export async function pathRefusal(method: string, payload: unknown, allowed: PathAllowed): Promise<string | null> {
  return (await pathRefusalError(method, payload, allowed))?.message ?? null;
}

/** As pathRefusal, the refusal as an error with its catalogue key (what the transports send). */
export async function pathRefusalError(
  method: string,
  payload: unknown,
  allowed: PathAllowed,
): Promise<AppError | null> {
  const fields = Object.prototype.hasOwnProperty.call(pathFields, method)
    ? pathFields[method as MethodName]
    : undefined;
  if (!fields || !payload || typeof payload !== 'object') return null;
  const input = payload as Record<string, unknown>;
  for (const { field, purposes, listed: mayBeListed } of fields) {
    // A field may hold one path or a list of them (returned kits), each checked.
    for (const value of [input[field]].flat()) {
      if (typeof value !== 'string') continue;
      const problems = purposes(input).map((p) => pathError(p, value));
      if (problems.every((p) => p !== null)) return problems[0]!;
      if (!(await allowed(value, mayBeListed === true))) return fileMessages.notGranted(value);
    }
  }
  return null;
}
