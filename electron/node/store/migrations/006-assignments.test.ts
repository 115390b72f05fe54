import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConferenceStore } from '../conference-store';
import { docFromText } from '../testing/typing';
import { assignmentOverview } from '../../kits';
import { migrate } from './index';
import { columnNames, fileAtVersion, tableNames, tempFolder, userVersion } from './old-file.testkit';

const dir = tempFolder();

describe('migration 6: assignments', () => {
  test('a version 5 file gets an empty assignments table; its parts keep their rapporteurs, which the overview shows without a due time or kit', () => {
    const file = path.join(dir(), 'v5.rapporteur');
    const db = fileAtVersion(file, 5);
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(
      JSON.stringify({ title: 'Hemispheric Conference' }),
    );
    const insert =
      db.prepare(`INSERT INTO parts (id, parent_id, position, kind, title, rapporteur, doc, word_count, revision, updated_at)
      VALUES (?, NULL, ?, 'unit', ?, ?, ?, 3, 5, '2002-11-20T10:00:00.000Z')`);
    insert.run('u1', 0, 'Unit I', 'Ana Gómez', JSON.stringify(docFromText('Regular migration pathways')));
    insert.run('u2', 1, 'Unit II', '', JSON.stringify(docFromText('Human rights of migrants')));
    migrate(db, 6);
    expect(userVersion(db)).toBe(6);
    expect(tableNames(db)).toContain('assignments');
    expect(columnNames(db, 'assignments')).toEqual([
      'part_id',
      'participant_id',
      'due_at',
      'assigned_at',
      'kit_id',
      'kit_at',
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM assignments').get()).toEqual({ n: 0 });
    db.close();

    const s = ConferenceStore.open(file);
    expect(s.getPart('u1')).toMatchObject({ rapporteur: 'Ana Gómez', revision: 5 });
    const rows = assignmentOverview(s).rows.map((r) => [
      r.partId,
      r.rapporteur,
      r.participantId,
      r.dueAt,
      r.kitSentAt,
      r.returned,
      r.wordCount,
    ]);
    expect(rows).toEqual([
      ['u1', 'Ana Gómez', null, '', null, null, 3],
      ['u2', '', null, '', null, null, 3],
    ]);
    s.close();
  });
});
