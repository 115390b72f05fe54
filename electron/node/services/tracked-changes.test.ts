/**
 * "Export with changes since a snapshot", end to end through the contract on a real
 * conference file: the Word document is read back by python-docx as after Accept All and
 * Reject All and compared with ordinary exports of the current text and of the snapshot;
 * pandoc reads its revisions, LibreOffice converts it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { LexicalDoc } from '../../../shared/model/conference';
import { exportBytes } from '../export/export-service';
import { pdfText, tempDir, tool } from '../export/readers.testkit';
import { writeRichConference } from '../export/rich-conference.testkit';
import { readSnapshot } from '../store/snapshot-reader';
import { AppServices } from './app-services';
import { libreOfficeReview } from './libreoffice-review.testkit';
import { noteText } from '../../../shared/i18n/export-notes';

const READER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tracked-changes.testkit.py');
interface Read {
  body: string[];
  notes: string[];
  revisions: { ins: number; del: number; authors: string[]; dates: string[]; ids: number };
}
type ReadMode = 'accept' | 'reject' | 'plain';
/** Several readings by python-docx in one python3 run (its start-up and import are most of a reading). */
const readAll = (readings: [file: string, mode: ReadMode][]): Read[] => {
  const out = JSON.parse(tool('/usr/bin/python3', [READER, ...readings.flat()])) as Read | Read[];
  return Array.isArray(out) ? out : [out];
};

const options = { partIds: null, annexes: true, watermark: false };
type N = { type?: string; text?: string; children?: N[]; [k: string]: unknown };

let dir: string;
let file: string;
let services: AppServices;
let handle: string;
let snapshotId: number;
let tracked: string;
let trackedNotes: string[];
let current: string;
let before: string;

/** Edits one part's document through the contract, as the editor's autosave does. */
async function edit(partId: string, change: (root: N) => void): Promise<void> {
  const part = await services.api.getPart({ handle, partId });
  const doc = structuredClone(part.doc) as LexicalDoc;
  change(doc.root as N);
  await services.api.savePart({ handle, partId, doc, baseRevision: part.revision });
}

function findText(n: N, contains: string): N {
  if (n.type === 'text' && n.text?.includes(contains)) return n;
  for (const c of n.children ?? []) {
    try {
      return findText(c, contains);
    } catch {
      /* next */
    }
  }
  throw new Error(`no text node with “${contains}”`);
}

function findFigure(n: N): N {
  if (n.type === 'figure') return n;
  for (const c of n.children ?? []) {
    try {
      return findFigure(c);
    } catch {
      /* next */
    }
  }
  throw new Error('no figure');
}

const INSERTED = 'A sentence inserted after the snapshot.';
const DELETED = 'It was noted that irregular migration exposes people to abuse by smugglers and traffickers. ';

