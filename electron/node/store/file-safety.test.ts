// The conference file kept whole and opened safely: copies taken while open, sidecars that
// belong or not, read-only files and media, damaged rows, a full disk. Each case checks
// that the process carries on, that the file is unchanged or right, and the message.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import { fileProblemText } from '../../../shared/i18n/file-problems';
import { ConferenceStore } from './conference-store';
import { docFromText, textFromDoc } from './testing/typing';
import { fillDisk, mountReadOnly, mountTinyDisk } from './testing/mounts';

let dir: string;
const cleanups: (() => void)[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-safety-'));
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name = 'c.rapporteur') => path.join(dir, name);
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const besides = (f: string) =>
  fs.readdirSync(path.dirname(f)).filter((n) => n !== path.basename(f) && n.startsWith(path.basename(f)));

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an error');
}

/** A closed conference with one part holding `text`; returns the part id. */
function conference(f: string, text = 'Saved text', extra?: (s: ConferenceStore) => void): string {
  const s = ConferenceStore.create(f, { title: 'Safety' });
  const p = s.addPart({ parentId: null, kind: 'summary', title: 'Summary', doc: docFromText(text) });
  extra?.(s);
  s.close();
  return p.id;
}

const textOf = (f: string, partId: string) => {
  const s = ConferenceStore.open(f);
  try {
    return textFromDoc(s.getPart(partId).doc);
  } finally {
    s.close();
  }
};

describe('one file, whole at every moment', () => {
  test('a copy of an open conference, taken with the file alone, opens elsewhere with every saved edit', () => {
    const f = file();
    const id = conference(f, '');
    const s = ConferenceStore.open(f);
    let rev = s.getPart(id).revision;
    const copies: { at: string; text: string }[] = [];
    for (const text of [
      'First sentence.',
      'First sentence. Second sentence.',
      'First sentence. Second sentence. Third.',
    ]) {
      rev = s.savePartDoc(id, docFromText(text), rev).revision;
      const at = path.join(dir, `copy-${copies.length}.rapporteur`);
      // What `cp` does: the main file alone, no -wal or -journal with it.
      expect(besides(f)).toEqual([]);
      fs.copyFileSync(f, at);
      copies.push({ at, text });
    }
    s.updateMeta({ title: 'Retitled while open' }, s.getMeta().revision);
    fs.copyFileSync(f, file('copy-meta.rapporteur'));
    for (const c of copies) expect(textOf(c.at, id)).toBe(c.text);
    const meta = ConferenceStore.open(file('copy-meta.rapporteur'));
    expect(meta.getMeta().meta.title).toBe('Retitled while open');
    meta.close();
    s.close();
    expect(besides(f)).toEqual([]);
  });

  test('a file an earlier version left in WAL mode, with its own log, opens with that log applied and is left as one file', () => {
    const f = file();
    const id = conference(f, 'Before');
    const old = new Database(f);
    old.pragma('journal_mode = WAL');
    old.pragma('wal_autocheckpoint = 0');
    old
      .prepare('UPDATE parts SET doc = ?, revision = revision + 1 WHERE id = ?')
      .run(JSON.stringify(docFromText('Saved into the log')), id);
    // The session ends without a checkpoint (a crash): the file and its log are kept as they are.
    fs.copyFileSync(f, file('crashed.rapporteur'));
    fs.copyFileSync(`${f}-wal`, file('crashed.rapporteur-wal'));
    old.close();
    const crashed = file('crashed.rapporteur');
    const s = ConferenceStore.open(crashed);
    expect(s.problems).toEqual([]);
    expect(textFromDoc(s.getPart(id).doc)).toBe('Saved into the log');
    s.close();
    expect(besides(crashed)).toEqual([]);
  });
});

