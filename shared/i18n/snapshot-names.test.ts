import { describe, expect, test } from 'vitest';
import { snapshotName, type SnapshotNameValues } from './snapshot-names';

const VALUES: SnapshotNameValues = {
  beforeReplace: { query: 'Comisién', replacement: 'Comisión' },
  beforeRepair: { find: 'Comisién', replace: 'Comisión' },
  beforeRestore: { name: 'Borrador' },
  beforeImport: { source: 'informe.docx' },
  beforeMerge: { names: ['Ana', 'Luis'] },
  kitVersion: { name: 'Ana' },
};
const KEYS = Object.keys(VALUES) as (keyof SnapshotNameValues)[];
const name = <K extends keyof SnapshotNameValues>(key: K, tag: string) => snapshotName(key, VALUES[key], tag);

describe('names of the snapshots Rapporteur takes by itself', () => {
  test('are in the conference language, with the values in them', () => {
    for (const key of KEYS) {
      const en = name(key, 'en');
      for (const tag of ['es', 'es-CL', 'fr']) {
        const translated = name(key, tag);
        expect(translated, `${key} in ${tag}`).not.toBe(en);
        for (const value of Object.values(VALUES[key]).flat()) expect(translated).toContain(value);
      }
    }
    expect(name('beforeRestore', 'es')).toBe('Antes de restaurar «Borrador»');
    expect(name('beforeMerge', 'es')).toBe('Antes de incorporar los kits de Ana y Luis');
    expect(name('beforeRestore', 'fr')).toBe('Avant la restauration de «\u00A0Borrador\u00A0»');
    expect(name('beforeMerge', 'en')).toBe('Before bringing in kits of Ana and Luis');
  });

  test('fall back to English for a language without a catalogue, and keep within the contract’s 200 characters', () => {
    expect(name('beforeImport', 'de')).toBe('Before importing “informe.docx”');
    const long = snapshotName('beforeMerge', { names: Array.from({ length: 40 }, (_, i) => `Rapporteur ${i}`) }, 'fr');
    expect(long.length).toBe(200);
    expect(snapshotName('beforeReplace', { query: 'x'.repeat(500), replacement: 'y' }, 'es')).toContain(
      `«${'x'.repeat(60)}»`,
    );
  });
});
