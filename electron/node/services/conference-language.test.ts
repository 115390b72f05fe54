/** Issue 14.2: the conference language through the contract, on a real file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import { AppServices } from './app-services';

let dir: string;
let services: AppServices;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-language-'));
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
});
afterEach(() => {
  services.closeAll();
  services.exports.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('conference language', () => {
  it('is stored canonical; anything else is refused in words and nothing changes', async () => {
    const file = path.join(dir, 'c.rapporteur');
    const view = await services.api.createConference({
      templateId: 'summary-report',
      path: file,
      title: 'Conferencia',
    });
    const ok = await dispatch(services.api, 'updateMeta', {
      handle: view.handle,
      patch: { language: 'es_cl' },
      baseRevision: view.metaRevision,
    });
    expect(ok.ok).toBe(true);
    const after = await services.api.getConference({ handle: view.handle });
    expect(after.meta.language).toBe('es-CL');

    const bad = await dispatch(services.api, 'updateMeta', {
      handle: view.handle,
      patch: { language: 'Castellano de Chile, por favor' },
      baseRevision: after.metaRevision,
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('INVALID_INPUT');
    expect(bad.error.message).toMatch(
      /^“Castellano de Chile, por favor” is not a conference language Rapporteur offers\. Choose one from the list/,
    );
    expect(bad.error.message).not.toMatch(/patch\.language|Malformed request/);
    expect((await services.api.getConference({ handle: view.handle })).meta.language).toBe('es-CL');
  });

  it('a file holding an odd value still opens, its language coerced and its other details kept', async () => {
    const file = path.join(dir, 'old.rapporteur');
    const view = await services.api.createConference({
      templateId: 'summary-report',
      path: file,
      title: 'Old conference',
    });
    await services.api.closeConference({ handle: view.handle });
    for (const [stored, expected] of [
      ['Spanish', 'es'],
      ['something odd!', 'en'],
      ['fr_CA', 'fr-CA'],
    ] as const) {
      const db = new Database(file);
      db.prepare("UPDATE meta SET value = json_set(value, '$.language', ?) WHERE key = 'conference'").run(stored);
      db.close();
      const opened = await services.api.openConference({ path: file });
      expect(opened.meta.language, stored).toBe(expected);
      expect(opened.meta.title).toBe('Old conference');
      expect(opened.problems ?? []).toEqual([]);
      await services.api.closeConference({ handle: opened.handle });
    }
  });
});
