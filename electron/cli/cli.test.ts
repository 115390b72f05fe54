/** The command line run in process (`run(argv, io)`): output, exit status, files left alone. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { getTemplate, skeletonOf, type SkeletonPart } from '../node/templates';
import { type CliResult, runCli } from './cli.testkit';
import { commands, isCommand } from './commands';
import type { CommandSpec } from './context';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(dir, args);
const bytes = (f: string) => fs.readFileSync(f).toString('base64');
const warningLines = (out: string) => out.split('\n').filter((l) => /^ {2}\S.*: \[[A-Z_]+\] /.test(l));

describe('the command line', () => {
  test('templates --json lists valid templates', async () => {
    const r = await cli('templates', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { id: string; name: string }[];
    expect(list.map((t) => t.id)).toContain('workshop-report');
    for (const t of list) expect(t.name.length).toBeGreaterThan(3);
  });

  test('new then info --json shows the template’s parts', async () => {
    const made = await cli(
      'new',
      '--template',
      'workshop-report',
      '-o',
      'x.rapporteur',
      '--title',
      'Migration and Human Rights',
    );
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/Created x\.rapporteur/);
    expect(fs.existsSync(path.join(dir, 'x.rapporteur'))).toBe(true); // relative to the working folder
    const info = await cli('info', 'x.rapporteur', '--json');
    expect(info.code).toBe(0);
    type InfoPart = { kind: string; title: string; status: string; words: number; children: InfoPart[] };
    const data = JSON.parse(info.out) as {
      file: string;
      meta: { title: string; templateId: string };
      parts: InfoPart[];
    };
    expect(data.file).toBe(path.join(dir, 'x.rapporteur'));
    expect(data.meta).toMatchObject({ title: 'Migration and Human Rights', templateId: 'workshop-report' });
    // The outline is the template's skeleton: every section, each repeatable group once.
    const shape = (list: (InfoPart | SkeletonPart)[]): unknown =>
      list.map((p) => ({ kind: p.kind, title: p.title, children: shape(p.children) }));
    const expected = skeletonOf(getTemplate('workshop-report').sections);
    expect(shape(data.parts)).toEqual(shape(expected));
    expect(expected.length).toBeGreaterThan(2);
    expect(data.parts[0]).toMatchObject({ status: 'not-started', words: 0 });

    const text = await cli('info', 'x.rapporteur');
    expect(text.out).toContain('Migration and Human Rights');
    expect(text.out).toContain(`${expected[0]!.title}  [${expected[0]!.kind}, not started, 0 words]`);
  });

  test.each([
    [['frob'], 2, /unknown command “frob”/],
    [[], 2, /Usage/],
    [['new', '-o', 'y.rapporteur'], 2, /missing --template/],
    [['new', '--template', 'workshop-report', '-o', 'y.docx'], 2, /must end in \.rapporteur/],
    [['new', '--bogus'], 2, /Unknown option '--bogus' \(an argument that starts with “-” goes after “--”\)\./],
    [['info'], 2, /expected exactly one conference file/],
    [['info', 'a.rapporteur', 'b.rapporteur'], 2, /expected exactly one conference file, got 2/],
    [['serve', '--port', 'abc'], 2, /--port must be a number/],
    [['snapshot', 'x.rapporteur'], 2, /missing --name/],
    [['snapshot', 'x.rapporteur', '--name', '   '], 2, /--name must not be empty/],
    [['snapshot', 'x.rapporteur', '--name', 'n'.repeat(201)], 2, /at most 200/],
    [['new', '--template', 'nope', '-o', 'y.rapporteur'], 1, /no template “nope”/],
    [['info', 'missing.rapporteur'], 1, /was not found/],
    [['snapshots', 'missing.rapporteur'], 1, /was not found/],
    [['import', 'missing.txt', '-o', 'z.rapporteur'], 1, /there is no such file/],
  ])('rapporteur %j exits %i with a clear message', async (args, code, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack traces for user errors
    if (code === 2 && args[0] && isCommand(args[0])) expect(r.err).toContain(`Usage: rapporteur ${args[0]} `);
    expect(fs.existsSync(path.join(dir, 'y.rapporteur'))).toBe(false);
  });

  test('--help answers on standard output with status 0, for all and for one command', async () => {
    const all = await cli('--help');
    expect(all.code).toBe(0);
    for (const name of Object.keys(commands)) expect(all.out).toContain(`  ${name} `);
    const one = await cli('snapshot', '--help');
    expect(one).toMatchObject({ code: 0, err: '' });
    expect(one.out).toContain('Usage: rapporteur snapshot <file> --name <name>');
    // After --, --help is a file name like any other.
    const asFile = await cli('info', '--', '--help');
    expect(asFile.code).toBe(1);
    expect(asFile.err).toMatch(/“--help” was not found/);
  });

  test('info on a file that is not a conference names the problem and leaves it alone', async () => {
    const f = path.join(dir, 'notes.rapporteur');
    fs.writeFileSync(f, 'meeting notes');
    const r = await cli('info', f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/“notes\.rapporteur” is not a Rapporteur conference file/);
    expect(fs.readFileSync(f, 'utf8')).toBe('meeting notes');
    const s = await cli('snapshot', f, '--name', 'x');
    expect(s.code).toBe(1);
    expect(fs.readFileSync(f, 'utf8')).toBe('meeting notes');
  });

  test('a folder that cannot be made answers with the path and what is wrong, status 1', async () => {
    fs.writeFileSync(path.join(dir, 'plain-file'), 'x');
    const r = await cli('new', '--template', 'workshop-report', '-o', 'plain-file/inside.rapporteur');
    expect(r.code).toBe(1);
    // Named by the command line or by the store, the message says which path is a file; it must not
    // claim that the conference already exists (mkdir answers EEXIST for a file in the way).
    expect(r.err).toMatch(
      /^rapporteur new: .*plain-file.*(is a file, so no folder can be made there|is a file, not a folder)/,
    );
    expect(r.err).not.toMatch(/already exists/);
  });
});

const seed001 = path.resolve(
  'seeds/source',
  fs.readdirSync(path.resolve('seeds/source')).find((f) => f.startsWith('001_'))!,
);
/** Seed 001 imported once in English (a locale without a language) for the two tests that read what it printed. */
let inEnglish: Promise<CliResult> | undefined;
const importedInEnglish = () =>
  (inEnglish ??= runCli(dir, ['import', seed001, '-o', 'compendium.rapporteur'], { LANG: 'C.UTF-8' }));

