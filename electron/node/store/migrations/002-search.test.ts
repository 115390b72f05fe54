import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { ConferenceStore } from '../conference-store';
import { docFromText } from '../testing/typing';
import { SCHEMA_VERSION, migrate } from './index';
import { fileAtVersion, tableNames, tempFolder, userVersion } from './old-file.testkit';

const dir = tempFolder();

describe('migration 2: the search index and the importer’s warnings', () => {
  test('the text already in a version 1 file is indexed, accents folded, and the file opens at the latest version', () => {
    const file = path.join(dir(), 'v1.rapporteur');
    const db = fileAtVersion(file, 1);
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(
      JSON.stringify({ title: 'Old conference' }),
    );
    const insert = db.prepare(
      `INSERT INTO parts (id, parent_id, position, kind, title, doc, updated_at) VALUES (?, NULL, ?, 'summary', ?, ?, '2025-01-01')`,
    );
    insert.run('p1', 0, 'Summary', JSON.stringify(docFromText('Trafficking in persons and human rights')));
    insert.run('p2', 1, 'Conclusiones', JSON.stringify(docFromText('La migración en América Latina')));

    migrate(db, 2);
    expect(userVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['import_warnings', 'parts_fts']));
    expect(db.prepare('SELECT part_id AS id, title, body FROM parts_fts ORDER BY part_id').all()).toEqual([
      { id: 'p1', title: 'Summary', body: 'Trafficking in persons and human rights' },
      { id: 'p2', title: 'Conclusiones', body: 'La migración en América Latina' },
    ]);
    db.close();

    const s = ConferenceStore.open(file);
    expect(s.getMeta().meta.title).toBe('Old conference');
    expect(s.search('trafficking')[0]?.partId).toBe('p1');
    expect(s.search('migracion')[0]?.partId).toBe('p2');
    expect(s.listWarnings()).toEqual([]);
    s.close();
    const check = new Database(file, { readonly: true });
    expect(userVersion(check)).toBe(SCHEMA_VERSION);
    check.close();
  });
});
