/**
 * The OCR check's spelling dictionaries travel inside the built bundles (embedDictionariesPlugin
 * in build/scripts/bundle-options.mjs): the built command line imports seed 000's first pages and offers the
 * dictionary-backed repairs (none of them printed in its export), and the worker bundle names
 * no dictionary package to read.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../node/paths';
import { currentCliBundle } from './cli-bundle.testkit';
import { tempDir } from '../node/export/readers.testkit';

const launcher = path.join(projectRoot, 'build', 'bin', 'rapporteur.mjs');
const worker = path.join(projectRoot, 'dist', 'cli', 'import-worker.cjs');
const seedDir = path.join(projectRoot, 'seeds', 'source');

beforeAll(currentCliBundle, 200_000);

it('the import worker bundle holds the dictionaries and reads none from node_modules', () => {
  const code = fs.readFileSync(worker, 'utf8');
  expect(code).not.toMatch(/node_modules[\\/]+dictionary-|resolve\(["']dictionary-/);
  // Hunspell affix files start with their encoding; the three dictionaries are in the bundle.
  expect(code.match(/SET UTF-8/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
});

it('the built command line imports seed 000’s first pages with their OCR repairs, each once with its count', () => {
  const dir = tempDir('cli-spelling');
  // The dictionaries are the point, not the whole seed: its first 120 lines, read as proceedings,
  // hold dropped letters ("internationa", four times) beside the real word "International".
  const source = fs
    .readFileSync(path.join(seedDir, fs.readdirSync(seedDir).find((f) => f.startsWith('000_'))!), 'utf8')
    .split('\n')
    .slice(0, 120)
    .join('\n');
  const seed = path.join(dir, 'ocr-damaged.txt');
  fs.writeFileSync(seed, source);
  const times = source.match(/\binternationa\b/g)?.length ?? 0;
  expect(times).toBeGreaterThan(1);
  expect(source).toMatch(/\bInternational\b/);
  const r = spawnSync(
    process.execPath,
    [
      launcher,
      'import',
      seed,
      '--template',
      'conference-proceedings',
      '-o',
      path.join(dir, 'ocr.rapporteur'),
      '--json',
    ],
    { cwd: dir, encoding: 'utf8', timeout: 180_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  const db = new Database(path.join(dir, 'ocr.rapporteur'), { readonly: true });
  try {
    const rows = db.prepare("SELECT message, suggestion FROM import_warnings WHERE code = 'OCR_REPAIR'").all() as {
      message: string;
      suggestion: string;
    }[];
    const finds = rows.map((w) => (JSON.parse(w.suggestion) as { find: string }).find);
    expect(new Set(finds).size).toBe(finds.length);
    const internationa = rows.find((w) => (JSON.parse(w.suggestion) as { find: string }).find === 'internationa');
    expect(JSON.parse(internationa!.suggestion)).toEqual({ find: 'internationa', replace: 'international' });
    expect(internationa!.message).toContain(`(${times} times)`);
    expect(finds).not.toContain('International');
  } finally {
    db.close();
  }
  // No warning is printed in an export: the Word file holds the text, damaged words and all, and none of the messages.
  const exported = spawnSync(process.execPath, [launcher, 'export', 'ocr.rapporteur', '--docx', 'ocr.docx'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(exported.status, exported.stderr).toBe(0);
  const text = spawnSync('pandoc', [path.join(dir, 'ocr.docx'), '-t', 'plain', '--wrap=none'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  }).stdout;
  expect(text).toMatch(/\binternationa migration\b/);
  expect(text).not.toMatch(/OCR damage|Not changed until you accept|Suggested:/);
});
