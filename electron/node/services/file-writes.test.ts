// Save a Copy, import and export through the contract: no file is replaced unless the user
// confirmed it, an open conference is never a target, and a bad target gets a message
// naming the problem (not "Unexpected error"). The target's bytes are checked unchanged.
import { noteText } from '../../../shared/i18n/export-notes';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import { AppServices } from './app-services';

let dir: string;
let services: AppServices;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-writes-'));
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
});
afterEach(() => {
  services.closeAll();
  services.exports.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const at = (name: string) => path.join(dir, name);

async function newConference(name: string, title: string): Promise<string> {
  return (await services.api.createConference({ templateId: 'conference-proceedings', path: at(name), title })).handle;
}

/** Calls a method as every transport does, and returns its error. */
async function refusal(method: Parameters<typeof dispatch>[1], input: unknown) {
  const r = await dispatch(services.api, method, input);
  if (r.ok) throw new Error(`${method} was expected to be refused`);
  return r.error;
}

describe('Save a Copy', () => {
  test('onto an existing conference: refused until the user confirms, then replaced whole', async () => {
    const h = await newConference('source.rapporteur', 'The source');
    const other = await newConference('other.rapporteur', 'Another conference');
    await services.api.closeConference({ handle: other });
    const before = sha(at('other.rapporteur'));

    const err = await refusal('saveCopy', { handle: h, path: at('other.rapporteur') });
    expect(err.code).toBe('EXISTS');
    expect(err.message).toMatch(
      /“other\.rapporteur” already exists in .*Choose another name, or confirm that it should be replaced/,
    );
    expect(sha(at('other.rapporteur'))).toBe(before);

    const done = await dispatch(services.api, 'saveCopy', { handle: h, path: at('other.rapporteur'), replace: true });
    expect(done.ok).toBe(true);
    const reopened = await services.api.openConference({ path: at('other.rapporteur') });
    expect(reopened.meta.title).toBe('The source');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.saving-'))).toEqual([]);
  });

  test('onto a conference open in this process: refused even when confirmed, and its later saves still land', async () => {
    const h = await newConference('source.rapporteur', 'The source');
    const open = await newConference('open.rapporteur', 'Open elsewhere');
    const before = sha(at('open.rapporteur'));
    for (const replace of [false, true]) {
      const err = await refusal('saveCopy', { handle: h, path: at('open.rapporteur'), replace });
      expect(err.code).toBe('IN_USE');
      expect(err.message).toMatch(/“open\.rapporteur” is a conference open in Rapporteur: it cannot be written over/);
      expect(sha(at('open.rapporteur'))).toBe(before);
    }
    // Onto itself, too.
    expect((await refusal('saveCopy', { handle: h, path: at('source.rapporteur'), replace: true })).code).toBe(
      'IN_USE',
    );
    // The open one keeps saving into its own content.
    const view = await services.api.getConference({ handle: open });
    const saved = await services.api.updateMeta({
      handle: open,
      patch: { title: 'Still mine' },
      baseRevision: view.metaRevision,
    });
    expect(saved.metaRevision).toBe(view.metaRevision + 1);
    await services.api.closeConference({ handle: open });
    expect((await services.api.openConference({ path: at('open.rapporteur') })).meta.title).toBe('Still mine');
  });

  test('into a folder that does not exist, onto a folder, under a file as if it were a folder', async () => {
    const h = await newConference('source.rapporteur', 'The source');
    fs.mkdirSync(at('a-folder.rapporteur'));
    fs.writeFileSync(at('plain.txt'), 'not a folder');
    const cases: [string, string, RegExp][] = [
      [at('missing/copy.rapporteur'), 'NOT_FOUND', /The folder .*missing does not exist/],
      [at('a-folder.rapporteur'), 'INVALID_INPUT', /a-folder\.rapporteur is a folder/],
      [at('plain.txt/copy.rapporteur'), 'INVALID_INPUT', /plain\.txt is a file, not a folder/],
    ];
    for (const [target, code, message] of cases) {
      const err = await refusal('saveCopy', { handle: h, path: target });
      expect(err.code, target).toBe(code);
      expect(err.message).toMatch(message);
      expect(err.message).not.toMatch(/Unexpected/);
    }
    expect(fs.existsSync(at('missing'))).toBe(false);
    expect(fs.readFileSync(at('plain.txt'), 'utf8')).toBe('not a folder');
  });

  test('onto a read-only file, even when confirmed', async () => {
    const h = await newConference('source.rapporteur', 'The source');
    fs.writeFileSync(at('locked.rapporteur'), 'kept');
    fs.chmodSync(at('locked.rapporteur'), 0o444);
    const err = await refusal('saveCopy', { handle: h, path: at('locked.rapporteur'), replace: true });
    expect(err.code).toBe('READ_ONLY');
    expect(err.message).toMatch(/“locked\.rapporteur” is read-only/);
    expect(fs.readFileSync(at('locked.rapporteur'), 'utf8')).toBe('kept');
  });
});

describe('a new conference at a chosen path', () => {
  test('is refused over an existing file or into a missing folder, naming the problem', async () => {
    fs.writeFileSync(at('taken.rapporteur'), 'precious');
    const taken = await refusal('createConference', {
      templateId: 'conference-proceedings',
      path: at('taken.rapporteur'),
    });
    expect(taken.code).toBe('EXISTS');
    expect(fs.readFileSync(at('taken.rapporteur'), 'utf8')).toBe('precious');
    const missing = await refusal('createConference', {
      templateId: 'conference-proceedings',
      path: at('no/such/folder/new.rapporteur'),
    });
    expect(missing.message).toMatch(/The folder .*no\/such\/folder does not exist/);
    expect(fs.existsSync(at('no'))).toBe(false);
  });
});

describe('import and export targets', () => {
  test('an import onto an existing file, or onto an open conference, is refused; confirmed, it replaces a closed one', async () => {
    const open = await newConference('open.rapporteur', 'Open');
    fs.writeFileSync(at('existing.rapporteur'), 'precious');
    const content = Buffer.from('# Report of the meeting\n\n## Opening\n\nThe chair opened the meeting.\n').toString(
      'base64',
    );
    const input = { content, fileName: 'report.md' };

    const exists = await refusal('importReport', { ...input, targetPath: at('existing.rapporteur') });
    expect(exists.code).toBe('EXISTS');
    expect(fs.readFileSync(at('existing.rapporteur'), 'utf8')).toBe('precious');
    const before = sha(at('open.rapporteur'));
    expect((await refusal('importReport', { ...input, targetPath: at('open.rapporteur'), replace: true })).code).toBe(
      'IN_USE',
    );
    expect(sha(at('open.rapporteur'))).toBe(before);
    await services.api.closeConference({ handle: open });

    const done = await services.api.importReport({ ...input, targetPath: at('existing.rapporteur'), replace: true });
    expect(done.conference.parts.length).toBeGreaterThan(0);
  });

  test('an export saved onto an existing file is refused until confirmed; a missing folder is named', async () => {
    const h = await newConference('source.rapporteur', 'Exported');
    const options = { partIds: null, annexes: true, watermark: false };
    fs.writeFileSync(at('report.docx'), 'older report');
    const started = await services.api.startExport({ handle: h, format: 'docx', options });
    const done = await services.exports.wait(started.jobId);
    expect(done.state).toBe('done');

    const exists = await refusal('saveExport', { jobId: started.jobId, path: at('report.docx') });
    expect(exists.code).toBe('EXISTS');
    expect(fs.readFileSync(at('report.docx'), 'utf8')).toBe('older report');
    expect((await refusal('saveExport', { jobId: started.jobId, path: at('nowhere/report.docx') })).message).toMatch(
      /The folder .*nowhere does not exist/,
    );
    // Refused before any work when the target is given up front.
    expect(
      (await refusal('startExport', { handle: h, format: 'docx', options, outPath: at('report.docx') })).code,
    ).toBe('EXISTS');
    expect(
      (await refusal('exportConference', { handle: h, format: 'docx', options, outPath: at('report.docx') })).code,
    ).toBe('EXISTS');

    const saved = await services.api.saveExport({ jobId: started.jobId, path: at('report.docx'), replace: true });
    expect(fs.readFileSync(saved.path).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.saving-'))).toEqual([]);
  });
});

describe('the view of a file that cannot be written', () => {
  test('says read-only and why; writes through the contract are refused with that reason', async () => {
    const h = await newConference('locked.rapporteur', 'Locked');
    await services.api.closeConference({ handle: h });
    fs.chmodSync(at('locked.rapporteur'), 0o444);
    const before = sha(at('locked.rapporteur'));
    const view = await services.api.openConference({ path: at('locked.rapporteur') });
    expect(view).toMatchObject({ readOnly: true, readOnlyReason: 'the file is marked read-only' });
    const err = await refusal('updateMeta', {
      handle: view.handle,
      patch: { title: 'x' },
      baseRevision: view.metaRevision,
    });
    expect(err.code).toBe('READ_ONLY');
    expect(err.message).toMatch(/“locked\.rapporteur” is open read-only/);
    expect(sha(at('locked.rapporteur'))).toBe(before);
  });
});

describe('a damaged part', () => {
  test('is named when the conference opens, and the export leaves it out and says so', async () => {
    const h = await newConference('damaged.rapporteur', 'With a damaged part');
    const view = await services.api.getConference({ handle: h });
    const victim = view.parts.find((p) => p.parentId === null && p.title)!;
    await services.api.closeConference({ handle: h });
    const db = new Database(at('damaged.rapporteur'));
    db.prepare('UPDATE parts SET doc = ? WHERE id = ?').run('{"root": [broken', victim.id);
    db.close();

    const opened = await services.api.openConference({ path: at('damaged.rapporteur') });
    expect(opened.parts.length).toBe(view.parts.length);
    expect(opened.problems).toEqual([{ key: 'conference.damagedPart', values: { title: victim.title } }]);
    const done = await services.exports.wait(
      (
        await services.api.startExport({
          handle: opened.handle,
          format: 'docx',
          options: { partIds: null, annexes: true, watermark: false },
        })
      ).jobId,
    );
    expect(done.state).toBe('done');
    expect(noteText(done.notes![0]!, 'en')).toBe(
      `Left out: the part “${victim.title}” is damaged in the file (its text cannot be read).`,
    );
    expect(noteText(done.notes![0]!, 'es')).toBe(
      `Omitida: la parte «${victim.title}» está dañada en el archivo (no se puede leer su texto).`,
    );
  });
});
