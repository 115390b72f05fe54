import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConferenceStore } from '../conference-store';
import { migrate } from './index';
import { columnNames, fileAtVersion, tempFolder, userVersion } from './old-file.testkit';

const dir = tempFolder();

describe('migration 10: what an import warning concerns outside its part’s text', () => {
  test('a version 9 file keeps its warnings with no place, and new warnings store a title, a registry entry or the details', () => {
    const file = path.join(dir(), 'v9.rapporteur');
    const db = fileAtVersion(file, 9);
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(
      JSON.stringify({ title: 'Hemispheric Conference on International Migration' }),
    );
    db.prepare(`INSERT INTO import_warnings (part_id, line, code, message, suggestion, status, quote, block)
      VALUES ('part0013', 1085, 'OCR_LABEL', 'The unit label “Unit Il” reads “Unit II”.', NULL, 'open', NULL, NULL)`).run();

    migrate(db, 10);
    expect(userVersion(db)).toBe(10);
    expect(columnNames(db, 'import_warnings')).toEqual(expect.arrayContaining(['place', 'participant_id']));
    db.close();

    const s = ConferenceStore.open(file);
    const [old] = s.listWarnings();
    expect(old).toMatchObject({ partId: 'part0013', code: 'OCR_LABEL', status: 'open', place: null });
    expect(old!.participantId ?? null).toBeNull();

    const base = { line: 1, message: 'm', suggestion: null, quote: null, block: null };
    s.addWarnings([
      { ...base, partId: 'part0017', code: 'OCR_LABEL', place: 'title' },
      {
        ...base,
        partId: 'part0044',
        code: 'PARTICIPANT_LISTED_TWICE',
        place: 'participant',
        participantId: 'person0007',
      },
      { ...base, partId: null, code: 'FRONT_MATTER_ABSENT', place: 'details' },
    ]);
    expect(
      s
        .listWarnings()
        .slice(1)
        .map((w) => [w.code, w.place, w.participantId ?? null]),
    ).toEqual([
      ['OCR_LABEL', 'title', null],
      ['PARTICIPANT_LISTED_TWICE', 'participant', 'person0007'],
      ['FRONT_MATTER_ABSENT', 'details', null],
    ]);
    s.close();
  });

  test('a place this version does not know shows as the part as a whole', () => {
    const file = path.join(dir(), 'v10.rapporteur');
    const db = fileAtVersion(file, 10);
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(JSON.stringify({ title: 'Workshop' }));
    db.prepare(`INSERT INTO import_warnings (part_id, line, code, message, status, place)
      VALUES ('part0002', 3, 'X', 'From a newer version.', 'open', 'margin-note')`).run();
    db.close();

    const s = ConferenceStore.open(file);
    expect(s.listWarnings()[0]).toMatchObject({ partId: 'part0002', place: null });
    s.close();
  });
});