describe('sidecars that do not belong are set aside, never applied', () => {
  test('a write-ahead log from another database beside a conference', () => {
    const f = file();
    const id = conference(f, 'The conference text');
    const before = sha(f);
    const other = new Database(file('other.db'));
    other.pragma('journal_mode = WAL');
    other.pragma('wal_autocheckpoint = 0');
    other.exec("CREATE TABLE unrelated (x TEXT); INSERT INTO unrelated VALUES ('foreign')");
    fs.copyFileSync(file('other.db-wal'), `${f}-wal`);
    other.close();

    const s = ConferenceStore.open(f);
    expect(textFromDoc(s.getPart(id).doc)).toBe('The conference text');
    expect(s.problems).toEqual([
      {
        key: 'store.problem.sidecarSetAside',
        values: {
          sidecar: 'c.rapporteur-wal',
          why: 'notWalMode',
          kept: 'yes',
          movedTo: expect.stringMatching(/^c\.rapporteur-wal\.set-aside-/),
        },
      },
    ]);
    expect(fileProblemText(s.problems[0]!, 'en')).toMatch(
      /^“c\.rapporteur-wal” beside the file was not applied, because the file does not use a write-ahead log; it was kept as “c\.rapporteur-wal\.set-aside-[^”]+”\.$/,
    );
    expect(fileProblemText(s.problems[0]!, 'es')).toMatch(
      /^«c\.rapporteur-wal», junto al archivo, no se aplicó porque el archivo no usa un registro de escritura anticipada; se conservó como «c\.rapporteur-wal\.set-aside-[^»]+»\.$/,
    );
    s.close();
    expect(sha(f)).toBe(before);
    expect(besides(f)).toEqual([expect.stringMatching(/^c\.rapporteur-wal\.set-aside-/)]);
  });

  test('a crashed session’s log beside a backup restored over the file: the backup opens', () => {
    const f = file();
    const id = conference(f, 'Backup text');
    const legacy = new Database(f);
    legacy.pragma('journal_mode = WAL'); // as an earlier version kept it
    legacy.close();
    fs.copyFileSync(f, file('backup.rapporteur'));
    const session = new Database(f);
    session.pragma('wal_autocheckpoint = 0');
    session
      .prepare('UPDATE parts SET doc = ? WHERE id = ?')
      .run(JSON.stringify(docFromText('Crashed session text')), id);
    const crashedLog = fs.readFileSync(`${f}-wal`);
    session.close();
    // The user copies the backup back over the file; the crashed session's log is still beside it.
    fs.writeFileSync(`${f}-wal`, crashedLog);
    const longAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(`${f}-wal`, longAgo, longAgo);
    fs.copyFileSync(file('backup.rapporteur'), f);

    const s = ConferenceStore.open(f);
    expect(textFromDoc(s.getPart(id).doc)).toBe('Backup text');
    expect(s.problems.map((p) => [p.key, p.values.sidecar, p.values.why])).toEqual([
      ['store.problem.sidecarSetAside', 'c.rapporteur-wal', 'older'],
    ]);
    expect(fileProblemText(s.problems[0]!, 'en')).toMatch(
      /“c\.rapporteur-wal” beside the file was not applied, because it is older than the file/,
    );
    s.close();
    expect(besides(f)).toEqual([expect.stringMatching(/^c\.rapporteur-wal\.set-aside-/)]);
  });

  test('a rollback journal written for another state of the file', () => {
    const f = file();
    const id = conference(f, 'Current text');
    // A journal holding page 1 of the same conference many saves later (a crashed session's).
    const later = file('later.rapporteur');
    fs.copyFileSync(f, later);
    const s1 = ConferenceStore.open(later);
    let rev = s1.getPart(id).revision;
    for (let i = 0; i < 5; i++) rev = s1.savePartDoc(id, docFromText(`Later ${i}`), rev).revision;
    s1.close();
    fs.writeFileSync(`${f}-journal`, hotJournal(fs.readFileSync(later)));
    const before = sha(f);

    const s = ConferenceStore.open(f);
    expect(textFromDoc(s.getPart(id).doc)).toBe('Current text');
    expect(s.problems).toEqual([
      {
        key: 'store.problem.sidecarSetAside',
        values: expect.objectContaining({ sidecar: 'c.rapporteur-journal', why: 'otherState', kept: 'yes' }),
      },
    ]);
    const { counter, fileCounter } = s.problems[0]!.values;
    expect(Number(counter)).toBeGreaterThan(Number(fileCounter));
    expect(fileProblemText(s.problems[0]!, 'en')).toContain(
      `“c.rapporteur-journal” beside the file was not applied, because it was written for another state of the file (change ${counter}, the file is at ${fileCounter})`,
    );
    expect(fileProblemText(s.problems[0]!, 'fr')).toContain(
      `il a été écrit pour un autre état du fichier (modification ${counter}, le fichier en est à ${fileCounter})`,
    );
    s.close();
    expect(sha(f)).toBe(before);
  });

  test('a journal of the file’s own interrupted save is applied', () => {
    const f = file();
    const id = conference(f, 'Current text');
    fs.writeFileSync(`${f}-journal`, hotJournal(fs.readFileSync(f)));
    const s = ConferenceStore.open(f);
    expect(s.problems).toEqual([]);
    expect(textFromDoc(s.getPart(id).doc)).toBe('Current text');
    s.close();
    expect(besides(f)).toEqual([]);
  });
});

