/**
 * Issue 14: every warning the importer raises on the five seeds (and on a file that is not UTF-8)
 * is a message of the importWarnings catalogue, so that it reads in the user's language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { icuArguments } from '../../../shared/i18n/catalogue-check';
import { catalogues } from '../../../shared/i18n/catalogues';
import { importWarningText, isImportWarningKey } from '../../../shared/i18n/import-warnings';
import { UI_LANGUAGES } from '../../../shared/i18n/ui-language';
import { decodeText, type WarningDraft } from '../../../shared/import';
import { seedImport } from '../../../seeds/testing/seed-imports';

const SOURCE = path.join(path.dirname(new URL(import.meta.url).pathname), '../../../seeds/source');
const seeds = fs.readdirSync(SOURCE).filter((f) => /^00\d_/.test(f));

/** The seed's warnings as the app imports it (imported once per run: seeds/testing/seed-imports.ts). */
const importSeed = async (file: string): Promise<WarningDraft[]> => (await seedImport(file.slice(0, 3))).warnings;

/** The English source text of a key, read straight from the JSON (not through i18next). */
function englishSource(key: string): string {
  return key
    .split('.')
    .reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], catalogues.en.importWarnings) as string;
}

/** Checks one warning; returns its problems (empty when it is a well-formed catalogue message). */
function problems(w: WarningDraft): string[] {
  const where = `${w.code} at line ${w.line}`;
  if (!w.key) return [`${where}: no catalogue key (“${w.message.slice(0, 60)}”)`];
  if (!isImportWarningKey(w.key)) return [`${where}: unknown key ${w.key}`];
  const out: string[] = [];
  const wanted = new Set(icuArguments(englishSource(w.key)).map((a) => a.split(':')[0]));
  const given = new Set(Object.keys(w.values ?? {}));
  for (const a of wanted) if (!given.has(a!)) out.push(`${where}: value “${a}” missing`);
  for (const a of given) if (!wanted.has(a)) out.push(`${where}: value “${a}” not used by ${w.key}`);
  const plain = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
  // A value is plain, or a list of entries of plain values (worded entry by entry: listItem.<key>).
  for (const v of Object.values(w.values ?? {}))
    if (!plain(v) && !(Array.isArray(v) && v.every((e) => e && typeof e === 'object' && Object.values(e).every(plain))))
      out.push(`${where}: value ${JSON.stringify(v).slice(0, 80)} is neither plain nor a list of plain entries`);
  if (importWarningText({ key: w.key, values: w.values }, 'en') !== w.message)
    out.push(`${where}: stored English message differs from the catalogue's`);
  for (const lang of UI_LANGUAGES) {
    const text = importWarningText({ key: w.key, values: w.values }, lang);
    let words = text;
    const shown = Object.values(w.values ?? {}).flatMap((v) =>
      Array.isArray(v) ? v.flatMap((e) => Object.values(e as object)) : [v],
    );
    for (const v of shown) words = words.split(String(v)).join('');
    if (!words.trim() || text.includes('importWarnings:') || /[{}]/.test(words))
      out.push(`${where}: ${lang} text “${text.slice(0, 80)}” is not a formatted message`);
  }
  return out;
}

describe('the importer’s warnings are catalogue messages', () => {
  const seen = new Map<string, string>();

  it.each(seeds)('%s: every warning has a known key, its values, and the catalogue’s English message', async (file) => {
    const warnings = await importSeed(file);
    expect(warnings.flatMap(problems)).toEqual([]);
    for (const w of warnings) seen.set(w.key!, w.code);
  });

  it('the seeds raise many kinds of warning, each translated into Spanish and French', () => {
    expect(seeds).toHaveLength(5);
    expect(seen.size).toBeGreaterThanOrEqual(25);
    const source = (lang: 'es' | 'fr', key: string) =>
      key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], catalogues[lang].importWarnings);
    const untranslated = [...seen.keys()].filter(
      (k) => source('es', k) === englishSource(k) || source('fr', k) === englishSource(k),
    );
    expect(untranslated).toEqual([]);
  });

  it('a file that is not UTF-8 gets the encoding warning from the catalogue', () => {
    const latin1 = Buffer.from('Informe de la reunión\n\nSan José, Costa Rica\n', 'latin1');
    const { warnings } = decodeText(latin1, 'informe.txt');
    expect(warnings.map((w) => [w.code, w.key])).toEqual([['ENCODING', 'encoding']]);
    expect(warnings.flatMap(problems)).toEqual([]);
    expect(importWarningText({ key: 'encoding' }, 'es')).toMatch(/^El archivo no está en UTF-8 válido/);
  });
});
