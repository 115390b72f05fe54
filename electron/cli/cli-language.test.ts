import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { posixLocaleLanguages } from '../../shared/i18n/ui-language';
import { runCli } from './cli.testkit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-cli-lang-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'notes.rapporteur'), 'Notes of the first session');

describe('the command line in the locale’s language', () => {
  it('reads the POSIX locale variables, best first', () => {
    expect(posixLocaleLanguages({ LANG: 'es_ES.UTF-8' })).toEqual(['es-ES']);
    expect(posixLocaleLanguages({ LANGUAGE: 'fr_CA:en', LANG: 'en_US.UTF-8' })).toEqual(['fr-CA', 'en', 'en-US']);
    expect(posixLocaleLanguages({ LC_ALL: 'C', LANG: 'C.UTF-8' })).toEqual([]);
  });

  it('tells a refused file in Spanish or French, in English otherwise', async () => {
    const es = await runCli(dir, ['info', 'notes.rapporteur'], { LANG: 'es_CL.UTF-8' });
    expect(es.code).toBe(1);
    expect(es.err).toBe(
      'rapporteur info: «notes.rapporteur» no es un archivo de conferencia de Rapporteur (no es una base de datos SQLite).\n',
    );
    const fr = await runCli(dir, ['info', 'notes.rapporteur'], { LC_ALL: 'fr_FR.UTF-8' });
    expect(fr.err).toBe(
      'rapporteur info: «\u00a0notes.rapporteur\u00a0» n’est pas un fichier de conférence Rapporteur (ce n’est pas une base de données SQLite).\n',
    );
    const en = await runCli(dir, ['info', 'notes.rapporteur'], { LANG: 'C.UTF-8' });
    expect(en.err).toBe(
      'rapporteur info: “notes.rapporteur” is not a Rapporteur conference file (it is not a SQLite database).\n',
    );
  });

  it('tells an unknown command and a missing file in the locale’s language', async () => {
    const unknown = await runCli(dir, ['publish'], { LANG: 'fr_FR.UTF-8' });
    expect(unknown.code).toBe(2);
    expect(unknown.err.split('\n')[0]).toBe('rapporteur\u00a0: commande inconnue «\u00a0publish\u00a0».');
    const missing = await runCli(dir, ['info', 'absent.rapporteur'], { LANG: 'es_ES.UTF-8' });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^rapporteur info: No se encontró «absent\.rapporteur» en /);
  });

  it('creates a conference in Spanish with the template’s Spanish titles, and refuses a language not on the list', async () => {
    const made = await runCli(dir, [
      'new',
      '--template',
      'workshop-report',
      '-o',
      'taller.rapporteur',
      '--language',
      'es-CL',
    ]);
    expect(made.code).toBe(0);
    const info = await runCli(dir, ['info', 'taller.rapporteur', '--json']);
    interface Part {
      title: string;
      children: Part[];
    }
    const parsed = JSON.parse(info.out) as { meta: { language: string }; parts: Part[] };
    const titles = (parts: Part[]): string[] => parts.flatMap((p) => [p.title, ...titles(p.children)]);
    expect(parsed.meta.language).toBe('es-CL');
    expect(titles(parsed.parts)).toEqual([
      'Portada',
      'Antecedentes',
      'Objetivos',
      'Resumen de las intervenciones',
      'Sesión sin título',
      'Contacto',
    ]);
    const refused = await runCli(dir, [
      'new',
      '--template',
      'workshop-report',
      '-o',
      'x.rapporteur',
      '--language',
      'klingon',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/“klingon” is not a conference language Rapporteur offers/);
    expect(fs.existsSync(path.join(dir, 'x.rapporteur'))).toBe(false);
  });
});