/** A hot rollback journal holding `db`'s page 1, as SQLite writes one (nonce 0). */
function hotJournal(db: Buffer): Buffer {
  const pageSize = db.readUInt16BE(16);
  const sector = 512;
  const header = Buffer.alloc(sector);
  Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]).copy(header);
  header.writeUInt32BE(1, 8); // one record
  header.writeUInt32BE(0, 12); // checksum nonce
  header.writeUInt32BE(db.readUInt32BE(28), 16); // pages before the transaction
  header.writeUInt32BE(sector, 20);
  header.writeUInt32BE(pageSize, 24);
  const record = Buffer.alloc(4 + pageSize + 4);
  record.writeUInt32BE(1, 0);
  db.copy(record, 4, 0, pageSize);
  let sum = 0;
  for (let i = pageSize - 200; i > 0; i -= 200) sum = (sum + db[i]!) >>> 0;
  record.writeUInt32BE(sum, 4 + pageSize);
  return Buffer.concat([header, record]);
}

describe('refused files are left as they were', () => {
  test('a file from a newer version and a damaged file: unchanged, and nothing created beside them', () => {
    const newer = file('newer.rapporteur');
    conference(newer);
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    const damaged = file('damaged.rapporteur');
    conference(damaged);
    const bytes = fs.readFileSync(damaged);
    bytes.fill(0xab, 4096 * 2, 4096 * 3); // one page of the tables overwritten
    fs.writeFileSync(damaged, bytes);

    for (const [f, code] of [
      [newer, 'NEWER_SCHEMA'],
      [damaged, 'CORRUPT'],
    ] as const) {
      const before = sha(f);
      const err = errorOf(() => ConferenceStore.open(f));
      expect(err.code).toBe(code);
      expect(err.message).toContain(`“${path.basename(f)}”`);
      expect(sha(f)).toBe(before);
      expect(besides(f)).toEqual([]);
    }
  });
});

describe('read-only files and media open read-only', () => {
  test('a file marked read-only: opens, shows its content, refuses writes by name, stays unchanged', () => {
    const f = file();
    const id = conference(f, 'Read me');
    fs.chmodSync(f, 0o444);
    const before = sha(f);
    const s = ConferenceStore.open(f);
    expect(s.readOnlyReason).toBe('the file is marked read-only');
    expect(textFromDoc(s.getPart(id).doc)).toBe('Read me');
    const err = errorOf(() => s.savePartDoc(id, docFromText('changed'), s.getPart(id).revision));
    expect(err.code).toBe('READ_ONLY');
    expect(err.message).toMatch(
      /“c\.rapporteur” is open read-only \(the file is marked read-only\): changes cannot be saved/,
    );
    expect(
      errorOf(() =>
        s.saveParticipant({
          id: 'p1',
          honorific: '',
          name: 'X',
          title: '',
          organisation: '',
          country: '',
          group: '',
          role: '',
        }),
      ).code,
    ).toBe('READ_ONLY');
    // A copy elsewhere can be saved, and is writable.
    s.saveCopy(file('editable.rapporteur'));
    s.close();
    expect(sha(f)).toBe(before);
    expect(besides(f)).toEqual([]);
    expect(textOf(file('editable.rapporteur'), id)).toBe('Read me');
  });

  test('a conference on a read-only medium, in the format of an earlier version, opens read-only with nothing written', () => {
    const src = path.join(dir, 'src');
    fs.mkdirSync(src);
    const f = path.join(src, 'c.rapporteur');
    const id = conference(f, 'On the stick');
    const old = new Database(f);
    old.pragma('journal_mode = WAL'); // an earlier version's file
    old.close();
    const before = sha(f);
    const ro = path.join(dir, 'ro');
    cleanups.push(mountReadOnly(src, ro));
    const s = ConferenceStore.open(path.join(ro, 'c.rapporteur'));
    expect(s.readOnlyReason).toBe('the file is on a read-only disk or medium');
    expect(textFromDoc(s.getPart(id).doc)).toBe('On the stick');
    expect(errorOf(() => s.updateMeta({ title: 'x' }, s.getMeta().revision)).code).toBe('READ_ONLY');
    s.close();
    expect(sha(f)).toBe(before);
    expect(fs.readdirSync(src)).toEqual(['c.rapporteur']);
  });
});

