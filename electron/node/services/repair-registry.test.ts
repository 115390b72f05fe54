/**
 * Issue 12: an OCR repair of a word that the list of participants holds (seed 000: the group
 * "Estados miembros de la Comisién", "Ministry of Social Devel opment") changes the entries
 * too, in the same step and snapshot, so "Accept" never reports 0 while the damage stays.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { ImportWarning, Participant } from '../../../shared/model/conference';
import { samplePath, SAMPLES } from '../../../seeds/build-samples';
import { tempDir } from '../export/readers.testkit';
import { AppServices } from './app-services';
import type { AcceptRepairResult } from './repair-service';

const SEED_000 = samplePath(SAMPLES.find((s) => s.seed === '000')!.name);

let services: AppServices;
let handle: string;

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(services.api, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}
const participants = async () =>
  (await call<{ participants: Participant[] }>('getConference', { handle })).participants;
const fieldsOf = (p: Participant) => [p.name, p.honorific, p.title, p.organisation, p.country, p.group, p.role];
const occurrences = (ps: Participant[], word: string) =>
  ps
    .flatMap(fieldsOf)
    .reduce(
      (n, f) => n + (f.match(new RegExp(`(?<![\\p{L}\\p{N}_])${word}(?![\\p{L}\\p{N}_])`, 'gu'))?.length ?? 0),
      0,
    );

beforeEach(async () => {
  const dir = tempDir('repair-registry');
  const file = path.join(dir, 'seed-000.rapporteur');
  fs.copyFileSync(SEED_000, file);
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
  handle = (await services.api.openConference({ path: file })).handle;
});
afterEach(() => services.closeAll());

describe('accepting an OCR repair found in the list of participants', () => {
  it('“Comisién” → “Comisión” changes every entry holding it, and the snapshot taken first undoes it', async () => {
    const before = await participants();
    const damaged = occurrences(before, 'Comisién');
    expect(damaged).toBeGreaterThan(50);
    const repair = (await call<ImportWarning[]>('listWarnings', { handle })).find(
      (w) => w.suggestion?.find === 'Comisién',
    )!;
    expect(repair.suggestion).toEqual({ find: 'Comisién', replace: 'Comisión' });

    const r = await call<AcceptRepairResult>('acceptRepair', { handle, warningId: repair.id });
    const after = await participants();
    expect(r.participantsChanged).toBe(before.filter((p) => fieldsOf(p).some((f) => f.includes('Comisién'))).length);
    expect(r.replaced).toBe(damaged);
    expect(occurrences(after, 'Comisién')).toBe(0);
    // Nothing else changed: each entry is the old one with the word replaced.
    expect(after.map((p) => fieldsOf(p))).toEqual(
      before.map((p) => fieldsOf(p).map((f) => f.replaceAll('Comisién', 'Comisión'))),
    );

    await call('restoreSnapshot', { handle, snapshotId: r.snapshot.id });
    expect((await participants()).map(fieldsOf)).toEqual(before.map(fieldsOf));
  });
});