beforeAll(async () => {
  dir = tempDir('tracked');
  file = path.join(dir, 'rich.rapporteur');
  writeRichConference(file);
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
  handle = (await services.api.openConference({ path: file })).handle;
  snapshotId = (await services.api.createSnapshot({ handle, name: 'Before review' })).id;

  // Insert a sentence, delete a sentence, change a word, a note, a table cell, drop a list item and a paragraph, add a part.
  await edit('unit1', (root) => {
    const t = findText(root, 'The first presentation was given');
    t.text = `${t.text}${INSERTED} `;
    findText(root, '195').text = '210';
    const figure = JSON.stringify(root).includes('(1970-1990)') ? findFigure(root) : null;
    figure!.caption = String(figure!.caption).replace('(1970-1990)', '(1970-2000)');
  });
  await edit('partB', (root) => {
    const t = findText(root, 'It was noted that irregular');
    t.text = t.text!.replace(DELETED, '');
  });
  await edit('abstract', (root) => {
    const t = findText(root, 'held in Santiago');
    t.text = t.text!.replace('Santiago', 'Valparaíso');
  });
  await edit('partA', (root) => {
    const note = JSON.stringify(root).includes('annex III.')
      ? root.children!.find((c) => JSON.stringify(c).includes('annex III.'))!
      : root;
    const fnNode = (note.children ?? []).find((c) => c.type === 'footnote')!;
    fnNode.text = 'See the list of participants in annex II.';
    const list = root.children!.find((c) => c.type === 'list')!;
    list.children = list.children!.slice(0, 1);
    root.children = root.children!.filter((c) => !JSON.stringify(c).includes('Its objectives were the following'));
    const epigraph = root.children!.find((c) => c.type === 'epigraph')!;
    epigraph.attribution = 'R. Perruchoud, IOM';
  });
  const parts = await services.api.addPart({ handle, parentId: 'partB', kind: 'unit', title: 'Closing session' });
  const added = parts.find((p) => p.title === 'Closing session')!;
  await edit(added.id, (root) => {
    root.children = [
      {
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          {
            type: 'text',
            version: 1,
            text: 'The closing session adopted the report.',
            format: 0,
            style: '',
            mode: 'normal',
            detail: 0,
          },
        ],
      },
    ];
  });

  const started = await dispatch(services.api, 'startExport', {
    handle,
    format: 'docx',
    options: { ...options, changesSince: snapshotId },
    outPath: path.join(dir, 'tracked.docx'),
  });
  if (!started.ok) throw new Error(JSON.stringify(started));
  const done = await services.exports.wait((started.value as { jobId: string }).jobId);
  if (done.state !== 'done') throw new Error(done.message);
  tracked = done.savedTo!;
  trackedNotes = (done.notes ?? []).map((n) => noteText(n, 'en'));
  // Ordinary exports of the text as it is now and as the snapshot has it: what Accept All and Reject All must give.
  current = path.join(dir, 'current.docx');
  await services.api.exportConference({ handle, format: 'docx', options, outPath: current });
  before = path.join(dir, 'snapshot.docx');
  fs.writeFileSync(
    before,
    (await exportBytes({ source: readSnapshot(file, snapshotId).content, format: 'docx', options })).bytes,
  );
});

afterAll(() => {
  services?.closeAll();
  services?.exports.dispose();
});

/**
 * LibreOffice's readings of the tracked, current and snapshot documents, and its PDF of the tracked
 * one, all in one LibreOffice run (made on first use: its start-up is most of each conversion).
 */
let reviewed: string[] | null = null;
const libreOffice = (): string[] =>
  (reviewed ??= libreOfficeReview([
    { docx: tracked, mode: 'none' },
    { docx: tracked, mode: 'accept' },
    { docx: current, mode: 'none' },
    { docx: tracked, mode: 'reject' },
    { docx: before, mode: 'none' },
    { docx: tracked, mode: 'pdf' },
  ]));

/** python-docx's readings of the tracked document (after Accept All, Reject All, as it is) and of the two ordinary exports, made on first use. */
let pythonReadings: Record<'accepted' | 'rejected' | 'tracked' | 'now' | 'then', Read> | null = null;
const pythonDocx = () => {
  if (!pythonReadings) {
    const [accepted, rejected, asIs, now, then] = readAll([
      [tracked, 'accept'],
      [tracked, 'reject'],
      [tracked, 'plain'],
      [current, 'plain'],
      [before, 'plain'],
    ]) as [Read, Read, Read, Read, Read];
    pythonReadings = { accepted, rejected, tracked: asIs, now, then };
  }
  return pythonReadings;
};

