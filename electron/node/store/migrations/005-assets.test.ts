import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { doc, p } from '../../../../shared/compile/fixtures';
import type { LexicalDoc } from '../../../../shared/model/conference';
import { exportBytes } from '../../export/export-service';
import { ConferenceStore } from '../conference-store';
import { figure, pngBytes } from '../testing/images';
import { migrate } from './index';
import { fileAtVersion, tableNames, tempFolder, userVersion } from './old-file.testkit';

const dir = tempFolder();

const A = pngBytes(120, 80, 1);
const B = pngBytes(64, 64, 2);
const url = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;
/** Not base64 as Node writes it (a line break inside): kept inline, read back as written. */
const ODD = `data:image/png;base64,${A.toString('base64').slice(0, 40)}\n${A.toString('base64').slice(40)}`;

const sources = (d: LexicalDoc): string[] =>
  (d.root.children as { type: string; src?: string }[]).filter((n) => n.type === 'figure').map((n) => n.src!);

/** A version 4 file as Rapporteur wrote it: figures as data URLs in the parts and in every snapshot. */
function version4File(file: string) {
  const db = fileAtVersion(file, 4);
  db.prepare("INSERT INTO meta (key, value) VALUES ('conference', ?)").run(
    JSON.stringify({
      title: 'Hemispheric Conference on International Migration',
      templateId: 'conference-proceedings',
      language: 'en',
    }),
  );
  const parts = [
    {
      id: 'theme',
      parent_id: null,
      position: 0,
      kind: 'thematic-part',
      title: 'Human rights of migrants',
      doc: doc(p('Opening.')),
    },
    {
      id: 'u1',
      parent_id: 'theme',
      position: 0,
      kind: 'unit',
      title: 'Panel I',
      doc: doc(p('Flows since 1970.'), figure(url(A), 'IMMIGRANT POPULATION BY ORIGIN')),
    },
    {
      id: 'u2',
      parent_id: 'theme',
      position: 1,
      kind: 'unit',
      title: 'Panel II',
      doc: doc(figure(url(A), 'THE SAME CHART AGAIN'), p('Remittances.'), figure(url(B), 'REMITTANCES BY COUNTRY')),
    },
    {
      id: 'u3',
      parent_id: 'theme',
      position: 2,
      kind: 'unit',
      title: 'Panel III',
      doc: doc(p('Trafficking.'), figure(ODD, 'A FIGURE PASTED FROM ELSEWHERE')),
    },
  ];
  const insert =
    db.prepare(`INSERT INTO parts (id, parent_id, position, kind, title, doc, word_count, revision, updated_at)
    VALUES (@id, @parent_id, @position, @kind, @title, @doc, 2, 3, '2002-11-20T10:00:00.000Z')`);
  for (const part of parts) insert.run({ ...part, doc: JSON.stringify(part.doc) });
  const content = {
    meta: { title: 'Hemispheric Conference on International Migration' },
    parts: parts.map((x) => ({
      id: x.id,
      parentId: x.parent_id,
      position: x.position,
      kind: x.kind,
      title: x.title,
      status: 'draft',
      rapporteur: '',
      wordCount: 2,
      revision: 3,
      updatedAt: '2002-11-20',
      doc: x.doc,
    })),
    participants: [],
    agenda: [],
  };
  const snap = db.prepare('INSERT INTO snapshots (name, reason, created_at, data) VALUES (?, ?, ?, ?)');
  snap.run('Before importing', 'before-import', '2002-11-19T09:00:00.000Z', JSON.stringify(content));
  snap.run('Draft for the editors', 'manual', '2002-11-20T09:00:00.000Z', JSON.stringify(content));
  // A damaged snapshot that mentions an image: left as it was.
  snap.run('Damaged', 'manual', '2002-11-21T09:00:00.000Z', `{"parts": [{"src": "${url(B).slice(0, 60)}`);
  return { db, parts };
}

const mediaOf = (docx: string): Buffer[] =>
  execFileSync('unzip', ['-Z1', docx], { encoding: 'utf8' })
    .split('\n')
    .filter((n) => n.startsWith('word/media/'))
    .map((n) => execFileSync('unzip', ['-p', docx, n], { maxBuffer: 64 * 1024 * 1024 }));

describe('migration 5: images stored once, as assets', () => {
  test('the data URLs of a version 4 file move to assets, once each, and come back as they were', () => {
    const file = path.join(dir(), 'v4.rapporteur');
    const { db, parts } = version4File(file);
    const textBefore = db.prepare('SELECT SUM(length(doc)) AS n FROM parts').get() as { n: number };

    migrate(db, 5);
    expect(userVersion(db)).toBe(5);
    expect(tableNames(db)).toContain('assets');
    // Two images, each once, although A is in two parts and three copies of each part are in snapshots.
    expect(db.prepare('SELECT mime, size, bytes FROM assets ORDER BY size DESC').all()).toEqual([
      { mime: 'image/png', size: A.length, bytes: A },
      { mime: 'image/png', size: B.length, bytes: B },
    ]);
    const inline = (sql: string) => (db.prepare(sql).all() as { id: string }[]).map((r) => r.id);
    expect(inline("SELECT id FROM parts WHERE instr(doc, 'data:image/') > 0")).toEqual(['u3']);
    expect(inline("SELECT name AS id FROM snapshots WHERE instr(data, 'data:image/') > 0")).toEqual([
      'Before importing',
      'Draft for the editors',
      'Damaged',
    ]);
    expect(inline('SELECT name AS id FROM snapshots WHERE instr(data, ?) > 0'.replace('?', `'${url(A)}'`))).toEqual([]);
    expect((db.prepare('SELECT SUM(length(doc)) AS n FROM parts').get() as { n: number }).n).toBeLessThan(
      textBefore.n - 2 * url(A).length,
    );
    db.close();

    const s = ConferenceStore.open(file);
    expect(s.problems).toEqual([]);
    for (const part of parts) expect(s.getPart(part.id).doc).toEqual(part.doc);
    expect(sources(s.getPart('u2').doc)).toEqual([url(A), url(B)]);
    const snapshots = s.listSnapshots();
    const draft = JSON.parse(s.snapshotRow(snapshots.find((x) => x.name === 'Draft for the editors')!.id)!.data) as {
      parts: { id: string; doc: LexicalDoc }[];
    };
    expect(draft.parts.map((x) => x.doc)).toEqual(parts.map((x) => x.doc));
    s.close();
  });

  test('every image of a migrated file still exports: the DOCX holds their bytes', async () => {
    const file = path.join(dir(), 'v4.rapporteur');
    version4File(file).db.close();
    const s = ConferenceStore.open(file);
    const source = s.readContent();
    s.close();
    const { bytes } = await exportBytes({
      source,
      format: 'docx',
      options: { partIds: null, annexes: true, watermark: false, issueDate: '2002-11-22' },
    });
    const docx = path.join(dir(), 'out.docx');
    fs.writeFileSync(docx, bytes);
    // Four figures drawn (A twice, B, and the line-broken copy of A), from the bytes of A and B.
    const body = execFileSync('unzip', ['-p', docx, 'word/document.xml'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(body.match(/<a:blip r:embed=/g)).toHaveLength(4);
    const media = mediaOf(docx);
    expect(media.length).toBeGreaterThanOrEqual(2);
    for (const m of media) expect([A, B].some((x) => x.equals(m))).toBe(true);
    expect(media.some((m) => m.equals(A)) && media.some((m) => m.equals(B))).toBe(true);
  });
});
