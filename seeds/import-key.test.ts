/**
 * The key under which the seeds' imports and the samples are kept for the tests: it covers the
 * importer's whole source graph, the templates, the catalogues and the seeds, and any change to one
 * of them changes it (so a kept import is never read in place of a fresh one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../shared/import';
import { importInputs, keyOf, sampleInputs } from './import-key';
import { keepImport, keptImport } from './testing/seed-imports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rap-import-key-'));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the key of the kept seed imports', () => {
  const inputs = importInputs();

  it('covers the importer’s source graph, nested folders included, its templates, catalogues, seeds and packages', () => {
    for (const file of [
      'electron/node/importer/parse-report.ts',
      'electron/node/importer/import-worker.ts',
      'electron/node/templates.ts',
      'shared/import/index.ts',
      'seeds/templates/conference-proceedings.json',
      'shared/i18n/messages/fr/importWarnings.json',
      'package-lock.json',
    ])
      expect(inputs, file).toContain(file);
    // A module two folders down (the old modification-time check read only the top folders).
    expect(inputs.some((f) => /^shared\/import\/[^/]+\/[^/]+\.ts$/.test(f))).toBe(true);
    expect(inputs.filter((f) => f.startsWith('seeds/source/')).length).toBe(5);
    expect(inputs.filter((f) => /\.test\.ts$|^node_modules\//.test(f))).toEqual([]);
    // The samples depend on that and on the code writing a conference file.
    const samples = sampleInputs();
    expect(inputs.filter((f) => !samples.includes(f))).toEqual([]);
    expect(samples).toContain('electron/node/store/conference-store.ts');
    expect(samples).toContain('electron/node/importer/write-conference.ts');
  });

  it('changes when any one input changes, by one byte; not when nothing does, nor with the order', () => {
    const contents = new Map(inputs.map((f) => [f, fs.readFileSync(path.join(root, f))]));
    const read = (f: string) => contents.get(f)!;
    const key = keyOf(inputs, read);
    expect(keyOf([...inputs].reverse(), read)).toBe(key);
    const changed = (file: string) =>
      keyOf(inputs, (f) => {
        const bytes = Buffer.from(read(f));
        if (f === file) bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
        return bytes;
      });
    const probes = [
      inputs.find((f) => f.startsWith('shared/import/'))!,
      inputs.find((f) => f.startsWith('seeds/source/'))!,
      'seeds/templates/workshop-report.json',
      'package-lock.json',
    ];
    for (const probe of probes) expect(changed(probe), probe).not.toBe(key);
    // A file added to the graph changes it too.
    expect(keyOf([...inputs, 'README.md'], (f) => (f === 'README.md' ? Buffer.from('x') : read(f)))).not.toBe(key);
  });

  it('a kept import is read back only under its own key', () => {
    const result = { templateId: 'workshop-report', parts: [], warnings: [] } as unknown as ImportResult;
    keepImport('003', result, 'key-a', dir);
    expect(keptImport('003', 'key-a', dir)).toEqual(result);
    expect(keptImport('003', 'key-b', dir)).toBeNull();
    expect(keptImport('004', 'key-a', dir)).toBeNull();
    // Written beside its place and renamed: nothing half-written is left.
    expect(fs.readdirSync(dir)).toEqual(['003.json']);
  });
});
