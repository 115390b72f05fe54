/**
 * Accepting an OCR repair of the seed 000 sample (a real conference file) through the
 * contract: every whole-word occurrence changed, nothing else, in one transaction with a
 * snapshot that undoes it; dismissing keeps the text.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { ImportWarning } from '../../../shared/model/conference';
import { docToPlainText } from '../../../shared/model/doc-text';
import { samplePath, SAMPLES } from '../../../seeds/build-samples';
import { tempDir } from '../export/readers.testkit';
import { AppServices } from './app-services';
import type { AcceptRepairResult } from './repair-service';

const SEED_000 = samplePath(SAMPLES.find((s) => s.seed === '000')!.name);

let services: AppServices;
let handle: string;
let file: string;

/** Every part's text, read from the file itself by another connection. */
function textsInFile(): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT doc FROM parts ORDER BY id').all() as { doc: string }[]).map((r) =>
      docToPlainText(JSON.parse(r.doc)),
    );
  } finally {
    db.close();
  }
}
const count = (re: RegExp) => textsInFile().reduce((n, t) => n + (t.match(re)?.length ?? 0), 0);
async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(services.api, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}
const repairOf = (warnings: ImportWarning[], find: string) =>
  warnings.find((w) => w.code === 'OCR_REPAIR' && w.suggestion?.find === find);

beforeEach(async () => {
  const dir = tempDir('repair');
  file = path.join(dir, 'seed-000.rapporteur');
  fs.copyFileSync(SEED_000, file);
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
  handle = (await services.api.openConference({ path: file })).handle;
});
afterEach(() => services.closeAll());

describe('accepting an OCR repair', () => {
  it('replaces every whole-word “internationa” with “international” and nothing else, in one step that a snapshot undoes', async () => {
    const warnings = await call<ImportWarning[]>('listWarnings', { handle });
    const repair = repairOf(warnings, 'internationa');
    expect(repair?.suggestion).toEqual({ find: 'internationa', replace: 'international' });
    expect(repair?.status).toBe('open');
    const before = textsInFile();
    const damaged = count(/(?<![\p{L}\p{N}_])internationa(?![\p{L}\p{N}_])/gu);
    const correct = count(/(?<![\p{L}\p{N}_])international(?![\p{L}\p{N}_])/gu);
    const capitalised = count(/(?<![\p{L}\p{N}_])Internationa(?![\p{L}\p{N}_])/gu);
    expect(damaged).toBeGreaterThan(0);

    const r = await call<AcceptRepairResult>('acceptRepair', { handle, warningId: repair!.id });
    expect(r.replaced).toBe(damaged);
    expect(count(/(?<![\p{L}\p{N}_])internationa(?![\p{L}\p{N}_])/gu)).toBe(0);
    expect(count(/(?<![\p{L}\p{N}_])international(?![\p{L}\p{N}_])/gu)).toBe(correct + damaged);
    expect(count(/(?<!\p{L})internationall(?!\p{L})/giu)).toBe(0);
    // Match case: the capitalised form is a repair of its own.
    expect(count(/(?<![\p{L}\p{N}_])Internationa(?![\p{L}\p{N}_])/gu)).toBe(capitalised);
    // Only those words changed: each part's text is its old text with them replaced.
    expect(textsInFile()).toEqual(
      before.map((t) => t.replace(/(?<![\p{L}\p{N}_])internationa(?![\p{L}\p{N}_])/gu, 'international')),
    );
    expect(repairOf(r.warnings, 'internationa')?.status).toBe('accepted');
    expect(r.snapshot.reason).toBe('before-replace');

    // Accepting it again is refused and changes nothing.
    await expect(call('acceptRepair', { handle, warningId: repair!.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    // The snapshot taken first restores the text as it was.
    await call('restoreSnapshot', { handle, snapshotId: r.snapshot.id });
    expect(textsInFile()).toEqual(before);
  });

  it('dismissing a repair keeps the text', async () => {
    const repair = repairOf(await call<ImportWarning[]>('listWarnings', { handle }), 'socia')!;
    const before = textsInFile();
    const after = await call<ImportWarning[]>('setWarningStatus', {
      handle,
      warningId: repair.id,
      status: 'dismissed',
    });
    expect(repairOf(after, 'socia')?.status).toBe('dismissed');
    expect(textsInFile()).toEqual(before);
  });

  it('refuses a warning that suggests no repair', async () => {
    const plain = (await call<ImportWarning[]>('listWarnings', { handle })).find((w) => !w.suggestion)!;
    await expect(call('acceptRepair', { handle, warningId: plain.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
