import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { docToPlainText } from '../../shared/model/doc-text';
import { MergeReport } from '../../shared/kits/kit-report';
import { ConferenceStore } from '../node/store/conference-store';
import { docFromText } from '../node/store/testing/typing';
import { samplePath } from '../../seeds/build-samples';
import { runCli } from './cli.testkit';

const SEED_000 = samplePath('Hemispheric Conference on International Migration, Santiago 2002');
const SEED_004 = samplePath('Regional Conference on Refugee Protection, San José 2009');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-kits-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha256 = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** A copy of a sample with its first two leaf parts assigned to Ana. */
function deskWithAna(sample: string, name: string): { file: string; parts: string[] } {
  const file = path.join(dir, name);
  fs.copyFileSync(sample, file);
  const s = ConferenceStore.open(file);
  const parts = s
    .listParts()
    .filter((p, _i, all) => !all.some((c) => c.parentId === p.id))
    .slice(0, 2)
    .map((p) => p.id);
  for (const id of parts) s.updatePart(id, { rapporteur: 'Ana Gómez' });
  s.close();
  return { file, parts };
}

function draft(file: string, id: string, text: string): void {
  const s = ConferenceStore.open(file);
  s.savePartDoc(id, docFromText(text), s.getPart(id).revision);
  s.close();
}

describe('rapporteur kit and rapporteur merge', () => {
  test('a kit is written, drafted and merged (exit 0); a conflict gives exit 3; the same kit again changes nothing', async () => {
    const {
      file,
      parts: [p1, p2],
    } = deskWithAna(SEED_000, 'desk.rapporteur');
    const made = await runCli(dir, ['kit', 'desk.rapporteur', '--rapporteur', 'Ana Gómez', '-o', 'ana.rapporteur']);
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out).toMatch(
      /^Wrote Ana Gómez’s kit of “Hemispheric Conference[^”]*” to ana\.rapporteur, from version “Kit for Ana Gómez/,
    );
    expect(made.out).toContain('Theirs to draft (2):');

    draft(path.join(dir, 'ana.rapporteur'), p1!, 'Ana drafted the opening session.');
    const merged = await runCli(dir, ['merge', 'desk.rapporteur', 'ana.rapporteur']);
    expect(merged).toMatchObject({ code: 0, err: '' });
    expect(merged.out).toMatch(
      /ana\.rapporteur: Ana Gómez’s kit: merged\.\n {2}Taken:\n {4}part “[^”]+”: Ana Gómez’s text was brought in\./,
    );
    expect(merged.out).toMatch(
      /1 taken, 0 in conflict, 0 refused \(snapshot \d+ kept the conference as it was before\)\.$/m,
    );

    // Ana works on; so does the desk, on the same part: a conflict, exit 3, the desk's text kept.
    draft(path.join(dir, 'ana.rapporteur'), p2!, 'Ana on the second part.');
    draft(file, p2!, 'The desk on the second part.');
    const conflict = await runCli(dir, ['merge', 'desk.rapporteur', 'ana.rapporteur', '--json']);
    expect(conflict.code).toBe(3);
    const report = MergeReport.parse(JSON.parse(conflict.out));
    expect(report.conflicts).toBe(1);
    expect(report.kits[0]!.entries).toEqual([
      expect.objectContaining({ subject: 'part', id: p2, decision: 'conflict' }),
    ]);
    const s = ConferenceStore.open(file, { readOnly: true });
    expect(docToPlainText(s.getPart(p1!).doc)).toBe('Ana drafted the opening session.');
    expect(docToPlainText(s.getPart(p2!).doc)).toBe('The desk on the second part.');
    s.close();

    // The same kit once more: already merged, nothing written, the conflict still reported.
    const before = sha256(file);
    const again = await runCli(dir, ['merge', 'desk.rapporteur', 'ana.rapporteur']);
    expect(again.code).toBe(3);
    expect(again.out).toMatch(/was already brought in/);
    expect(sha256(file)).toBe(before);
  });

  test('a kit of another conference is refused (exit 1), both files unchanged', async () => {
    deskWithAna(SEED_000, 'desk.rapporteur');
    deskWithAna(SEED_004, 'other.rapporteur');
    expect(
      (await runCli(dir, ['kit', 'other.rapporteur', '--rapporteur', 'ana gomez', '-o', 'foreign.rapporteur'])).code,
    ).toBe(0);
    const desk = path.join(dir, 'desk.rapporteur');
    const kitFile = path.join(dir, 'foreign.rapporteur');
    const sums = [sha256(desk), sha256(kitFile)];
    const res = await runCli(dir, ['merge', 'desk.rapporteur', 'foreign.rapporteur']);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(
      /^rapporteur merge: “foreign\.rapporteur” is a kit of “Regional Conference[^”]*”, not of “Hemispheric Conference[^”]*”: it was not brought in, and nothing was changed\.\n$/,
    );
    expect([sha256(desk), sha256(kitFile)]).toEqual(sums);
  });

  test('wrong arguments exit 2 with the usage; nobody assigned is refused (exit 1) and writes nothing', async () => {
    deskWithAna(SEED_000, 'desk.rapporteur');
    const noName = await runCli(dir, ['kit', 'desk.rapporteur', '-o', 'k.rapporteur']);
    expect(noName.code).toBe(2);
    expect(noName.err).toContain('missing --rapporteur <name>');
    expect((await runCli(dir, ['kit', 'desk.rapporteur', '--rapporteur', 'Ana', '-o', 'k.txt'])).code).toBe(2);
    const noKits = await runCli(dir, ['merge', 'desk.rapporteur']);
    expect(noKits.code).toBe(2);
    expect(noKits.err).toContain('Usage: rapporteur merge <file> <kit>... [--json]');
    const nobody = await runCli(dir, ['kit', 'desk.rapporteur', '--rapporteur', 'Nobody', '-o', 'k.rapporteur']);
    expect(nobody.code).toBe(1);
    expect(nobody.err).toMatch(/No part is assigned to “Nobody”.*parts are assigned to “Ana Gómez”/);
    expect(fs.existsSync(path.join(dir, 'k.rapporteur'))).toBe(false);
  });
});
