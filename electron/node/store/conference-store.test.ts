import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import { ConferenceStore } from './conference-store';
import { docFromText, textFromDoc } from './testing/typing';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-store-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name = 'c.rapporteur') => path.join(dir, name);
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
  throw new Error('expected an error');
}

describe('the part tree', () => {
  test('parts keep their order, move, duplicate, delete and come back', () => {
    const s = ConferenceStore.create(file(), { title: 'Hemispheric Conference' });
    const a = s.addPart({ parentId: null, kind: 'part', title: 'A' });
    const b = s.addPart({ parentId: null, kind: 'part', title: 'B' });
    const u1 = s.addPart({ parentId: a.id, kind: 'unit', title: 'Unit 1' });
    s.addPart({
      parentId: u1.id,
      kind: 'speakers',
      title: 'Speakers',
      doc: docFromText('Ms. Robinson described the situation'),
    });
    expect(s.listParts().map((p) => p.title)).toEqual(['A', 'Unit 1', 'Speakers', 'B']);

    s.movePart(b.id, null, 0);
    expect(s.listParts().map((p) => p.title)).toEqual(['B', 'A', 'Unit 1', 'Speakers']);
    expect(() => s.movePart(a.id, u1.id, 0)).toThrow(/inside itself/);

    s.duplicatePart(u1.id);
    expect(s.listParts().map((p) => p.title)).toEqual(['B', 'A', 'Unit 1', 'Speakers', 'Unit 1 (copy)', 'Speakers']);

    const removed = s.deletePart(a.id);
    expect(removed.map((p) => p.title)).toEqual(['A', 'Unit 1', 'Speakers', 'Unit 1 (copy)', 'Speakers']);
    expect(s.listParts().map((p) => p.title)).toEqual(['B']);
    expect(s.search('Robinson')).toEqual([]);

    s.restoreParts(removed);
    expect(s.listParts().map((p) => p.title)).toEqual(['B', 'A', 'Unit 1', 'Speakers', 'Unit 1 (copy)', 'Speakers']);
    expect(s.search('robins').length).toBe(2);
    s.close();
  });

  test('word counts and the full-text index follow each save', () => {
    const s = ConferenceStore.create(file());
    const p = s.addPart({ parentId: null, kind: 'background', title: 'Background' });
    const saved = s.savePartDoc(
      p.id,
      docFromText('Participants highlighted the rise in irregular migration'),
      p.revision,
    );
    expect(saved.wordCount).toBe(7);
    expect(saved.revision).toBe(p.revision + 1);
    expect(s.search('irregular migr')[0]).toMatchObject({ partId: p.id, title: 'Background' });
    s.savePartDoc(p.id, docFromText('Something else entirely'), saved.revision);
    expect(s.search('irregular')).toEqual([]);
    s.close();
  });
});

describe('two writers on one file', () => {
  test('a save based on an old revision is refused, and the newer text stays', () => {
    const f = file();
    const one = ConferenceStore.create(f);
    const part = one.addPart({ parentId: null, kind: 'summary', title: 'Summary' });
    const two = ConferenceStore.open(f);

    one.savePartDoc(part.id, docFromText('from window one'), part.revision);
    expect(codeOf(() => two.savePartDoc(part.id, docFromText('from window two'), part.revision))).toBe('CONFLICT');
    expect(textFromDoc(two.getPart(part.id).doc)).toBe('from window one');

    const meta = one.getMeta();
    one.updateMeta({ title: 'Title from one' }, meta.revision);
    expect(codeOf(() => two.updateMeta({ title: 'Title from two' }, meta.revision))).toBe('CONFLICT');
    expect(two.getMeta().meta.title).toBe('Title from one');
    one.close();
    two.close();
  });
});

