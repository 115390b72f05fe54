import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { docFromText } from '../testing/typing';
import { columnNames, fileAtVersion, tableNames, tempFolder, userVersion } from './old-file.testkit';
import { migrate } from './index';

const dir = tempFolder();

describe('migration 1: the first schema', () => {
  test('an empty file gets the tables of a conference, which hold a part tree whose children go with their parent', () => {
    const db = fileAtVersion(path.join(dir(), 'v0.rapporteur'), 0);
    expect(userVersion(db)).toBe(0);
    migrate(db, 1);
    expect(userVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['agenda', 'meta', 'participants', 'parts', 'snapshots']));
    expect(columnNames(db, 'parts')).toEqual([
      'id',
      'parent_id',
      'position',
      'kind',
      'title',
      'status',
      'rapporteur',
      'doc',
      'word_count',
      'revision',
      'updated_at',
    ]);

    db.pragma('foreign_keys = ON');
    const insert = db.prepare(
      `INSERT INTO parts (id, parent_id, position, kind, title, doc, updated_at) VALUES (?, ?, ?, 'unit', ?, ?, '2002-12-04')`,
    );
    insert.run('panel', null, 0, 'Panel I', JSON.stringify(docFromText('Migration and development')));
    insert.run('talk', 'panel', 0, 'Presentation', JSON.stringify(docFromText('Remittances')));
    expect(db.prepare("SELECT status, rapporteur, revision FROM parts WHERE id = 'talk'").get()).toEqual({
      status: 'not-started',
      rapporteur: '',
      revision: 1,
    });
    db.prepare("DELETE FROM parts WHERE id = 'panel'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM parts').get()).toEqual({ n: 0 });
    db.close();
  });
});