test('import writes a new conference and lists what it could not resolve, with line numbers', async () => {
  const r = await importedInEnglish();
  expect(r).toMatchObject({ code: 0, err: '' });
  const lines = r.out.trimEnd().split('\n');
  expect(lines[0]).toBe(`Imported ${seed001} into compendium.rapporteur.`);
  expect(lines[1]).toBe('Template: best-practices-compendium (detected)');
  const counts = /^(\d+) parts?, \d+ participants?, \d+ agenda items?, (\d+) warnings?\.$/.exec(lines[2]!);
  expect(counts).not.toBeNull();
  expect(lines.slice(3)).toHaveLength(Number(counts![2]));
  for (const w of lines.slice(3)) expect(w).toMatch(/^ {2}(line \d+|file): \[[A-Z_]+\] \S/);
  // What it wrote is a conference of that template, and a second import onto it is refused.
  expect(JSON.parse((await cli('info', 'compendium.rapporteur', '--json')).out)).toMatchObject({
    meta: { templateId: 'best-practices-compendium' },
  });
  const again = await cli('import', seed001, '-o', 'compendium.rapporteur');
  expect(again.code).toBe(1);
  expect(again.err).toMatch(/^rapporteur import: .*compendium\.rapporteur/);
});

/** Issue 14: `rapporteur import` lists the importer's warnings in the locale's language. */
test('import warnings follow LANG: Spanish, French, and English by default', async () => {
  const es = await runCli(dir, ['import', seed001, '-o', 'es.rapporteur'], { LANG: 'es_CL.UTF-8' });
  const fr = await runCli(dir, ['import', seed001, '-o', 'fr.rapporteur'], { LC_ALL: 'fr_FR.UTF-8' });
  const en = await importedInEnglish();
  for (const r of [es, fr, en]) expect(r).toMatchObject({ code: 0, err: '' });
  const [esLines, frLines, enLines] = [es, fr, en].map((r) => warningLines(r.out));
  expect(enLines!.length).toBeGreaterThan(0);
  expect(esLines).toHaveLength(enLines!.length);
  expect(frLines).toHaveLength(enLines!.length);
  // Where each warning is, and what is suggested, in the locale's words too.
  for (const l of enLines!) expect(l).toMatch(/^ {2}(line \d+|file): \[/);
  for (const l of esLines!) expect(l).toMatch(/^ {2}(línea \d+|archivo): \[/);
  for (const l of frLines!) expect(l).toMatch(/^ {2}(ligne \d+|fichier)\u00a0: \[/);
  expect([...esLines!, ...frLines!].join('\n')).not.toMatch(/\b(line|file|suggested)\b/);
  const annex = (ls: string[]) => ls.find((l) => l.includes('[ANNEX_ABSENT]'));
  expect(annex(enLines!)).toContain(
    'The text refers to an attachment (“the attached spreadsheet”) that is not in the file',
  );
  expect(annex(esLines!)).toContain('El texto hace referencia a un documento adjunto («the attached spreadsheet»)');
  expect(annex(frLines!)).toContain('Le texte renvoie à une pièce jointe («\u00a0the attached spreadsheet\u00a0»)');
});

test('import names the line of a numbering gap, and an empty file fails cleanly, writing nothing', async () => {
  const seed = fs.readdirSync(path.resolve('seeds/source')).find((f) => f.startsWith('002_'))!;
  const ok = await cli('import', path.resolve('seeds/source', seed), '-o', 'annual.rapporteur');
  expect(ok.code).toBe(0);
  expect(ok.out).toMatch(/Template: annual-activity-report \(detected\)/);
  expect(ok.out).toMatch(/line 675: \[NUMBERING_GAP\]/);
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  const bad = await cli('import', 'empty.txt', '-o', 'bad.rapporteur');
  expect(bad.code).toBe(1);
  expect(bad.err).toMatch(/empty\.txt.*empty/);
  expect(fs.existsSync(path.join(dir, 'bad.rapporteur'))).toBe(false);
});

describe('snapshots from the command line', () => {
  test('snapshot keeps named versions that snapshots lists newest first, in text and JSON', async () => {
    await cli('new', '--template', 'summary-report', '-o', 'snap.rapporteur', '--title', 'Refugee Protection');
    const empty = await cli('snapshots', 'snap.rapporteur');
    expect(empty).toMatchObject({ code: 0, err: '' });
    expect(empty.out).toMatch(/No snapshots yet/);
    expect(JSON.parse((await cli('snapshots', 'snap.rapporteur', '--json')).out)).toEqual([]);

    const first = await cli('snapshot', 'snap.rapporteur', '--name', 'Draft sent to the Bureau');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Kept snapshot \d+ “Draft sent to the Bureau” \(\d{4}-\d\d-\d\dT/);
    const second = await cli('snapshot', 'snap.rapporteur', '--name', '  After the editor’s pass  ', '--json');
    expect(second.code).toBe(0);
    const made = JSON.parse(second.out) as { id: number; name: string; reason: string };
    expect(made).toMatchObject({ name: 'After the editor’s pass', reason: 'manual' });

    const list = JSON.parse((await cli('snapshots', 'snap.rapporteur', '--json')).out) as {
      id: number;
      name: string;
      reason: string;
      createdAt: string;
    }[];
    expect(list.map((s) => s.name)).toEqual(['After the editor’s pass', 'Draft sent to the Bureau']);
    expect(list[0]!.id).toBe(made.id);
    expect(list[0]!.id).toBeGreaterThan(list[1]!.id);

    const text = (await cli('snapshots', 'snap.rapporteur')).out.trimEnd().split('\n');
    expect(text).toHaveLength(2);
    expect(text[0]).toMatch(
      new RegExp(`^\\s*${made.id}  \\d{4}-\\d\\d-\\d\\dT\\S+  named\\s+After the editor’s pass$`),
    );
  });

  test('a snapshot holds the conference as it was: the app restores it', async () => {
    const file = path.join(dir, 'restore.rapporteur');
    await cli('new', '--template', 'workshop-report', '-o', file, '--title', 'Before');
    const { ConferenceStore } = await import('../node/store/conference-store');
    const taken = JSON.parse((await cli('snapshot', file, '--name', 'original title', '--json')).out) as { id: number };
    const store = ConferenceStore.open(file);
    try {
      const { meta, revision } = store.getMeta();
      store.updateMeta({ ...meta, title: 'After' }, revision);
      store.restoreSnapshot(taken.id);
      expect(store.getMeta().meta.title).toBe('Before');
    } finally {
      store.close();
    }
    // Restoring kept what was there first, which the list now shows on top.
    const list = JSON.parse((await cli('snapshots', file, '--json')).out) as { name: string; reason: string }[];
    expect(list[0]).toMatchObject({ reason: 'before-restore' });
    expect(list.map((s) => s.name)).toContain('original title');
  });
});

test('info and snapshots only read: the file and its folder are left byte for byte as they were', async () => {
  const sub = path.join(dir, 'read-only-check');
  fs.mkdirSync(sub);
  const file = path.join(sub, 'c.rapporteur');
  expect((await cli('new', '--template', 'summary-report', '-o', file)).code).toBe(0);
  expect((await cli('snapshot', file, '--name', 'first')).code).toBe(0);
  // As an earlier version left its files (write-ahead log mode): opening to write would convert it.
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.close();
  const before = { bytes: bytes(file), mtime: fs.statSync(file).mtimeMs, names: fs.readdirSync(sub) };
  expect((await cli('info', file, '--json')).code).toBe(0);
  expect((await cli('snapshots', file)).code).toBe(0);
  expect({ bytes: bytes(file), mtime: fs.statSync(file).mtimeMs, names: fs.readdirSync(sub) }).toEqual(before);
});

describe('an unexpected error', () => {
  const boom = () => ({
    synopsis: '',
    options: {},
    load: async () => ({
      run: async (): Promise<number> => {
        throw new TypeError('cannot read “x”\nsecond line');
      },
    }),
  });

  test('prints one line and exits 70; the stack only with RAPPORTEUR_DEBUG=1', async () => {
    (commands as Record<string, CommandSpec>)['boom-for-test'] = boom();
    try {
      const quiet = await cli('boom-for-test');
      expect(quiet.code).toBe(70);
      expect(quiet.err).toBe(
        'rapporteur boom-for-test: unexpected error: cannot read “x” (set RAPPORTEUR_DEBUG=1 to see where)\n',
      );
      const debug = await runCli(dir, ['boom-for-test'], { RAPPORTEUR_DEBUG: '1' });
      expect(debug.code).toBe(70);
      expect(debug.err).toMatch(/TypeError: cannot read “x”[\s\S]*\n\s+at /);
    } finally {
      delete (commands as Record<string, CommandSpec>)['boom-for-test'];
    }
  });
});

test('the files made here are untouched by a failed run', async () => {
  const f = path.join(dir, 'x.rapporteur');
  const before = bytes(f);
  expect((await cli('snapshot', f, '--name', '')).code).toBe(2);
  expect(bytes(f)).toBe(before);
});