describe('a foreign log that cannot be moved', () => {
  test('beside a file on a read-only medium: ignored, the file opens read-only as it is, nothing changes', () => {
    const src = path.join(dir, 'src');
    fs.mkdirSync(src);
    const f = path.join(src, 'c.rapporteur');
    const id = conference(f, 'Untouched text');
    const other = new Database(path.join(dir, 'other.db'));
    other.pragma('journal_mode = WAL');
    other.pragma('wal_autocheckpoint = 0');
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    fs.copyFileSync(path.join(dir, 'other.db-wal'), `${f}-wal`);
    other.close();
    const before = sha(f);
    const ro = path.join(dir, 'ro');
    cleanups.push(mountReadOnly(src, ro));
    const s = ConferenceStore.open(path.join(ro, 'c.rapporteur'));
    expect(textFromDoc(s.getPart(id).doc)).toBe('Untouched text');
    expect(s.readOnlyReason).toBe('a log beside it does not belong to it and could not be moved');
    expect(s.problems).toEqual([
      {
        key: 'store.problem.sidecarSetAside',
        values: { sidecar: 'c.rapporteur-wal', why: 'notWalMode', kept: 'no', movedTo: '' },
      },
    ]);
    expect(fileProblemText(s.problems[0]!, 'en')).toMatch(
      /“c\.rapporteur-wal” beside the file was not applied, because the file does not use a write-ahead log; it could not be moved/,
    );
    expect(fileProblemText(s.problems[0]!, 'es')).toMatch(
      /no se pudo mover \(la carpeta es de solo lectura\), así que el archivo está abierto en modo de solo lectura\.$/,
    );
    s.close();
    expect(sha(f)).toBe(before);
    expect(fs.readdirSync(src).sort()).toEqual(['c.rapporteur', 'c.rapporteur-wal']);
  });
});