describe('participants and programme items carry revisions', () => {
  const person = {
    id: 'p1',
    honorific: 'Ms.',
    name: 'Mary Robinson',
    title: '',
    organisation: 'Realizing Rights',
    country: 'Ireland',
    group: '',
    role: 'Speaker',
  };
  const item = {
    id: 'a1',
    position: 0,
    day: 'Monday',
    start: '09:00',
    end: '10:30',
    title: 'Opening',
    partId: null,
    moderatorId: null,
    speakerIds: [],
  };

  test('a save or delete based on an old revision is refused, and the other window’s change stays', () => {
    const f = file();
    const one = ConferenceStore.create(f);
    const two = ConferenceStore.open(f);
    one.saveParticipant(person);
    one.saveAgendaItem(item);
    const seenByTwo = { p: two.listParticipants()[0]!, a: two.listAgenda()[0]! };
    expect(seenByTwo.p.revision).toBe(1);

    one.saveParticipant({ ...one.listParticipants()[0]!, organisation: 'From window one' });
    one.saveAgendaItem({ ...one.listAgenda()[0]!, title: 'Opening session' });
    expect(codeOf(() => two.saveParticipant({ ...seenByTwo.p, organisation: 'From window two' }))).toBe('CONFLICT');
    expect(codeOf(() => two.saveAgendaItem({ ...seenByTwo.a, title: 'Two’s title' }))).toBe('CONFLICT');
    expect(codeOf(() => two.deleteParticipant('p1', seenByTwo.p.revision))).toBe('CONFLICT');
    expect(codeOf(() => two.deleteAgendaItem('a1', seenByTwo.a.revision))).toBe('CONFLICT');
    // A participant added twice under one id (two windows adding): the second is refused.
    expect(codeOf(() => two.saveParticipant(person))).toBe('CONFLICT');
    expect(two.listParticipants()[0]).toMatchObject({ organisation: 'From window one', revision: 2 });
    expect(two.listAgenda()[0]).toMatchObject({ title: 'Opening session', revision: 2 });

    // With the current revision, both go through.
    two.saveParticipant({ ...two.listParticipants()[0]!, organisation: 'Two, up to date' });
    two.deleteAgendaItem('a1', two.listAgenda()[0]!.revision);
    expect(one.listParticipants()[0]!.organisation).toBe('Two, up to date');
    expect(one.listAgenda()).toEqual([]);
    one.close();
    two.close();
  });

  test('restoring a snapshot moves revisions past any a window holds', () => {
    const s = ConferenceStore.create(file());
    s.saveParticipant(person);
    const snap = s.createSnapshot('before');
    const held = s.listParticipants()[0]!;
    s.restoreSnapshot(snap.id);
    expect(codeOf(() => s.saveParticipant({ ...held, name: 'Stale' }))).toBe('CONFLICT');
    s.close();
  });
});

describe('snapshots', () => {
  test('the snapshot taken before a restore is named in the conference’s language', () => {
    const s = ConferenceStore.create(file(), { language: 'es' });
    const snap = s.createSnapshot('Borrador enviado');
    s.restoreSnapshot(snap.id);
    expect(s.listSnapshots().map((x) => x.name)).toContain('Antes de restaurar «Borrador enviado»');
    s.close();
  });

  test('a named snapshot can be restored, and restoring snapshots what it replaces', () => {
    const s = ConferenceStore.create(file(), { title: 'Before' });
    const p = s.addPart({ parentId: null, kind: 'summary', title: 'Summary', doc: docFromText('first draft') });
    s.saveParticipant({
      id: 'p1',
      honorific: 'Ms.',
      name: 'Mary Robinson',
      title: '',
      organisation: 'Realizing Rights',
      country: 'Ireland',
      group: '',
      role: 'Speaker',
    });
    const snap = s.createSnapshot('Morning draft');

    const cur = s.getPart(p.id);
    s.savePartDoc(p.id, docFromText('second draft'), cur.revision);
    s.updateMeta({ title: 'After' }, s.getMeta().revision);
    s.deleteParticipant('p1');

    s.restoreSnapshot(snap.id);
    expect(textFromDoc(s.getPart(p.id).doc)).toBe('first draft');
    expect(s.getMeta().meta.title).toBe('Before');
    expect(s.listParticipants().map((x) => x.name)).toEqual(['Mary Robinson']);
    // An editor still holding the pre-restore revision must not overwrite the restored text.
    expect(codeOf(() => s.savePartDoc(p.id, docFromText('stale'), cur.revision + 1))).toBe('CONFLICT');

    const list = s.listSnapshots();
    expect(list.map((x) => x.reason)).toEqual(['before-restore', 'manual']);
    s.restoreSnapshot(list[0]!.id);
    expect(textFromDoc(s.getPart(p.id).doc)).toBe('second draft');
    s.close();
  });

  test('save a copy writes a conference that opens on its own', async () => {
    const s = ConferenceStore.create(file(), { title: 'Original' });
    s.addPart({ parentId: null, kind: 'summary', title: 'Summary', doc: docFromText('text') });
    await s.saveCopy(file('copy.rapporteur'));
    s.close();
    const copy = ConferenceStore.open(file('copy.rapporteur'));
    expect(copy.getMeta().meta.title).toBe('Original');
    expect(copy.listParts()).toHaveLength(1);
    copy.close();
  });
});

