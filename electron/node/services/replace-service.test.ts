/** Find and replace in all parts of a real conference file (a copy of the seed 000 sample), through the contract. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import { docToPlainText } from '../../../shared/model/doc-text';
import type { FindResult, ReplaceResult } from '../../../shared/search/schemas';
import { samplePath, SAMPLES } from '../../../seeds/build-samples';
import { tempDir } from '../export/readers.testkit';
import { AppServices } from './app-services';

const SEED_000 = samplePath(SAMPLES.find((s) => s.seed === '000')!.name);
const find = { query: 'Internationa', matchCase: true, wholeWord: true, regex: false };

let services: AppServices;
let handle: string;
let file: string;

/** Every part's text, read from the file itself by another connection. */
function textsInFile(): Map<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, doc FROM parts').all() as { id: string; doc: string }[];
    return new Map(rows.map((r) => [r.id, docToPlainText(JSON.parse(r.doc))]));
  } finally {
    db.close();
  }
}
const count = (re: RegExp) => [...textsInFile().values()].reduce((n, t) => n + (t.match(re)?.length ?? 0), 0);
async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(services.api, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}

beforeEach(async () => {
  const dir = tempDir('replace');
  file = path.join(dir, 'seed-000.rapporteur');
  fs.copyFileSync(SEED_000, file);
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
  handle = (await services.api.openConference({ path: file })).handle;
});
afterEach(() => services.closeAll());

describe('replace in all parts', () => {
  it('whole word finds only the damaged words; replacing all of them changes exactly that many, and one restore undoes it', async () => {
    const before = textsInFile();
    const damaged = count(/Internationa(?![\p{L}])/gu);
    const correct = count(/International\b/g);
    expect(damaged).toBeGreaterThan(0);
    expect(correct).toBeGreaterThan(damaged);

    const preview = await call<FindResult>('findInConference', { handle, find, replacement: 'International' });
    expect(preview.total).toBe(damaged);
    expect(preview.truncated).toBe(false);
    // A part is named with the parts it sits in (two units each have their “Speakers”).
    const speakers = preview.parts.filter((p) => p.title === 'Speakers');
    expect(speakers.length).toBe(2);
    expect(speakers.every((p) => p.within.length > 0)).toBe(true);
    expect(new Set(speakers.map((p) => p.within.join('/'))).size).toBe(2);
    for (const p of preview.parts)
      for (const h of p.hits) {
        expect(h.match).toBe('Internationa');
        expect(h.after).toMatch(/^[^\p{L}]/u);
        expect(h.replacement).toBe('International');
      }
    // Without whole word, the same query would have reached the correct words too.
    const loose = await call<FindResult>('findInConference', {
      handle,
      find: { ...find, wholeWord: false },
      replacement: 'International',
    });
    expect(loose.total).toBe(damaged + count(/Internationa(?=\p{L})/gu));

    const parts = preview.parts.map((p) => ({
      partId: p.partId,
      revision: p.revision,
      hits: p.hits.map((h) => h.index),
    }));
    const done = await call<ReplaceResult>('replaceInConference', {
      handle,
      find,
      replacement: 'International',
      parts,
    });
    expect(done.replaced).toBe(damaged);
    expect(done.snapshot.reason).toBe('before-replace');
    expect(count(/Internationa(?![\p{L}])/gu)).toBe(0);
    expect(count(/Internationall/g)).toBe(0);
    expect(count(/International\b/g)).toBe(correct + damaged);
    // Only the parts with hits changed, and each by exactly its hits.
    const after = textsInFile();
    const changed = [...after]
      .filter(([id, t]) => t !== before.get(id))
      .map(([id]) => id)
      .sort();
    expect(changed).toEqual(preview.parts.map((p) => p.partId).sort());
    expect(done.partsChanged).toBe(changed.length);

    await services.api.restoreSnapshot({ handle, snapshotId: done.snapshot.id });
    expect(textsInFile()).toEqual(before);
  });

  it('replaces exactly the ticked hits and reports that count', async () => {
    const preview = await call<FindResult>('findInConference', { handle, find, replacement: 'International' });
    const all = preview.parts.flatMap((p) => p.hits.map((h) => ({ p, h })));
    expect(all.length).toBeGreaterThan(2);
    const ticked = all.filter((_, i) => i % 2 === 0);
    const byPart = new Map<string, number[]>();
    for (const { p, h } of ticked) byPart.set(p.partId, [...(byPart.get(p.partId) ?? []), h.index]);
    const parts = [...byPart].map(([partId, hits]) => ({
      partId,
      revision: preview.parts.find((p) => p.partId === partId)!.revision,
      hits,
    }));
    const done = await call<ReplaceResult>('replaceInConference', {
      handle,
      find,
      replacement: 'International',
      parts,
    });
    expect(done.replaced).toBe(ticked.length);
    expect(count(/Internationa(?![\p{L}])/gu)).toBe(all.length - ticked.length);
    // The unticked ones are still found, with their context unchanged.
    const again = await call<FindResult>('findInConference', { handle, find, replacement: 'International' });
    const unticked = all.filter((_, i) => i % 2 === 1).map(({ h }) => `${h.before}|${h.after}`);
    expect(again.parts.flatMap((p) => p.hits.map((h) => `${h.before}|${h.after}`))).toEqual(unticked);
  });

  it('refuses the whole replace, keeping nothing (not even the snapshot), when a part changed since the preview', async () => {
    const preview = await call<FindResult>('findInConference', { handle, find, replacement: 'International' });
    const parts = preview.parts.map((p) => ({
      partId: p.partId,
      revision: p.revision,
      hits: p.hits.map((h) => h.index),
    }));
    const last = preview.parts.at(-1)!;
    const part = await services.api.getPart({ handle, partId: last.partId });
    await services.api.savePart({ handle, partId: part.id, doc: part.doc, baseRevision: part.revision });
    const snapshots = (await services.api.listSnapshots({ handle })).length;
    const before = textsInFile();
    const r = await dispatch(services.api, 'replaceInConference', {
      handle,
      find,
      replacement: 'International',
      parts,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!r.ok && r.error.message).toContain(last.title);
    expect(textsInFile()).toEqual(before);
    expect((await services.api.listSnapshots({ handle })).length).toBe(snapshots);
  });

  it('refuses bad patterns and out-of-range hits with messages, changing nothing', async () => {
    const bad = await dispatch(services.api, 'findInConference', {
      handle,
      find: { ...find, regex: true, query: '(Intern' },
      replacement: '',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!bad.ok && bad.error.message).toMatch(/regular expression is not valid/);
    const slow = await dispatch(services.api, 'findInConference', {
      handle,
      find: { ...find, regex: true, query: '(\\w+\\s?)+$' },
      replacement: '',
    });
    expect(!slow.ok && slow.error.message).toMatch(/repeats a group/);
    const preview = await call<FindResult>('findInConference', { handle, find, replacement: 'International' });
    const p = preview.parts[0]!;
    const before = textsInFile();
    const gone = await dispatch(services.api, 'replaceInConference', {
      handle,
      find,
      replacement: 'International',
      parts: [{ partId: p.partId, revision: p.revision, hits: [p.hits.length + 3] }],
    });
    expect(gone).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(textsInFile()).toEqual(before);
  });
});