describe('a damaged row or part is named while the rest opens', () => {
  test('one bad programme item, one unreadable part, one part without its parent', () => {
    const f = file();
    const id = conference(f, 'Good text', (s) => {
      s.saveAgendaItem({
        id: 'a1',
        position: 0,
        day: 'Monday',
        start: '09:00',
        end: '10:00',
        title: 'Opening',
        partId: null,
        moderatorId: null,
        speakerIds: [],
      });
      s.saveAgendaItem({
        id: 'a2',
        position: 1,
        day: 'Monday',
        start: '10:00',
        end: '11:00',
        title: 'Panel',
        partId: null,
        moderatorId: null,
        speakerIds: [],
      });
      s.addPart({ parentId: null, kind: 'background', title: 'Background', doc: docFromText('Unreadable soon') });
    });
    const db = new Database(f);
    db.prepare("UPDATE agenda SET speaker_ids = '[not json' WHERE id = 'a1'").run();
    db.prepare("UPDATE parts SET doc = '{\"root\":' WHERE title = 'Background'").run();
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `INSERT INTO parts (id, parent_id, position, kind, title, doc, updated_at) VALUES ('orphan', 'gone', 0, 'unit', 'Lost unit', ?, '2026-01-01')`,
    ).run(JSON.stringify(docFromText('Orphan text')));
    db.close();

    const s = ConferenceStore.open(f);
    expect(s.listAgenda().map((a) => a.title)).toEqual(['Panel']);
    expect(textFromDoc(s.getPart(id).doc)).toBe('Good text');
    expect(s.listParts().map((p) => [p.title, p.parentId])).toEqual([
      ['Summary', null],
      ['Background', null],
      ['Lost unit', null],
    ]);
    const bg = s.listParts().find((p) => p.title === 'Background')!;
    expect(errorOf(() => s.getPart(bg.id)).message).toMatch(/The part “Background” is damaged/);
    // What an export reads leaves the damaged part out, and keeps the rest.
    expect(s.readContent().parts.map((p) => p.title)).toEqual(['Summary', 'Lost unit']);
    // Each named once, though the part was read again above.
    expect(s.problems).toEqual([
      { key: 'store.problem.orphanPart', values: { title: 'Lost unit' } },
      { key: 'store.problem.damagedAgendaItem', values: { label: 'Opening' } },
      { key: 'conference.damagedPart', values: { title: 'Background' } },
    ]);
    expect(s.problems.map((p) => fileProblemText(p, 'en'))).toEqual([
      'The part “Lost unit” had lost its place in the outline (the part above it is missing): it is shown at the top level.',
      'The programme item “Opening” is damaged in the file and was left out.',
      'The part “Background” is damaged (its text cannot be read): it is left out until restored from a snapshot.',
    ]);
    expect(s.problems.map((p) => fileProblemText(p, 'es'))).toEqual([
      'La parte «Lost unit» había perdido su lugar en el esquema (falta la parte de la que dependía): se muestra en el nivel superior.',
      'El punto del programa «Opening» está dañado en el archivo y se omitió.',
      'La parte «Background» está dañada (no se puede leer su texto): se omite hasta que se restaure desde una instantánea.',
    ]);
    s.close();
  });
});

describe('creating a conference where it cannot be written', () => {
  test('on a read-only medium or a full disk: a message naming the problem, nothing left behind', () => {
    const src = path.join(dir, 'src');
    fs.mkdirSync(src);
    const ro = path.join(dir, 'ro');
    cleanups.push(mountReadOnly(src, ro));
    const readOnly = errorOf(() => ConferenceStore.create(path.join(ro, 'new.rapporteur')));
    expect(readOnly.code).toBe('READ_ONLY');
    expect(readOnly.message).toMatch(/The folder .*ro cannot be written to/);
    expect(fs.readdirSync(src)).toEqual([]);

    const disk = path.join(dir, 'disk');
    cleanups.push(mountTinyDisk(disk, 256));
    fillDisk(disk);
    const full = errorOf(() => ConferenceStore.create(path.join(disk, 'new.rapporteur'), { title: 'x'.repeat(400) }));
    expect(full.code).toBe('DISK_FULL');
    expect(fs.readdirSync(disk)).toEqual(['filler']);
  });
});

describe('a full disk', () => {
  test('a save that does not fit: a message, the file as it was, nothing left beside it; Save a Copy onto a full disk leaves no temporary file', () => {
    const disk = path.join(dir, 'disk');
    cleanups.push(mountTinyDisk(disk, 512));
    const f = path.join(disk, 'c.rapporteur');
    const id = conference(f, 'Fits');
    const s = ConferenceStore.open(f);
    fillDisk(disk);
    const big = docFromText('Too much text for this disk. '.repeat(40_000));
    const err = errorOf(() => s.savePartDoc(id, big, s.getPart(id).revision));
    expect(err.code).toBe('DISK_FULL');
    expect(err.message).toMatch(/The disk holding “c\.rapporteur” is full: the last change was not saved/);
    expect(textFromDoc(s.getPart(id).doc)).toBe('Fits');

    const copyErr = errorOf(() => s.saveCopy(path.join(disk, 'copy.rapporteur')));
    expect(copyErr.code).toBe('DISK_FULL');
    expect(copyErr.message).toMatch(/not enough space on the disk to write “copy\.rapporteur”/);
    s.close();
    fs.rmSync(path.join(disk, 'filler'));
    expect(fs.readdirSync(disk).sort()).toEqual(['c.rapporteur']);
    expect(textOf(f, id)).toBe('Fits');
  });
});
