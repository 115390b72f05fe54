import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { ConferenceStore } from '../conference-store';
import { migrate } from './index';
import { columnNames, fileAtVersion, tempFolder, userVersion } from './old-file.testkit';

const dir = tempFolder();

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
  return undefined;
};

describe('migration 3: revisions on participants and programme items', () => {
  test('a version 2 file gets revision 1 on its participants and programme items, which then guard saves', () => {
    const file = path.join(dir(), 'v2.rapporteur');
    const db = fileAtVersion(file, 2);
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(
      JSON.stringify({ title: 'Version 2 conference' }),
    );
    db.prepare(`INSERT INTO participants (id, position, honorific, name, title, organisation, country, grp, role)
      VALUES ('p1', 0, 'Mr.', 'Diego Beltrand', '', 'IOM', '', '', 'Moderator')`).run();
    db.prepare(`INSERT INTO agenda (id, position, day, start, end, title, part_id, moderator_id, speaker_ids)
      VALUES ('a1', 0, 'Tuesday', '09:30', '11:00', 'Panel I', NULL, 'p1', '["p1"]')`).run();

    migrate(db, 3);
    expect(userVersion(db)).toBe(3);
    expect(columnNames(db, 'participants')).toContain('revision');
    expect(db.prepare('SELECT name, organisation, revision FROM participants').all()).toEqual([
      { name: 'Diego Beltrand', organisation: 'IOM', revision: 1 },
    ]);
    expect(db.prepare('SELECT title, speaker_ids, revision FROM agenda').all()).toEqual([
      { title: 'Panel I', speaker_ids: '["p1"]', revision: 1 },
    ]);
    db.close();

    const s = ConferenceStore.open(file);
    expect(s.listParticipants()).toEqual([
      expect.objectContaining({ name: 'Diego Beltrand', organisation: 'IOM', revision: 1 }),
    ]);
    expect(s.listAgenda()).toEqual([
      expect.objectContaining({ title: 'Panel I', moderatorId: 'p1', speakerIds: ['p1'], revision: 1 }),
    ]);
    expect(s.saveAgendaItem({ ...s.listAgenda()[0]!, title: 'Panel I: migration' })).toBe(2);
    expect(codeOf(() => s.saveAgendaItem({ ...s.listAgenda()[0]!, revision: 1 }))).toBe('CONFLICT');
    s.close();
  });
});
