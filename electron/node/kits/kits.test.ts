import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import { translator } from '../../../shared/i18n/translate';
import { docToPlainText } from '../../../shared/model/doc-text';
import { ConferenceStore } from '../store/conference-store';
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from '../store/migrations';
import { docFromText } from '../store/testing/typing';
import { samplePath } from '../../../seeds/build-samples';
import {
  assignmentOverview,
  assignParts,
  conferenceIdOf,
  isWaiting,
  kitIdentityOf,
  mergeKits,
  prepareKit,
  resolveKitConflict,
} from './index';

const SEED_000 = samplePath('Hemispheric Conference on International Migration, Santiago 2002');
const SEED_001 = samplePath('Best Practices Concerning Migrant Workers, Santiago 2000');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kits-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const copyOf = (sample: string, name: string) => {
  const f = path.join(dir, name);
  fs.copyFileSync(sample, f);
  return f;
};
const sha256 = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const textOf = (s: ConferenceStore, id: string) => docToPlainText(s.getPart(id).doc);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'no error';
};
const edit = (s: ConferenceStore, id: string, text: string) =>
  s.savePartDoc(id, docFromText(text), s.getPart(id).revision);
/** Everything a merge could change at the desk, including its log and snapshots. */
const state = (s: ConferenceStore) =>
  JSON.stringify([
    s.readContent(),
    s.listParts().map((p) => p.revision),
    s.listParticipants().map((p) => p.revision),
    s.listSnapshots().length,
    s.readWith((db) => db.prepare('SELECT COUNT(*) AS n FROM merge_log').get()),
  ]);
const samePerson = (s: ConferenceStore) => s.listParticipants().filter((p) => /^jos[eé] p[eé]rez$/i.test(p.name));

