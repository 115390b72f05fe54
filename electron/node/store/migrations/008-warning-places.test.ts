import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConferenceStore } from '../conference-store';
import { migrate } from './index';
import { columnNames, fileAtVersion, tempFolder, userVersion } from './old-file.testkit';

const dir = tempFolder();

describe('migration 8: the place of an import warning', () => {
  test('a version 7 file keeps its warnings, which concern their part as a whole, and new warnings store their quote and block', () => {
    const file = path.join(dir(), 'v7.rapporteur');
    const db = fileAtVersion(file, 7);
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(
      JSON.stringify({ title: 'Hemispheric Conference on International Migration' }),
    );
    db.prepare(`INSERT INTO import_warnings (part_id, line, code, message, suggestion, status)
      VALUES ('part0003', 212, 'OCR_REPAIR', '“socia” looks like “social”.', '{"find":"socia","replace":"social"}', 'dismissed')`).run();

    migrate(db, 8);
    expect(userVersion(db)).toBe(8);
    expect(columnNames(db, 'import_warnings')).toEqual(expect.arrayContaining(['quote', 'block']));
    db.close();

    const s = ConferenceStore.open(file);
    expect(s.listWarnings()).toEqual([
      expect.objectContaining({
        partId: 'part0003',
        line: 212,
        status: 'dismissed',
        quote: null,
        block: null,
        suggestion: { find: 'socia', replace: 'social' },
      }),
    ]);
    s.addWarnings([
      {
        partId: 'part0004',
        line: 300,
        code: 'UNNUMBERED_HEADING',
        message: '“Debate” has no number.',
        suggestion: null,
        quote: 'Debate',
        block: 5,
      },
    ]);
    expect(s.listWarnings()[1]).toMatchObject({ partId: 'part0004', quote: 'Debate', block: 5, status: 'open' });
    s.close();
  });
});
