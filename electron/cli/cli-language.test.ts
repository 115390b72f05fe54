import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { posixLocaleLanguages } from '../../shared/i18n/ui-language';
import { docToPlainText } from '../../shared/model/doc-text';
import { tool } from '../node/export/readers.testkit';
import { ConferenceStore } from '../node/store/conference-store';
import { runCli } from './cli.testkit';
import { commands } from './commands';

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

  it('answers --help in Spanish and in French: every command, its synopsis’ placeholders and what it does', async () => {
    const es = await runCli(dir, ['--help'], { LANG: 'es_CL.UTF-8' });
    expect(es.code).toBe(0);
    const esLines = es.out.split('\n');
    expect(esLines[0]).toBe('Uso: rapporteur <orden> [opciones]');
    expect(es.out).toContain('\nÓrdenes:\n');
    expect(es.out).toMatch(
      /^ {2}snapshot <archivo> --name <nombre> \[--json\] +guarda una instantánea con nombre de la conferencia/m,
    );
    expect(es.out).toContain('Estado de salida: 0 terminado,');
    const fr = await runCli(dir, ['--help'], { LC_ALL: 'fr_FR.UTF-8' });
    expect(fr.out.split('\n')[0]).toBe('Utilisation\u00a0: rapporteur <commande> [options]');
    expect(fr.out).toContain('\nCommandes\u00a0:\n');
    expect(fr.out).toMatch(/^ {2}info <fichier> \[--json\] +métadonnées et plan des parties$/m);
    expect(fr.out).toContain('Code de sortie\u00a0: 0 terminé,');
    // Every command is listed, and no English summary or heading is left in either language.
    const en = await runCli(dir, ['--help'], {});
    for (const out of [es.out, fr.out]) {
      for (const name of Object.keys(commands)) expect(out).toContain(`  ${name} `);
      for (const english of ['Usage:', 'Commands:', 'Exit status', 'list the report templates', '<file>'])
        expect(out).not.toContain(english);
    }
    expect(en.out).toContain('Usage: rapporteur <command> [options]');
    expect(en.out).toContain('  info <file> [--json]');
  });

  it('says what a command did, and a wrong option, in Spanish and in French', async () => {
    const args = ['new', '--template', 'workshop-report', '-o'];
    const es = await runCli(dir, [...args, 'es.rapporteur', '--title', 'Taller'], { LANG: 'es_ES.UTF-8' });
    expect(es).toMatchObject({ code: 0, err: '' });
    expect(es.out).toBe('Se creó es.rapporteur a partir de «workshop-report» con 6 partes.\n');
    const info = await runCli(dir, ['info', 'es.rapporteur'], { LANG: 'es_ES.UTF-8' });
    expect(info.out.split('\n').slice(0, 3)).toEqual(['Taller', 'Plantilla: workshop-report', '']);
    expect(info.out).toMatch(/^ {2}Untitled session {2}\[session, sin empezar, 0 palabras\]$/m);
    const none = await runCli(dir, ['snapshots', 'es.rapporteur'], { LANG: 'es_ES.UTF-8' });
    expect(none.out).toBe(
      'Todavía no hay instantáneas (guarde una con «rapporteur snapshot <archivo> --name <nombre>»).\n',
    );

    const fr = await runCli(dir, [...args, 'fr.rapporteur'], { LANGUAGE: 'fr_CA', LANG: 'en_US.UTF-8' });
    expect(fr.out).toBe('fr.rapporteur créé à partir de «\u00a0workshop-report\u00a0» avec 6 parties.\n');
    const kept = await runCli(dir, ['snapshot', 'fr.rapporteur', '--name', 'Projet 1'], { LANGUAGE: 'fr' });
    expect(kept.out).toMatch(/^Instantané 1 «\u00a0Projet 1\u00a0» conservé \(\d{4}-/);
    const listed = await runCli(dir, ['snapshots', 'fr.rapporteur'], { LANGUAGE: 'fr' });
    expect(listed.out).toMatch(/^ 1 {2}\S+ {2}nommé +Projet 1$/m);

    // The list of templates names them in the user's language; --json keeps the templates' own words.
    const list = await runCli(dir, ['templates'], { LANG: 'fr_FR.UTF-8' });
    expect(list.out).toMatch(/^workshop-report +Rapport d’atelier$/m);
    const json = JSON.parse((await runCli(dir, ['templates', '--json'], { LANG: 'fr_FR.UTF-8' })).out) as {
      name: string;
    }[];
    expect(json.map((t) => t.name)).toContain('Workshop report');

    const wrong = await runCli(dir, ['new', '--bogus'], { LANG: 'fr_FR.UTF-8' });
    expect(wrong.code).toBe(2);
    expect(wrong.err.split('\n').slice(0, 2)).toEqual([
      'rapporteur new: option inconnue «\u00a0--bogus\u00a0» (un argument qui commence par «\u00a0-\u00a0» se place après «\u00a0--\u00a0»).',
      'Utilisation\u00a0: rapporteur new --template <id> -o <fichier> [--title T] [--language <langue>]',
    ]);
    const missing = await runCli(dir, ['snapshot', 'es.rapporteur'], { LANG: 'es_ES.UTF-8' });
    expect(missing.err.split('\n')[0]).toBe(
      'rapporteur snapshot: falta --name <nombre> (el nombre de la instantánea).',
    );
  });

  it('a conference created in Spanish starts with the template’s starting content in Spanish, and exports Spanish labels', async () => {
    const made = await runCli(dir, [
      'new',
      '--template',
      'annual-activity-report',
      '-o',
      'anual.rapporteur',
      '--language',
      'es',
    ]);
    expect(made.code).toBe(0);
    const file = path.join(dir, 'anual.rapporteur');
    const store = ConferenceStore.open(file);
    let implementer: string;
    try {
      const part = store.listParts().find((p) => p.kind === 'implementer')!;
      implementer = docToPlainText(store.getPart(part.id).doc);
    } finally {
      store.close();
    }
    expect(implementer.split('\n').filter(Boolean)).toEqual([
      'Actividades asignadas por el Programa',
      'Actividades realizadas',
      'Actividades previstas',
      'Calendario',
    ]);
    const exported = await runCli(dir, ['export', 'anual.rapporteur', '--docx', 'anual.docx'], { LANG: 'es_ES.UTF-8' });
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^Se generó .*anual\.docx \(\d+ bytes, \d+ ms\)$/m);
    const text = tool('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', path.join(dir, 'anual.docx')]);
    expect(text).toContain('Actividades asignadas por el Programa');
    for (const english of [/Activities assigned/, /Activities carried out/, /\bCalendar\b/, /\bAnnex\b/])
      expect(text).not.toMatch(english);
  }, 60_000);
});