describe('rapporteur kits from the seed 000 sample', () => {
  test('two kits, edits in each, a conflict, a refused part, one person added twice: merged with every edit, the conflict reported, no duplicate', () => {
    const deskFile = copyOf(SEED_000, 'desk.rapporteur');
    const desk = ConferenceStore.open(deskFile);
    const leaves = desk.listParts().filter((p, _i, all) => !all.some((c) => c.parentId === p.id));
    expect(leaves.length).toBeGreaterThan(6);
    const [a1, a2, b1, b2, other] = leaves;
    // Assigned in the overview: Ana by name, Ben from the registry (he is a participant too).
    desk.saveParticipant({
      id: 'benOkafor',
      honorific: 'Mr.',
      name: 'Ben Okafor',
      title: 'Rapporteur',
      organisation: 'ECLAC',
      country: '',
      group: '',
      role: '',
    });
    assignParts(desk, {
      partIds: [a1!.id, a2!.id],
      rapporteur: 'Ana Gómez',
      participantId: null,
      dueAt: '2002-11-20T18:00',
      includeSubparts: false,
    });
    assignParts(desk, {
      partIds: [b1!.id, b2!.id],
      rapporteur: '',
      participantId: 'benOkafor',
      dueAt: '2002-11-21T12:00',
      includeSubparts: false,
    });
    const participantsBefore = desk.listParticipants().length;

    const kitA = path.join(dir, 'ana.rapporteur');
    const kitB = path.join(dir, 'ben.rapporteur');
    // Names of rapporteurs are matched without regard to accents or case.
    const infoA = prepareKit(desk, { rapporteur: 'ana gomez', target: kitA });
    const infoB = prepareKit(desk, { rapporteur: 'Ben Okafor', target: kitB });
    expect(infoA.assignedPartIds).toEqual([a1!.id, a2!.id]);
    expect(infoB.assignedPartIds).toEqual([b1!.id, b2!.id]);
    expect(infoA.conferenceId).toBe(conferenceIdOf(desk));
    expect(desk.listSnapshots().map((s) => s.name)).toEqual(['Kit for Ben Okafor', 'Kit for Ana Gómez']);

    // Ana drafts her two parts, also edits Ben's part (not hers), and adds José Pérez.
    const ana = ConferenceStore.open(kitA);
    expect(kitIdentityOf(ana)).toMatchObject({
      rapporteur: 'Ana Gómez',
      kitId: infoA.kitId,
      conferenceTitle: desk.getMeta().meta.title,
    });
    expect(ana.listSnapshots()).toEqual([]);
    edit(ana, a1!.id, 'Ana: the first session agreed on regular pathways.');
    edit(ana, a2!.id, 'Ana: the second session heard the delegations.');
    ana.updatePart(a2!.id, { status: 'in-review' });
    edit(ana, b1!.id, 'Ana wrote over Ben’s session.');
    ana.saveParticipant({
      id: 'anaNew1',
      honorific: 'Mr.',
      name: 'José Pérez',
      title: 'Director',
      organisation: 'OIM',
      country: 'Chile',
      group: '',
      role: '',
    });
    ana.close();

    // Ben drafts his two parts and adds the same person, spelled without accents and in capitals.
    const ben = ConferenceStore.open(kitB);
    edit(ben, b1!.id, 'Ben: panel on labour migration.');
    // Ben's text cites the person he added: after the merge it must cite the registry's one entry.
    const cited = docFromText('Ben: closing session.');
    (cited.root.children[0] as { children: unknown[] }).children.push({
      type: 'person-ref',
      version: 1,
      participantId: 'benNew1',
      name: 'JOSE PEREZ',
    });
    ben.savePartDoc(b2!.id, cited, ben.getPart(b2!.id).revision);
    ben.saveParticipant({
      id: 'benNew1',
      honorific: '',
      name: 'JOSE PEREZ',
      title: '',
      organisation: 'oim',
      country: '',
      group: '',
      role: '',
    });
    ben.close();

    // Meanwhile the desk edits Ana's first part: a conflict.
    edit(desk, a1!.id, 'Desk: harmonised wording of the first session.');
    const snapshotsBefore = desk.listSnapshots().length;

    const report = mergeKits(desk, [kitA, kitB]);
    expect(report.snapshotId).not.toBeNull();
    expect(desk.listSnapshots()).toHaveLength(snapshotsBefore + 1);
    expect(desk.listSnapshots()[0]).toMatchObject({
      reason: 'before-merge',
      name: 'Before bringing in kits of Ana Gómez and Ben Okafor',
    });
    // The snapshot holds the desk as it was before.
    const before = JSON.parse(desk.snapshotRow(report.snapshotId!)!.data) as { parts: { id: string; doc: never }[] };
    expect(docToPlainText(before.parts.find((p) => p.id === b1!.id)!.doc)).toBe(
      textOf(ConferenceStore.open(copyOf(SEED_000, 'orig.rapporteur')), b1!.id),
    );

    const [repA, repB] = report.kits;
    expect(repA).toMatchObject({ outcome: 'merged', file: 'ana.rapporteur' });
    const decisions = (r: typeof repA) => r!.entries.map((e) => [e.subject, e.id, e.decision]);
    expect(decisions(repA)).toEqual(
      expect.arrayContaining([
        ['part', a1!.id, 'conflict'],
        ['part', a2!.id, 'taken'],
        ['part', b1!.id, 'refused'],
        ['participant', 'anaNew1', 'added'],
      ]),
    );
    expect(decisions(repB)).toEqual(
      expect.arrayContaining([
        ['part', b1!.id, 'taken'],
        ['part', b2!.id, 'taken'],
        ['participant', 'benNew1', 'matched'],
      ]),
    );
    expect(repA!.entries.find((e) => e.id === b1!.id)!.message).toMatch(/Not assigned to Ana Gómez/);
    // Each decision also carries its catalogue key, so the interface says it in the user's language.
    const refusedB1 = repA!.entries.find((e) => e.id === b1!.id)!;
    expect(refusedB1).toMatchObject({ key: 'kits:merge.part.notAssigned', values: { who: 'Ana Gómez' } });
    expect(translator('es')(refusedB1.key as never, refusedB1.values)).toBe(
      'No está asignada a Ana Gómez: su cambio no se incorporó (se conserva en el registro de fusiones).',
    );
    expect(report).toMatchObject({ conflicts: 1, taken: 4, refused: 1 });

    // Every edit arrived; the conflicting part kept the desk's text; Ben's part has Ben's text, not Ana's.
    expect(textOf(desk, a1!.id)).toBe('Desk: harmonised wording of the first session.');
    expect(textOf(desk, a2!.id)).toBe('Ana: the second session heard the delegations.');
    expect(desk.getPart(a2!.id).status).toBe('in-review');
    expect(textOf(desk, b1!.id)).toBe('Ben: panel on labour migration.');
    expect(textOf(desk, b2!.id)).toMatch(/^Ben: closing session\./);
    expect(textOf(desk, other!.id)).toBe(textOf(ConferenceStore.open(copyOf(SEED_000, 'orig2.rapporteur')), other!.id));
    // One José Pérez in the registry, with Ana's details.
    expect(samePerson(desk)).toEqual([
      expect.objectContaining({ id: 'anaNew1', name: 'José Pérez', organisation: 'OIM', country: 'Chile' }),
    ]);
    expect(desk.listParticipants()).toHaveLength(participantsBefore + 1);
    expect(JSON.stringify(desk.getPart(b2!.id).doc)).toContain('"participantId":"anaNew1"');
    expect(JSON.stringify(desk.getPart(b2!.id).doc)).not.toContain('benNew1');

    // Every decision is logged in the conference, the kit's texts kept for the editor.
    const log = desk.readWith((db) =>
      db.prepare('SELECT subject, subject_id AS id, decision, detail FROM merge_log ORDER BY id').all(),
    ) as { subject: string; id: string; decision: string; detail: string }[];
    const conflict = log.find((r) => r.decision === 'conflict' && r.id === a1!.id)!;
    expect(docToPlainText((JSON.parse(conflict.detail) as { kit: { doc: never } }).kit.doc)).toBe(
      'Ana: the first session agreed on regular pathways.',
    );
    const refused = log.find((r) => r.decision === 'refused' && r.id === b1!.id)!;
    expect(docToPlainText((JSON.parse(refused.detail) as { kit: { doc: never } }).kit.doc)).toBe(
      'Ana wrote over Ben’s session.',
    );
    expect(log.filter((r) => r.subject === 'kit')).toHaveLength(2);

    // The overview: both rapporteurs' latest work is back, part by part.
    const back = new Map(assignmentOverview(desk).rows.map((r) => [r.partId, [r.rapporteur, r.returned?.decision]]));
    expect([a1, a2, b1, b2].map((p) => back.get(p!.id))).toEqual([
      ['Ana Gómez', 'conflict'],
      ['Ana Gómez', 'taken'],
      ['Ben Okafor', 'taken'],
      ['Ben Okafor', 'taken'],
    ]);

    // The same kits again: nothing changes, and the report says so.
    const after = state(desk);
    const again = mergeKits(desk, [kitA, kitB]);
    expect(again.kits.map((k) => k.outcome)).toEqual(['already-merged', 'already-merged']);
    expect(again.kits[0]).toMatchObject({ messageKey: 'kits:merge.alreadyMerged' });
    // Read back from the merge log, the entries keep their keys.
    expect(again.kits[0]!.entries.find((e) => e.id === b1!.id)).toMatchObject({
      key: 'kits:merge.part.notAssigned',
      values: { who: 'Ana Gómez' },
    });
    expect(again.snapshotId).toBeNull();
    expect(again.kits[0]!.entries.map((e) => e.decision)).toContain('conflict');
    expect(again).toMatchObject({ taken: 0, conflicts: 1, refused: 0 });
    expect(state(desk)).toBe(after);
    desk.close();
  });

  test('a kit returned a second time with more work brings in only the new work, without false conflicts', () => {
    const desk = ConferenceStore.open(copyOf(SEED_000, 'desk.rapporteur'));
    const [p] = desk.listParts().filter((x, _i, all) => !all.some((c) => c.parentId === x.id));
    desk.updatePart(p!.id, { rapporteur: 'Ana' });
    const kit = path.join(dir, 'ana.rapporteur');
    prepareKit(desk, { rapporteur: 'Ana', target: kit });
    const ana = ConferenceStore.open(kit);
    edit(ana, p!.id, 'First draft.');
    ana.saveParticipant({
      id: 'n1',
      honorific: '',
      name: 'Zoë Ñúñez',
      title: '',
      organisation: 'UNHCR',
      country: '',
      group: '',
      role: '',
    });
    ana.close();
    expect(mergeKits(desk, [kit])).toMatchObject({ taken: 2, conflicts: 0 });
    const reopened = ConferenceStore.open(kit);
    edit(reopened, p!.id, 'Second draft.');
    reopened.close();
    const second = mergeKits(desk, [kit]);
    expect(second).toMatchObject({ taken: 1, conflicts: 0, refused: 0 });
    expect(textOf(desk, p!.id)).toBe('Second draft.');
    expect(desk.listParticipants().filter((x) => x.name === 'Zoë Ñúñez')).toHaveLength(1);
    desk.close();
  });

  test('a kit of another conference is refused with a clear message, and neither file changes', () => {
    const desk = ConferenceStore.open(copyOf(SEED_000, 'desk.rapporteur'));
    const foreignDesk = ConferenceStore.open(copyOf(SEED_001, 'other.rapporteur'));
    const part = foreignDesk.listParts()[0]!;
    foreignDesk.updatePart(part.id, { rapporteur: 'Ana' });
    const kit = path.join(dir, 'foreign-kit.rapporteur');
    prepareKit(foreignDesk, { rapporteur: 'Ana', target: kit });
    foreignDesk.close();
    const kitSum = sha256(kit);
    const deskBefore = state(desk);
    const report = mergeKits(desk, [kit]);
    expect(report.kits[0]).toMatchObject({ outcome: 'refused', entries: [] });
    expect(report.kits[0]!.message).toBe(
      `“foreign-kit.rapporteur” is a kit of “${ConferenceStore.open(kit, { readOnly: true }).getMeta().meta.title}”, not of “${desk.getMeta().meta.title}”: it was not brought in, and nothing was changed.`,
    );
    expect(report).toMatchObject({ snapshotId: null, refused: 1, taken: 0 });
    expect(sha256(kit)).toBe(kitSum);
    expect(state(desk)).toBe(deskBefore);
    desk.close();
  });

  test('a plain conference is not a kit; a kit is not a desk; nobody assigned means no kit', () => {
    const desk = ConferenceStore.open(copyOf(SEED_000, 'desk.rapporteur'));
    const plain = copyOf(SEED_000, 'plain.rapporteur');
    expect(mergeKits(desk, [plain]).kits[0]!.message).toBe(
      '“plain.rapporteur” is a conference, not a rapporteur kit: it was not brought in.',
    );
    expect(() => prepareKit(desk, { rapporteur: 'Nobody', target: path.join(dir, 'k.rapporteur') })).toThrow(
      /No part is assigned to “Nobody”/,
    );
    expect(fs.existsSync(path.join(dir, 'k.rapporteur'))).toBe(false);
    desk.updatePart(desk.listParts()[0]!.id, { rapporteur: 'Ana' });
    const kit = path.join(dir, 'k.rapporteur');
    prepareKit(desk, { rapporteur: 'Ana', target: kit });
    // An existing file is never replaced unasked.
    expect(codeOf(() => prepareKit(desk, { rapporteur: 'Ana', target: kit }))).toBe('EXISTS');
    const k = ConferenceStore.open(kit);
    expect(() => prepareKit(k, { rapporteur: 'Ana', target: path.join(dir, 'k2.rapporteur') })).toThrow(/Ana’s kit/);
    expect(() => mergeKits(k, [plain])).toThrow(/Ana’s kit/);
    k.close();
    desk.close();
  });
});

