import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { SerializedError } from '../../../shared/errors';
import { localizeError } from '../../../shared/i18n/app-error';
import { pathRefusal } from '../../../shared/contract/file-policy';
import { docFromText } from '../store/testing/typing';
import { AppServices } from '../services/app-services';
import { samplePath } from '../../../seeds/build-samples';

const SEED_000 = samplePath('Hemispheric Conference on International Migration, Santiago 2002');

let dir: string;
let services: AppServices;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-contract-'));
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
});
afterEach(() => {
  services.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = async (method: string, payload: unknown) => {
  const r = await dispatch(services.api, method, payload);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as Record<string, unknown>;
};

describe('kits through the contract', () => {
  test('prepareKit, kitInfo on the opened kit, mergeKits back: validated by the contract on the way in and out', async () => {
    fs.copyFileSync(SEED_000, path.join(dir, 'desk.rapporteur'));
    const desk = await call('openConference', { path: path.join(dir, 'desk.rapporteur') });
    const handle = desk.handle as string;
    const part = (desk.parts as { id: string; parentId: string | null }[]).find(
      (p, _i, all) => !all.some((c) => c.parentId === p.id),
    )!;
    await call('updatePart', { handle, partId: part.id, patch: { rapporteur: 'Ana' } });
    expect(await call('kitInfo', { handle })).toBeNull();

    const made = await call('prepareKit', { handle, rapporteur: 'Ana', path: path.join(dir, 'ana') });
    expect(made).toMatchObject({
      rapporteur: 'Ana',
      assignedPartIds: [part.id],
      path: path.join(dir, 'ana.rapporteur'),
    });

    const kit = await call('openConference', { path: path.join(dir, 'ana.rapporteur') });
    const kitHandle = kit.handle as string;
    expect(await call('kitInfo', { handle: kitHandle })).toMatchObject({
      rapporteur: 'Ana',
      kitId: made.kitId,
      baseVersion: made.baseVersion,
    });
    const { revision } = await call('getPart', { handle: kitHandle, partId: part.id });
    await call('savePart', {
      handle: kitHandle,
      partId: part.id,
      doc: docFromText('Ana’s draft.'),
      baseRevision: revision,
    });
    // Parts not assigned to Ana are read-only in her kit, with a message saying why.
    const other = (kit.parts as { id: string; title: string; revision: number }[]).find((p) => p.id !== part.id)!;
    const refused = await dispatch(services.api, 'savePart', {
      handle: kitHandle,
      partId: other.id,
      doc: docFromText('Not hers.'),
      baseRevision: other.revision,
    });
    // The message travels with its catalogue key, so the interface shows it in the user's language.
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'READ_ONLY',
        key: 'kits.notYours',
        values: { title: other.title, who: 'Ana' },
        message: `“${other.title}” is not assigned to Ana in this kit, so it is read-only here: your change was not saved. The editors’ desk drafts it.`,
      },
    });
    expect(localizeError((refused as { error: SerializedError }).error, 'es')).toBe(
      `«${other.title}» no está asignada a Ana en este kit, así que aquí es de solo lectura: su cambio no se guardó. La redacta la mesa de edición.`,
    );
    expect(
      (await dispatch(services.api, 'updatePart', { handle: kitHandle, partId: other.id, patch: { status: 'final' } }))
        .ok,
    ).toBe(false);
    // Nor can her outline delete, duplicate or move a part that is not hers.
    for (const [method, req] of [
      ['deletePart', { handle: kitHandle, partId: other.id }],
      ['duplicatePart', { handle: kitHandle, partId: other.id }],
      ['movePart', { handle: kitHandle, partId: other.id, parentId: null, index: 0 }],
    ] as const) {
      expect(await dispatch(services.api, method, req)).toMatchObject({
        ok: false,
        error: { code: 'READ_ONLY', key: 'kits.notYours' },
      });
    }
    const outline = (parts: unknown) =>
      (parts as { id: string; parentId: string | null; position: number }[]).map((p) => [p.id, p.parentId, p.position]);
    expect(outline((await call('getConference', { handle: kitHandle })).parts)).toEqual(outline(kit.parts));
    await call('closeConference', { handle: kitHandle });

    const report = await call('mergeKits', { handle, paths: [path.join(dir, 'ana.rapporteur')] });
    expect(report).toMatchObject({ taken: 1, conflicts: 0, refused: 0 });
    const after = await call('getPart', { handle, partId: part.id });
    expect(JSON.stringify(after.doc)).toContain('Ana’s draft.');

    const bad = await dispatch(services.api, 'mergeKits', { handle, paths: [] });
    expect(bad.ok).toBe(false);
  });

  test('assignments and a conflict side by side through the contract: validated on the way in and out', async () => {
    fs.copyFileSync(SEED_000, path.join(dir, 'desk.rapporteur'));
    const desk = await call('openConference', { path: path.join(dir, 'desk.rapporteur') });
    const handle = desk.handle as string;
    const part = (desk.parts as { id: string; parentId: string | null }[]).find(
      (p, _i, all) => !all.some((c) => c.parentId === p.id),
    )!;
    const overview = await call('assignParts', {
      handle,
      partIds: [part.id],
      rapporteur: 'Ana',
      participantId: null,
      dueAt: '2002-11-21T18:00',
      includeSubparts: false,
    });
    expect((overview.rows as { partId: string }[]).find((r) => r.partId === part.id)).toMatchObject({
      rapporteur: 'Ana',
      dueAt: '2002-11-21T18:00',
    });
    expect(await call('assignmentOverview', { handle })).toEqual(overview);
    // A due time is a date and a time; anything else is refused before the service sees it.
    const badDue = await dispatch(services.api, 'assignParts', {
      handle,
      partIds: [part.id],
      rapporteur: 'Ana',
      participantId: null,
      dueAt: 'tomorrow',
      includeSubparts: false,
    });
    expect(badDue).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    await call('prepareKit', { handle, rapporteur: 'Ana', path: path.join(dir, 'ana') });
    const kit = await call('openConference', { path: path.join(dir, 'ana.rapporteur') });
    let { revision } = await call('getPart', { handle: kit.handle, partId: part.id });
    await call('savePart', {
      handle: kit.handle,
      partId: part.id,
      doc: docFromText('Ana’s draft.'),
      baseRevision: revision,
    });
    await call('closeConference', { handle: kit.handle });
    ({ revision } = await call('getPart', { handle, partId: part.id }));
    await call('savePart', { handle, partId: part.id, doc: docFromText('The desk’s draft.'), baseRevision: revision });
    const report = await call('mergeKits', { handle, paths: [path.join(dir, 'ana.rapporteur')] });
    const conflictId = (report.kits as { entries: { conflictId?: number }[] }[])[0]!.entries.find(
      (e) => e.conflictId !== undefined,
    )!.conflictId!;
    const conflict = await call('kitConflict', { handle, conflictId });
    expect(conflict).toMatchObject({
      partId: part.id,
      rapporteur: 'Ana',
      desk: { text: 'The desk’s draft.' },
      kit: { text: 'Ana’s draft.' },
    });
    // An edited text goes with keep "edited", and only with it.
    expect(await dispatch(services.api, 'resolveKitConflict', { handle, conflictId, keep: 'edited' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await dispatch(services.api, 'resolveKitConflict', { handle, conflictId, keep: 'desk', doc: docFromText('x') }),
    ).toMatchObject({ ok: false });
    const decided = await call('resolveKitConflict', {
      handle,
      conflictId,
      keep: 'edited',
      doc: docFromText('Both drafts, harmonised.'),
      deskRevision: conflict.deskRevision,
    });
    expect(decided.entry).toMatchObject({ decision: 'resolved' });
    expect(JSON.stringify((await call('getPart', { handle, partId: part.id })).doc)).toContain(
      'Both drafts, harmonised.',
    );
  });

  test('every kit path from the renderer must have been chosen by the user, one by one', async () => {
    const chosen = new Set(['/home/ana/kits/ana.rapporteur']);
    const allowed = (p: string) => chosen.has(p);
    expect(
      await pathRefusal('mergeKits', { handle: 'h', paths: ['/home/ana/kits/ana.rapporteur'] }, allowed),
    ).toBeNull();
    expect(
      await pathRefusal(
        'mergeKits',
        { handle: 'h', paths: ['/home/ana/kits/ana.rapporteur', '/home/ana/other.rapporteur'] },
        allowed,
      ),
    ).toMatch(/only on files you chose.*“other\.rapporteur”/);
    expect(await pathRefusal('mergeKits', { handle: 'h', paths: ['/etc/x.rapporteur'] }, allowed)).toMatch(
      /operating system/,
    );
    expect(
      await pathRefusal(
        'prepareKit',
        { handle: 'h', rapporteur: 'Ana', path: '/home/ana/kits/ben.rapporteur' },
        allowed,
      ),
    ).toMatch(/only on files you chose/);
  });
});
