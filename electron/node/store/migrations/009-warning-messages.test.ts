import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { localizeWarning } from '../../../../shared/i18n/import-warnings';
import { ConferenceStore } from '../conference-store';
import { migrate } from './index';
import { columnNames, fileAtVersion, tempFolder, userVersion } from './old-file.testkit';

const dir = tempFolder();

describe('migration 9: an import warning as a catalogue key and values', () => {
  test('a version 8 file keeps its English warnings as they are, and new warnings store their key and values', () => {
    const file = path.join(dir(), 'v8.rapporteur');
    const db = fileAtVersion(file, 8);
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(
      JSON.stringify({ title: 'Hemispheric Conference on International Migration' }),
    );
    db.prepare(`INSERT INTO import_warnings (part_id, line, code, message, suggestion, status, quote, block)
      VALUES ('part0003', 212, 'NOTE_UNANCHORED', 'Footnote 4 has no reference mark in the text; it was not placed.', NULL, 'open', NULL, NULL)`).run();

    migrate(db, 9);
    expect(userVersion(db)).toBe(9);
    expect(columnNames(db, 'import_warnings')).toEqual(expect.arrayContaining(['message_key', 'message_values']));
    db.close();

    const s = ConferenceStore.open(file);
    const [old] = s.listWarnings();
    expect(old).toMatchObject({ partId: 'part0003', line: 212, code: 'NOTE_UNANCHORED', status: 'open' });
    expect(old!.key ?? null).toBeNull();
    // Written before the catalogue: shown as stored, in English, whatever the interface language.
    expect(localizeWarning(old!, 'es')).toBe('Footnote 4 has no reference mark in the text; it was not placed.');

    s.addWarnings([
      {
        partId: 'part0004',
        line: 300,
        code: 'NOTE_UNANCHORED',
        message: 'Footnote 7 has no reference mark in the text; it was not placed.',
        key: 'noteUnanchored.noMark',
        values: { number: 7 },
        suggestion: null,
        quote: null,
        block: null,
      },
    ]);
    const added = s.listWarnings()[1]!;
    expect(added).toMatchObject({ key: 'noteUnanchored.noMark', values: { number: 7 }, status: 'open' });
    expect(localizeWarning(added, 'es')).toBe('La nota 7 no tiene llamada en el texto; no se colocó.');
    s.close();
  });

  test('a key the catalogue does not have, or values that are not plain, leave the stored message', () => {
    const file = path.join(dir(), 'v9.rapporteur');
    const db = fileAtVersion(file, 9);
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(JSON.stringify({ title: 'Workshop' }));
    const insert =
      db.prepare(`INSERT INTO import_warnings (part_id, line, code, message, status, message_key, message_values)
      VALUES (NULL, 1, 'X', ?, 'open', ?, ?)`);
    insert.run('Unknown key.', 'errors.file.exists', '{}');
    insert.run('Values not plain.', 'noteUnanchored.noMark', '{"number":{"nested":1}}');
    insert.run('Values not JSON.', 'noteUnanchored.noMark', '{number');
    db.close();

    const s = ConferenceStore.open(file);
    const shown = s.listWarnings().map((w) => [w.key ?? null, localizeWarning(w, 'fr')]);
    expect(shown).toEqual([
      [null, 'Unknown key.'],
      [null, 'Values not plain.'],
      [null, 'Values not JSON.'],
    ]);
    s.close();
  });
});