describe('DOCX with changes since a snapshot', () => {
  it('read by python-docx, accepting all changes gives the current text, rejecting all the snapshot’s', () => {
    const { accepted, rejected, now, then } = pythonDocx();
    expect(now.body).not.toEqual(then.body);
    expect(accepted.body).toEqual(now.body);
    expect(rejected.body).toEqual(then.body);
    expect(accepted.notes).toEqual(now.notes);
    expect(rejected.notes).toEqual(then.notes);

    const joined = (r: Read) => r.body.join('\n');
    expect(joined(accepted)).toContain(INSERTED);
    expect(joined(rejected)).not.toContain(INSERTED);
    // The deleted sentence also stands in other paragraphs: one occurrence fewer.
    const count = (r: Read) => joined(r).split(DELETED.trim()).length - 1;
    expect(count(accepted)).toBe(count(rejected) - 1);
    expect(joined(accepted)).toContain('held in Valparaíso');
    expect(joined(rejected)).toContain('held in Santiago');
    expect(joined(accepted)).toContain('The closing session adopted the report.');
    expect(joined(accepted)).toContain('BY ORIGIN (1970-2000)');
    expect(joined(rejected)).toContain('BY ORIGIN (1970-1990)');
    expect(joined(rejected)).not.toContain('Closing session');
    expect(now.revisions.ins + now.revisions.del).toBe(0);
  });

  it('marks each difference as a Word revision with author and date, ids unique', () => {
    const { revisions } = pythonDocx().tracked;
    expect(revisions.ins).toBeGreaterThan(5);
    expect(revisions.del).toBeGreaterThan(5);
    expect(revisions.ids).toBe(revisions.ins + revisions.del);
    expect(revisions.authors).toEqual(['Rapporteur']);
    expect(revisions.dates).toHaveLength(1);
    expect(revisions.dates[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // The changed word is a deletion next to an insertion, not the whole paragraph.
    const xml = tool('unzip', ['-p', tracked, 'word/document.xml']);
    expect(xml).toMatch(/<w:del [^>]*>\s*<w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText[^>]*>Santiago<\/w:delText>/);
    expect(xml).toMatch(/<w:ins [^>]*>\s*<w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>Valparaíso<\/w:t>/);
    // The note's changed word is marked inside the footnote.
    const notes = tool('unzip', ['-p', tracked, 'word/footnotes.xml']);
    expect(notes).toMatch(/<w:delText[^>]*>III<\/w:delText>/);
    expect(trackedNotes.join('\n')).toMatch(
      /Changes since the snapshot “Before review” are tracked: \d+ places changed/,
    );
  });

  it('pandoc reads the revisions (--track-changes=all)', () => {
    const html = tool('pandoc', ['-f', 'docx', '-t', 'html', '--track-changes=all', tracked]);
    const spans = (cls: string) =>
      [...html.matchAll(new RegExp(`<span\\s+class="${cls}"[^>]*>([\\s\\S]*?)</span>`, 'g'))]
        .map((m) => m[1]!)
        .join(' ')
        .replace(/\s+/g, ' ');
    expect(spans('insertion')).toContain('Valparaíso');
    expect(spans('insertion')).toContain('A sentence inserted after the snapshot.');
    expect(spans('deletion')).toContain('Santiago');
    expect(spans('deletion')).toContain('195');
    expect(spans('insertion')).toContain('210');
    expect(spans('deletion')).toContain('irregular migration exposes people');
    expect(html).toMatch(/class="insertion" data-author="Rapporteur"/);
  });

  it('LibreOffice agrees: its Accept All gives the current text, its Reject All the snapshot’s', () => {
    // The contents are a field Word and LibreOffice fill in again; its cached lines (ending in a tab) are left aside.
    // Heading labels may be text or Word's list numbering (LibreOffice writes both, spaced differently): spaces are compared as one.
    const clean = (t: string) =>
      t
        .split('\n')
        .filter((l) => !/\t\d*$/.test(l))
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .join('\n');
    const [raw, accepted, now, rejected, then] = libreOffice()
      .slice(0, 5)
      .map((out) => clean(fs.readFileSync(out, 'utf8')));
    expect(raw).toContain('SantiagoValparaíso');
    expect(accepted).toBe(now);
    expect(rejected).toBe(then);
  });

  it('LibreOffice converts it, showing the text with its changes', () => {
    const pdf = libreOffice()[5]!;
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Valparaíso');
    expect(text).toContain('A sentence inserted after the snapshot.');
  });

  it('refuses a PDF with changes, and an unknown snapshot, with clear messages', async () => {
    const pdf = await dispatch(services.api, 'startExport', {
      handle,
      format: 'pdf',
      options: { ...options, changesSince: snapshotId },
    });
    expect(pdf).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('only be shown in a Word') },
    });
    const missing = await dispatch(services.api, 'startExport', {
      handle,
      format: 'docx',
      options: { ...options, changesSince: 9999 },
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('no snapshot') },
    });
  });
});
