import { describe, expect, it } from 'vitest';
import { ImportContext } from '../import/result';
import {
  ImportWarningKeySchema,
  importWarningText,
  isImportWarningKey,
  localizeWarning,
  WarningValuesSchema,
} from './import-warnings';

describe('import warnings from the catalogue', () => {
  it('keep the English message the importer wrote before, and carry their key and values', () => {
    const ctx = new ImportContext();
    ctx.warn(12, 'LINK_DROPPED', { key: 'linkDropped', values: { count: 2, shown: '“javascript:void0”, “ftp:x”' } });
    ctx.warn(40, 'OCR_REPAIR', {
      key: 'ocrRepair',
      values: { from: 'socia', to: 'social', count: 1, damage: 'dropped_letter' },
    });
    expect(ctx.warnings[0]).toMatchObject({
      code: 'LINK_DROPPED',
      key: 'linkDropped',
      values: { count: 2 },
      message:
        '2 links to an address that is not a web page or e-mail (“javascript:void0”, “ftp:x”) were kept as plain text: only http, https and mailto links are stored.',
    });
    expect(ctx.warnings[1]!.message).toBe(
      '“socia” (once) looks like OCR damage (dropped letter) of “social”. Not changed until you accept it.',
    );
  });

  it('read in Spanish and French, with their plurals', () => {
    const text = { key: 'programmeColumns', values: { times: 1, items: 12 } } as const;
    expect(importWarningText(text, 'es')).toBe(
      'El programa tiene 1 horario y 12 puntos; se emparejaron en orden, por lo que debe verificar los horarios de los últimos puntos.',
    );
    expect(importWarningText(text, 'fr')).toBe(
      'Le programme compte 1\u00a0horaire et 12\u00a0points\u00a0; ils ont été associés dans l’ordre\u00a0: vérifiez donc les horaires des derniers points.',
    );
    expect(importWarningText({ key: 'noteUnanchored.noMark', values: { number: 7 } }, 'es')).toBe(
      'La nota 7 no tiene llamada en el texto; no se colocó.',
    );
  });

  it('print the words of the source as they are, never as a message or a key', () => {
    for (const text of [
      '$t(common:words)',
      '{count, plural, one {x} other {y}}',
      "{{name}} '{'",
      'importWarnings:noNotes',
    ])
      expect(importWarningText({ key: 'caseOutsideChapter', values: { title: text } }, 'es')).toBe(
        `«${text}» aparece antes de cualquier capítulo; se convirtió en capítulo.`,
      );
  });

  it('fall back to the stored message when the key is absent or unknown', () => {
    expect(localizeWarning({ message: 'Old words.' }, 'es')).toBe('Old words.');
    expect(localizeWarning({ message: 'Old words.', key: 'toString', values: {} }, 'fr')).toBe('Old words.');
    expect(localizeWarning({ message: 'x', key: 'noNotes', values: null }, 'fr')).toBe(
      'Aucun texte de note n’a été trouvé en bas de page.',
    );
    expect(isImportWarningKey('annexAbsent')).toBe(false);
    expect(isImportWarningKey('annexAbsent.listed')).toBe(true);
  });

  it('accept only known keys and plain values at a boundary', () => {
    expect(ImportWarningKeySchema.safeParse('tocSkipped').success).toBe(true);
    expect(ImportWarningKeySchema.safeParse('errors.file.exists').success).toBe(false);
    expect(WarningValuesSchema.safeParse({ count: 2, name: 'Pérez' }).success).toBe(true);
    expect(WarningValuesSchema.safeParse({ name: { toString: 'x' } }).success).toBe(false);
    expect(WarningValuesSchema.safeParse({ n: Number.NaN }).success).toBe(false);
  });

  it('word a list value entry by entry and join it as the language does (the names not linked, with their lines)', () => {
    const ctx = new ImportContext();
    const names = [
      { name: 'Joseph-Alfred Grinbalt', line: 3862 },
      { name: 'Heraldo Muñoz', line: 12040 },
    ];
    ctx.warn(3835, 'PROGRAMME_NAMES', { key: 'programmeNames', values: { names } });
    expect(ctx.warnings[0]!.values).toEqual({ names });
    expect(ctx.warnings[0]!.message).toContain(
      'were not linked: “Joseph-Alfred Grinbalt” (line 3862) and “Heraldo Muñoz” (line 12040).',
    );
    const stored = { message: ctx.warnings[0]!.message, key: 'programmeNames', values: { names } };
    expect(localizeWarning(stored, 'es')).toContain(
      'no se vincularon: «Joseph-Alfred Grinbalt» (línea 3862) y «Heraldo Muñoz» (línea 12040).',
    );
    expect(localizeWarning(stored, 'fr')).toContain(
      'n’ont pas été liés\u00a0: «\u00a0Joseph-Alfred Grinbalt\u00a0» (ligne 3862) et «\u00a0Heraldo Muñoz\u00a0» (ligne 12040).',
    );
    // A file from before lists them in one English string: shown as it was stored.
    const before = { names: '“Joseph-Alfred Grinbalt” (line 3862)' };
    expect(localizeWarning({ message: '', key: 'programmeNames', values: before }, 'es')).toContain(
      'no se vincularon: “Joseph-Alfred Grinbalt” (line 3862).',
    );
  });

  it('accept a list of plain entries at a boundary, and nothing deeper or longer', () => {
    expect(WarningValuesSchema.safeParse({ names: [{ name: 'Pérez', line: 3 }] }).success).toBe(true);
    expect(WarningValuesSchema.safeParse({ names: [{ name: { first: 'Ana' } }] }).success).toBe(false);
    expect(WarningValuesSchema.safeParse({ names: [['Ana', 3]] }).success).toBe(false);
    const many = Array.from({ length: 501 }, (_, i) => ({ name: `N${i}`, line: i }));
    expect(WarningValuesSchema.safeParse({ names: many }).success).toBe(false);
  });
});
