import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConferenceStore } from '../conference-store';
import { docFromText, textFromDoc } from '../testing/typing';
import { migrate } from './index';
import { columnNames, fileAtVersion, tableNames, tempFolder, userVersion } from './old-file.testkit';

const dir = tempFolder();

describe('migration 7: comment threads', () => {
  test('a version 6 file gets empty comment tables whose messages go with their thread; its parts and assignments stay', () => {
    const file = path.join(dir(), 'v6.rapporteur');
    const db = fileAtVersion(file, 6);
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(
      JSON.stringify({ title: 'Migration and Human Rights Workshop' }),
    );
    db.prepare(`INSERT INTO parts (id, parent_id, position, kind, title, rapporteur, doc, word_count, revision, updated_at)
      VALUES ('u1', NULL, 0, 'unit', 'Session I', 'Ana Gómez', ?, 4, 2, '2006-06-01T10:00:00.000Z')`).run(
      JSON.stringify(docFromText('Detention of irregular migrants')),
    );
    db.prepare(
      "INSERT INTO assignments (part_id, participant_id, due_at, assigned_at) VALUES ('u1', NULL, '2006-06-10', '2006-06-01')",
    ).run();

    migrate(db, 7);
    expect(userVersion(db)).toBe(7);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['comment_threads', 'comment_messages']));
    expect(columnNames(db, 'comment_messages')).toEqual(['id', 'thread_id', 'author', 'created_at', 'body']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM comment_threads').get()).toEqual({ n: 0 });
    db.pragma('foreign_keys = ON');
    db.prepare(
      "INSERT INTO comment_threads (id, part_id, quote, created_at) VALUES ('t1', 'u1', 'irregular migrants', '2006-06-02')",
    ).run();
    db.prepare(
      "INSERT INTO comment_messages (thread_id, author, created_at, body) VALUES ('t1', 'Editor', '2006-06-02', 'Source?'), ('t1', 'Ana Gómez', '2006-06-03', 'UNHCR 2005.')",
    ).run();
    db.prepare("DELETE FROM comment_threads WHERE id = 't1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM comment_messages').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT due_at FROM assignments WHERE part_id = 'u1'").get()).toEqual({ due_at: '2006-06-10' });
    db.close();

    const s = ConferenceStore.open(file);
    expect(textFromDoc(s.getPart('u1').doc)).toBe('Detention of irregular migrants');
    expect(s.getPart('u1')).toMatchObject({ rapporteur: 'Ana Gómez', revision: 2 });
    s.close();
  });
});