describe('files that are not good conferences are refused, untouched', () => {
  test.each([
    [
      'an empty file',
      () => {
        fs.writeFileSync(file('x.rapporteur'), '');
      },
      'NOT_A_CONFERENCE',
      /empty/,
    ],
    [
      'a text file',
      () => {
        fs.writeFileSync(file('x.rapporteur'), 'Summary report of the conference\n');
      },
      'NOT_A_CONFERENCE',
      /not a SQLite database/,
    ],
    [
      'random bytes',
      () => {
        fs.writeFileSync(file('x.rapporteur'), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256)));
      },
      'NOT_A_CONFERENCE',
      /not a Rapporteur/,
    ],
    [
      'another program’s SQLite database',
      () => {
        const db = new Database(file('x.rapporteur'));
        db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x')");
        db.close();
      },
      'NOT_A_CONFERENCE',
      /SQLite database, but not a Rapporteur conference/,
    ],
    [
      'a file from a newer version',
      () => {
        ConferenceStore.create(file('x.rapporteur')).close();
        const db = new Database(file('x.rapporteur'));
        db.pragma('user_version = 99');
        db.close();
      },
      'NEWER_SCHEMA',
      /newer version of Rapporteur/,
    ],
    [
      'a truncated file',
      () => {
        const s = ConferenceStore.create(file('x.rapporteur'));
        for (let i = 0; i < 40; i++)
          s.addPart({ parentId: null, kind: 'k', title: `Part ${i}`, doc: docFromText('lorem ipsum '.repeat(200)) });
        s.close();
        const buf = fs.readFileSync(file('x.rapporteur'));
        fs.writeFileSync(file('x.rapporteur'), buf.subarray(0, Math.floor(buf.length / 2)));
      },
      'TRUNCATED',
      /truncated/,
    ],
    [
      'a file with damaged pages',
      () => {
        const s = ConferenceStore.create(file('x.rapporteur'));
        for (let i = 0; i < 40; i++)
          s.addPart({ parentId: null, kind: 'k', title: `Part ${i}`, doc: docFromText('lorem ipsum '.repeat(200)) });
        s.close();
        const buf = fs.readFileSync(file('x.rapporteur'));
        buf.fill(0xab, 4096 * 3, 4096 * 6);
        fs.writeFileSync(file('x.rapporteur'), buf);
      },
      'CORRUPT',
      /damaged/,
    ],
  ])('%s', (_name, make, code, message) => {
    make();
    const f = file('x.rapporteur');
    const before = sha(f);
    let error: unknown;
    try {
      ConferenceStore.open(f);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).message).toMatch(message);
    expect((error as AppError).message).toContain('x.rapporteur');
    expect(sha(f)).toBe(before);
    expect(fs.existsSync(`${f}-wal`)).toBe(false);
  });

  test('a missing file and a folder', () => {
    expect(codeOf(() => ConferenceStore.open(file('missing.rapporteur')))).toBe('NOT_FOUND');
    fs.mkdirSync(file('folder.rapporteur'));
    expect(codeOf(() => ConferenceStore.open(file('folder.rapporteur')))).toBe('NOT_A_CONFERENCE');
  });

  test('creating over an existing file is refused', () => {
    fs.writeFileSync(file(), 'precious');
    expect(codeOf(() => ConferenceStore.create(file()))).toBe('EXISTS');
    expect(fs.readFileSync(file(), 'utf8')).toBe('precious');
  });
});