describe('migration 4', () => {
  test('a file of schema version 3 gets a conference id, an empty kit identity and merge log, and keeps its content', () => {
    const f = path.join(dir, 'v3.rapporteur');
    const db = new Database(f);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, 3);
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(
      JSON.stringify({ title: 'Version 3 conference' }),
    );
    db.close();
    const s = ConferenceStore.open(f);
    expect(s.getMeta().meta.title).toBe('Version 3 conference');
    const id = conferenceIdOf(s);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(kitIdentityOf(s)).toBeNull();
    s.close();
    // The id stays what it is on every opening.
    const again = ConferenceStore.open(f);
    expect(conferenceIdOf(again)).toBe(id);
    again.close();
    const check = new Database(f, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(check.prepare('SELECT COUNT(*) AS n FROM merge_log').get()).toEqual({ n: 0 });
    check.close();
  });
});

describe('deciding a conflict', () => {
  function conflictOn(name: string) {
    const desk = ConferenceStore.open(copyOf(SEED_000, name));
    const [p, q] = desk.listParts().filter((x, _i, all) => !all.some((c) => c.parentId === x.id));
    desk.updatePart(p!.id, { rapporteur: 'Ana' });
    desk.updatePart(q!.id, { rapporteur: 'Ana' });
    const kit = path.join(dir, `kit-${name}`);
    prepareKit(desk, { rapporteur: 'Ana', target: kit });
    const ana = ConferenceStore.open(kit);
    edit(ana, p!.id, 'Ana’s version.');
    ana.close();
    edit(desk, p!.id, 'The desk’s version.');
    const report = mergeKits(desk, [kit]);
    const conflict = report.kits[0]!.entries.find((e) => e.decision === 'conflict')!;
    expect(conflict).toMatchObject({ id: p!.id, conflictId: expect.any(Number) });
    return { desk, kit, p: p!, q: q!, conflictId: conflict.conflictId! };
  }

  test('taking the kit’s text replaces the desk’s, is logged, cannot be decided twice, and shows as decided when the kit comes again', () => {
    const { desk, kit, p, conflictId } = conflictOn('take.rapporteur');
    expect(resolveKitConflict(desk, conflictId, 'kit')).toMatchObject({
      decision: 'resolved',
      message: expect.stringMatching(/^Decided: Ana’s text/),
    });
    expect(textOf(desk, p.id)).toBe('Ana’s version.');
    expect(isWaiting(desk, conflictId)).toBe(false);
    expect(codeOf(() => resolveKitConflict(desk, conflictId, 'desk'))).toBe('CONFLICT');
    expect(textOf(desk, p.id)).toBe('Ana’s version.');
    const again = mergeKits(desk, [kit]);
    expect(again.kits[0]!.outcome).toBe('already-merged');
    expect(again.kits[0]!.entries.find((e) => e.id === p.id)).toMatchObject({ decision: 'resolved' });
    expect(again.conflicts).toBe(0);
    // Ana works on: her next draft is taken without a conflict.
    const ana = ConferenceStore.open(kit);
    edit(ana, p.id, 'Ana’s second version.');
    ana.close();
    expect(mergeKits(desk, [kit])).toMatchObject({ taken: 1, conflicts: 0 });
    expect(textOf(desk, p.id)).toBe('Ana’s second version.');
    desk.close();
  });

  test('keeping the desk’s text changes nothing; a later change to that part in the kit is a conflict again, other parts are taken', () => {
    const { desk, kit, p, q, conflictId } = conflictOn('keep.rapporteur');
    const revision = desk.getPart(p.id).revision;
    resolveKitConflict(desk, conflictId, 'desk');
    expect(desk.getPart(p.id).revision).toBe(revision);
    expect(textOf(desk, p.id)).toBe('The desk’s version.');
    const ana = ConferenceStore.open(kit);
    edit(ana, p.id, 'Ana insists.');
    edit(ana, q.id, 'Ana on another part.');
    ana.close();
    const next = mergeKits(desk, [kit]);
    expect(next.kits[0]!.entries.map((e) => [e.id, e.decision])).toEqual(
      expect.arrayContaining([
        [p.id, 'conflict'],
        [q.id, 'taken'],
      ]),
    );
    expect(textOf(desk, p.id)).toBe('The desk’s version.');
    expect(codeOf(() => resolveKitConflict(desk, 999999, 'kit'))).toBe('NOT_FOUND');
    desk.close();
  });
});
