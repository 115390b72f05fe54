/**
 * The command line as users run it: `build/bin/rapporteur.mjs` (package.json "bin") and
 * the bundle it runs from dist/cli, spawned as a process. A bundle that breaks at load
 * time, or a command chunk that cannot load, fails here; the commands themselves are
 * tested in process (cli.test.ts, export-command.test.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../node/paths';
import { currentCliBundle } from './cli-bundle.testkit';
import { runCli } from './cli.testkit';
import { pandocSummary, tempDir } from '../node/export/readers.testkit';
import { writeRichConference } from '../node/export/rich-conference.testkit';
import { ConferenceStore } from '../node/store/conference-store';

const launcher = path.join(projectRoot, 'build', 'bin', 'rapporteur.mjs');
/** The launcher says so when it rebuilds because a source changed since beforeAll (others at work in the tree). */
const withoutRebuildNote = (stderr: string) =>
  stderr.replace(/^rapporteur: sources changed, rebuilding the command line…\n/, '');
const spawn = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [launcher, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, RAPPORTEUR_DEBUG: '' },
  });
  return { ...r, stderr: withoutRebuildNote(r.stderr) };
};

let dir: string;
beforeAll(() => {
  dir = tempDir('cli-bundle');
  currentCliBundle();
}, 200_000);

describe('the built command line', () => {
  it('runs info, a DOCX export and its import from the bundle, each command from its own chunk', async () => {
    const file = path.join(dir, 'rich.rapporteur');
    writeRichConference(file);
    const info = spawn(['info', 'rich.rapporteur', '--json'], dir);
    expect(info.status).toBe(0);
    expect((JSON.parse(info.stdout) as { meta: { templateId: string } }).meta.templateId).toBe(
      'conference-proceedings',
    );

    const exported = spawn(['export', 'rich.rapporteur', '--docx', 'rich.docx'], dir);
    // The rich conference holds one element no exporter knows: a note, and nothing else.
    expect(exported.stderr).toBe('note: Unknown element “mystery-widget” was exported as plain paragraphs.\n');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^Wrote .*rich\.docx \(\d+ bytes, \d+ ms\)\n$/);
    expect(pandocSummary(path.join(dir, 'rich.docx')).headers).toContain('Annex 2 List of participants');

    // The importer's chunk (mammoth for .docx) loads too: the Word file comes back as a conference.
    const imported = spawn(['import', 'rich.docx', '-o', 'back.rapporteur', '--json'], dir);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ output: path.join(dir, 'back.rapporteur') });
    // What it wrote is read in process: the bundle's info command has run above.
    const back = await runCli(dir, ['info', 'back.rapporteur', '--json']);
    expect((JSON.parse(back.out) as { parts: unknown[] }).parts.length).toBeGreaterThan(2);
  });

  it('has the import worker beside the bundle, so imports are parsed with its memory and time limits', () => {
    const worker = path.join(projectRoot, 'dist', 'cli', 'import-worker.cjs');
    expect(fs.existsSync(worker)).toBe(true);
    expect(fs.readFileSync(worker, 'utf8')).toContain('parentPort');
  });

  it('answers wrong arguments with status 2 and a bad file with status 1, without a stack trace', () => {
    const wrong = spawn(['info', '--frob'], dir);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^rapporteur info: Unknown option '--frob'/);
    fs.writeFileSync(path.join(dir, 'notes.rapporteur'), 'notes');
    const bad = spawn(['info', 'notes.rapporteur'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'rapporteur info: “notes.rapporteur” is not a Rapporteur conference file (it is not a SQLite database).\n',
    );
  });

  it('ends quietly when the reader of its output goes away (| head)', async () => {
    // More than a pipe's buffer (64 KiB) of output, so the write meets the closed pipe.
    const file = path.join(dir, 'many-parts.rapporteur');
    const store = ConferenceStore.create(file, { templateId: 'workshop-report', title: 'Many parts' });
    try {
      const title = 'On the protection of migrant workers and members of their families '.repeat(12);
      for (let i = 0; i < 160; i++) store.addPart({ parentId: null, kind: 'session', title: `${i}. ${title}` });
    } finally {
      store.close();
    }
    // The same command in process says how long the output is (the bundle runs the same code).
    const full = await runCli(dir, ['info', file, '--json']);
    expect(full.out.length).toBeGreaterThan(128 * 1024);
    const piped = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${launcher}" info "${file}" --json | head -c 10; exit "\${PIPESTATUS[0]}"`],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(piped.stdout).toBe('{\n  "file"');
    expect(withoutRebuildNote(piped.stderr)).toBe('');
    expect(piped.status).toBe(0);
  });
});
