/** Comparing a real conference file with one of its snapshots, and restoring from it, through the contract. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { LexicalDoc } from '../../../shared/model/conference';
import { docToPlainText } from '../../../shared/model/doc-text';
import type { SnapshotComparison } from '../../../shared/review/compare';
import { tempDir } from '../export/readers.testkit';
import { writeRichConference } from '../export/rich-conference.testkit';
import { AppServices } from './app-services';

type N = { type?: string; text?: string; children?: N[] };
let services: AppServices;
let handle: string;
let snapshotId: number;
let oldB: string;
let newB: string;

const SENTENCE = 'It was noted that irregular migration exposes people to abuse by smugglers and traffickers. ';
const INSERTED = 'The Chair thanked the interpreters.';

async function edit(partId: string, change: (root: N) => void): Promise<void> {
  const part = await services.api.getPart({ handle, partId });
  const doc = structuredClone(part.doc) as LexicalDoc;
  change(doc.root as N);
  await services.api.savePart({ handle, partId, doc, baseRevision: part.revision });
}
const textOf = async (partId: string) => docToPlainText((await services.api.getPart({ handle, partId })).doc);
const compare = async () => services.api.compareWithSnapshot({ handle, snapshotId });

beforeAll(async () => {
  const dir = tempDir('compare');
  const file = path.join(dir, 'rich.rapporteur');
  writeRichConference(file);
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
  handle = (await services.api.openConference({ path: file })).handle;
  snapshotId = (await services.api.createSnapshot({ handle, name: 'Draft 1' })).id;

  oldB = await textOf('partB');
  await edit('partB', (root) => {
    const t = root.children![0]!.children![0]!;
    t.text = `${t.text!.replace(SENTENCE, '')} ${INSERTED}`;
  });
  newB = await textOf('partB');
  await edit('partA', (root) => {
    root.children = root.children!.filter((c) => !JSON.stringify(c).includes('Its objectives were'));
  });
  await services.api.updatePart({ handle, partId: 'unit2', patch: { title: 'Gender, age and diversity' } });
  await services.api.movePart({ handle, partId: 'partB', parentId: null, index: 0 });
  await services.api.deletePart({ handle, partId: 'abstract' });
  await services.api.addPart({ handle, parentId: null, kind: 'thematic-part', title: 'Closing session' });
});

afterAll(() => {
  services?.closeAll();
});

describe('compare with a snapshot', () => {
  it('lists, per part, the inserted and deleted words, and the parts added, removed, moved and renamed', async () => {
    const c: SnapshotComparison = await compare();
    expect(c.snapshot.name).toBe('Draft 1');
    const part = (id: string) => c.parts.find((p) => p.partId === id)!;

    const b = part('partB');
    expect(b.status).toBe('changed');
    expect(b.moved).toBe(true);
    expect(b.blocks).toHaveLength(1);
    const segs = b.blocks[0]!.segments;
    expect(b.blocks[0]).toMatchObject({ op: 'changed', oldIndex: 0, newIndex: 0 });
    expect(
      segs
        .filter((s) => s.op === 'del')
        .map((s) => s.text)
        .join(''),
    ).toContain('irregular migration exposes people');
    expect(
      segs
        .filter((s) => s.op === 'ins')
        .map((s) => s.text)
        .join(''),
    ).toContain(INSERTED);
    // The kept and deleted words give the snapshot's text; the kept and inserted ones today's.
    expect(
      segs
        .filter((s) => s.op !== 'ins')
        .map((s) => s.text)
        .join(''),
    ).toBe(oldB);
    expect(
      segs
        .filter((s) => s.op !== 'del')
        .map((s) => s.text)
        .join(''),
    ).toBe(newB);
    expect(b.insertedWords).toBe(5);
    expect(b.deletedWords).toBe(14);

    const a = part('partA');
    expect(a.blocks).toEqual([
      { op: 'del', oldIndex: 2, newIndex: null, segments: [{ op: 'del', text: 'Its objectives were the following:' }] },
    ]);
    expect(part('unit2')).toMatchObject({
      status: 'changed',
      oldTitle: 'Gender and age considerations',
      title: 'Gender, age and diversity',
      blocks: [],
    });
    expect(part('abstract')).toMatchObject({ status: 'removed', title: 'Abstract', revision: null });
    expect(c.parts.find((p) => p.title === 'Closing session')).toMatchObject({ status: 'added', moved: false });
    expect(part('unit1')).toMatchObject({ status: 'same', moved: false, blocks: [] });
    // A part that moved with its parent has not moved.
    expect(part('unit2').moved).toBe(false);
    expect(part('partA').moved).toBe(false);
  });

  it('restores a deleted paragraph where it stood, and a changed one as it was', async () => {
    const before = await compare();
    const a = before.parts.find((p) => p.partId === 'partA')!;
    await services.api.restoreFromSnapshot({
      handle,
      snapshotId,
      partId: 'partA',
      baseRevision: a.revision,
      oldIndex: 2,
      newIndex: null,
    });
    const lines = (await textOf('partA')).split('\n');
    expect(lines.findIndex((l) => l.startsWith('Its objectives were the following:'))).toBe(
      lines.findIndex((l) => l.startsWith('The Conference was organized')) + 1,
    );

    const b = before.parts.find((p) => p.partId === 'partB')!;
    await services.api.restoreFromSnapshot({
      handle,
      snapshotId,
      partId: 'partB',
      baseRevision: b.revision,
      oldIndex: 0,
      newIndex: 0,
    });
    expect(await textOf('partB')).toContain(SENTENCE.trim());
    expect(await textOf('partB')).not.toContain(INSERTED);
    const after = await compare();
    expect(after.parts.find((p) => p.partId === 'partA')!.blocks).toEqual([]);
    expect(after.parts.find((p) => p.partId === 'partB')!.blocks).toEqual([]);
  });

  it('restores a removed part and a renamed one; refuses a stale restore with a clear message', async () => {
    const c = await compare();
    await services.api.restoreFromSnapshot({ handle, snapshotId, partId: 'abstract', baseRevision: null });
    expect(await textOf('abstract')).toContain('This document reports on the Hemispheric Conference');
    const unit2 = c.parts.find((p) => p.partId === 'unit2')!;
    const parts = await services.api.restoreFromSnapshot({
      handle,
      snapshotId,
      partId: 'unit2',
      baseRevision: unit2.revision,
    });
    expect(parts.find((p) => p.id === 'unit2')!.title).toBe('Gender and age considerations');

    const stale = await dispatch(services.api, 'restoreFromSnapshot', {
      handle,
      snapshotId,
      partId: 'unit2',
      baseRevision: unit2.revision,
      oldIndex: 0,
    });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('changed since it was compared') },
    });
    const added = c.parts.find((p) => p.status === 'added')!;
    const none = await dispatch(services.api, 'restoreFromSnapshot', {
      handle,
      snapshotId,
      partId: added.partId,
      baseRevision: added.revision,
    });
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('did not exist in that snapshot') },
    });
  });
});
