/** `rapporteur export <file> --docx out.docx --changes-since <snapshot name or number>` (run in process). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LexicalDoc } from '../../shared/model/conference';
import { tempDir, tool } from '../node/export/readers.testkit';
import { writeRichConference } from '../node/export/rich-conference.testkit';
import { ConferenceStore } from '../node/store/conference-store';
import { runCli } from './cli.testkit';

const READER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../node/services/tracked-changes.testkit.py');
interface Read {
  body: string[];
  revisions: { authors: string[] };
}
/** python-docx's readings of DOCX files after Accept All or Reject All, in one python3 run (its start-up is most of a reading). */
const readDocx = (...readings: [docx: string, mode: 'accept' | 'reject'][]): Read[] => {
  const out = JSON.parse(tool('/usr/bin/python3', [READER, ...readings.flat()])) as Read | Read[];
  return Array.isArray(out) ? out : [out];
};

let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir('cli-changes');
  file = path.join(dir, 'rich.rapporteur');
  writeRichConference(file);
  const r = await runCli(dir, ['snapshot', 'rich.rapporteur', '--name', 'Draft 1']);
  expect(r.code).toBe(0);
  // An edit after the snapshot, straight through the store.
  const store = ConferenceStore.open(file);
  try {
    const part = store.getPart('abstract');
    const doc = JSON.parse(JSON.stringify(part.doc).replace('held in Santiago', 'held in Valparaíso')) as LexicalDoc;
    store.savePartDoc('abstract', doc, part.revision);
  } finally {
    store.close();
  }
});

describe('rapporteur export --changes-since', () => {
  it('writes only the DOCX, with the changes since the named snapshot as Word revisions', async () => {
    const r = await runCli(dir, ['export', 'rich.rapporteur', '--docx', 'tracked.docx', '--changes-since', 'Draft 1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Wrote .*tracked\.docx/);
    expect(r.err).toContain('Changes since the snapshot “Draft 1” are tracked: 1 place changed');
    expect(fs.existsSync(path.join(dir, 'rich.pdf'))).toBe(false);
    const docx = path.join(dir, 'tracked.docx');
    const [accepted, rejected] = readDocx([docx, 'accept'], [docx, 'reject']).map((x) => x.body.join('\n'));
    expect(accepted).toContain('held in Valparaíso');
    expect(rejected).toContain('held in Santiago');
    expect(rejected).not.toContain('Valparaíso');
  });

  it('takes the snapshot’s number too; refuses an unknown snapshot and a PDF, saying why, writing nothing', async () => {
    const byNumber = await runCli(dir, [
      'export',
      'rich.rapporteur',
      '--docx',
      'by-number.docx',
      '--changes-since',
      '1',
    ]);
    expect(byNumber.code).toBe(0);
    const unknown = await runCli(dir, ['export', 'rich.rapporteur', '--docx', 'x.docx', '--changes-since', 'Nope']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('There is no snapshot “Nope” in this conference');
    const pdf = await runCli(dir, ['export', 'rich.rapporteur', '--pdf', 'x.pdf', '--changes-since', 'Draft 1']);
    expect(pdf.code).not.toBe(0);
    expect(pdf.err).toContain('--changes-since shows changes in the Word document only');
    expect(fs.existsSync(path.join(dir, 'x.docx')) || fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });

  it('credits the revisions to --author, else to the name set in the app, else to “Rapporteur” with a note', async () => {
    const dataDir = path.join(dir, 'settings-home');
    const exportTracked = async (name: string, extra: string[], env: Record<string, string>) => {
      const r = await runCli(
        dir,
        ['export', 'rich.rapporteur', '--docx', name, '--changes-since', 'Draft 1', ...extra],
        env,
      );
      expect(r.code).toBe(0);
      return { err: r.err, file: path.join(dir, name) };
    };
    /** The authors of each file's revisions, read together. */
    const authors = (...files: string[]) =>
      readDocx(...files.map((f): [string, 'accept'] => [f, 'accept'])).map((x) => x.revisions.authors);
    // Nobody named yet: Word's revisions say "Rapporteur", and the command says how to name them.
    const unnamed = await exportTracked('unnamed.docx', [], { RAPPORTEUR_DATA_DIR: dataDir });
    expect(unnamed.err).toContain('note: the changes are credited to “Rapporteur”: give --author <name>');
    // The name the user set in the app (settings.json), as the app's own export credits it.
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ userName: 'Bruno Díaz' }));
    const fromSettings = await exportTracked('settings.docx', [], { RAPPORTEUR_DATA_DIR: dataDir });
    expect(fromSettings.err).not.toContain('credited to');
    // --author wins over the settings.
    const given = await exportTracked('given.docx', ['--author', '  Ana Gómez '], { RAPPORTEUR_DATA_DIR: dataDir });
    expect(authors(unnamed.file, fromSettings.file, given.file)).toEqual([
      ['Rapporteur'],
      ['Bruno Díaz'],
      ['Ana Gómez'],
    ]);
    // Without --changes-since there are no revisions to credit, and an empty name credits nobody: both refused.
    const alone = await runCli(dir, ['export', 'rich.rapporteur', '--docx', 'alone.docx', '--author', 'Ana']);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('--author names who made the changes shown with --changes-since');
    const empty = await runCli(dir, [
      'export',
      'rich.rapporteur',
      '--docx',
      'empty.docx',
      '--changes-since',
      '1',
      '--author',
      ' ',
    ]);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('--author must not be empty');
    expect(fs.existsSync(path.join(dir, 'alone.docx')) || fs.existsSync(path.join(dir, 'empty.docx'))).toBe(false);
  });
});
