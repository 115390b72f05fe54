import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConferenceStore } from '../conference-store';
import { docFromText } from '../testing/typing';
import { migrate } from './index';
import { fileAtVersion, tableNames, tempFolder, userVersion } from './old-file.testkit';

const dir = tempFolder();

describe('migration 4: the conference’s id, kit identity and merge log', () => {
  test('a version 3 file gets an id of its own and empty kit tables, its content untouched', () => {
    const make = (name: string) => {
      const db = fileAtVersion(path.join(dir(), name), 3);
      db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(
        JSON.stringify({ title: 'Regional Conference' }),
      );
      db.prepare(
        `INSERT INTO parts (id, parent_id, position, kind, title, doc, revision, updated_at) VALUES ('p1', NULL, 0, 'summary', 'Summary', ?, 7, '2009-05-01')`,
      ).run(JSON.stringify(docFromText('Refugee protection in the Americas')));
      db.prepare(`INSERT INTO participants (id, position, honorific, name, title, organisation, country, grp, role, revision)
        VALUES ('x1', 0, 'Ms.', 'Ana Pérez', '', 'UNHCR', 'Costa Rica', '', '', 4)`).run();
      return db;
    };
    const a = make('a.rapporteur');
    const b = make('b.rapporteur');
    migrate(a, 4);
    migrate(b, 4);
    expect(userVersion(a)).toBe(4);
    expect(tableNames(a)).toEqual(expect.arrayContaining(['kit', 'merge_log']));
    const idOf = (db: typeof a) =>
      (db.prepare("SELECT value FROM meta WHERE key = 'conference_id'").get() as { value: string }).value;
    expect(idOf(a)).toMatch(/^[0-9a-f]{32}$/);
    // Two files get two ids (kits are matched to their conference by it).
    expect(idOf(b)).not.toBe(idOf(a));
    expect(a.prepare('SELECT COUNT(*) AS n FROM kit').get()).toEqual({ n: 0 });
    expect(a.prepare('SELECT revision FROM parts').get()).toEqual({ revision: 7 });
    a.close();
    b.close();

    const s = ConferenceStore.open(path.join(dir(), 'a.rapporteur'));
    expect(s.getPart('p1').revision).toBe(7);
    expect(s.listParticipants()[0]).toEqual(expect.objectContaining({ name: 'Ana Pérez', revision: 4 }));
    s.close();
  });
});
