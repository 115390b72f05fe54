/**
 * Issue 14: what was found damaged or set aside when a file opened reads in the interface language.
 * A conference with a foreign log beside it, damaged details, a part that lost its parent, a damaged
 * participant, programme item and part, opened in browser mode with Chromium in Spanish and in French:
 * the file banner names each in that language, the system's names (files, titles) as they are.
 * Screenshots: rapporteur-file-problems-<lang>.png in RAPPORTEUR_SHOTS when it is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConferenceStore } from '../../electron/node/store/conference-store';
import { docFromText } from '../../electron/node/store/testing/typing';
import { startBrowserMode, type BrowserMode, shot } from './harness';

const N = '\u00a0';
const cases = [
  {
    locale: 'es-ES',
    lang: 'es',
    banner: 'Acerca de este archivo',
    problems: [
      /^«damaged\.rapporteur-wal», junto al archivo, no se aplicó porque el archivo no usa un registro de escritura anticipada; se conservó como «damaged\.rapporteur-wal\.set-aside-[^»]+»\.$/,
      'Los datos de la conferencia están dañados en el archivo: se muestran vacíos; al guardarlos se escriben de nuevo.',
      'La parte «Lost unit» había perdido su lugar en el esquema (falta la parte de la que dependía): se muestra en el nivel superior.',
      'El participante «Ana Pérez» está dañado en el archivo y se omitió.',
      'El punto del programa «Opening» está dañado en el archivo y se omitió.',
      'La parte «Background» está dañada (no se puede leer su texto): se omite hasta que se restaure desde una instantánea.',
    ],
  },
  {
    locale: 'fr-FR',
    lang: 'fr',
    banner: 'À propos de ce fichier',
    problems: [
      new RegExp(
        `^«${N}damaged\\.rapporteur-wal${N}», à côté du fichier, n’a pas été appliqué, car le fichier n’utilise pas de journal d’écriture anticipée${N}; il a été conservé sous le nom «${N}damaged\\.rapporteur-wal\\.set-aside-[^${N}]+${N}»\\.$`,
      ),
      `Les informations de la conférence sont endommagées dans le fichier${N}: elles sont affichées vides${N}; les enregistrer en écrit de nouvelles.`,
      `La partie «${N}Lost unit${N}» avait perdu sa place dans le plan (la partie dont elle dépendait manque)${N}: elle est affichée au premier niveau.`,
      `Le participant «${N}Ana Pérez${N}» est endommagé dans le fichier et a été laissé de côté.`,
      `L’élément du programme «${N}Opening${N}» est endommagé dans le fichier et a été laissé de côté.`,
      `La partie «${N}Background${N}» est endommagée (son texte est illisible)${N}: elle est laissée de côté jusqu’à sa restauration à partir d’un instantané.`,
    ],
  },
] as const;

/** A conference damaged in each way the store names, and a log from elsewhere beside it. */
function damagedConference(file: string): void {
  const s = ConferenceStore.create(file, { title: 'Damaged conference' });
  s.addPart({ parentId: null, kind: 'summary', title: 'Summary', doc: docFromText('Readable text') });
  s.addPart({ parentId: null, kind: 'background', title: 'Background', doc: docFromText('Unreadable soon') });
  s.saveParticipant({
    id: 'p1',
    honorific: '',
    name: 'Ana Pérez',
    title: '',
    organisation: 'ECLAC',
    country: 'Chile',
    group: '',
    role: '',
  });
  s.saveAgendaItem({
    id: 'a1',
    position: 0,
    day: 'Monday',
    start: '09:00',
    end: '10:00',
    title: 'Opening',
    partId: null,
    moderatorId: null,
    speakerIds: [],
  });
  s.close();
  const db = new Database(file);
  db.prepare("UPDATE meta SET value = '{not json' WHERE key = 'conference'").run();
  db.prepare("UPDATE parts SET doc = '{\"root\":' WHERE title = 'Background'").run();
  db.prepare("UPDATE participants SET revision = 'not a number' WHERE id = 'p1'").run();
  db.prepare("UPDATE agenda SET speaker_ids = '[not json' WHERE id = 'a1'").run();
  db.pragma('foreign_keys = OFF');
  db.prepare(
    `INSERT INTO parts (id, parent_id, position, kind, title, doc, updated_at) VALUES ('orphan', 'gone', 0, 'unit', 'Lost unit', ?, '2026-01-01')`,
  ).run(JSON.stringify(docFromText('Orphan text')));
  db.close();
  fs.writeFileSync(`${file}-wal`, 'a log from somewhere else');
}

for (const c of cases) {
  describe(`the file banner with the browser in ${c.locale}`, () => {
    let app: BrowserMode;
    let page: Page;
    let dir: string;
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-problems-'));
      const file = path.join(dir, 'damaged.rapporteur');
      damagedConference(file);
      app = await startBrowserMode({ openFile: file, locale: c.locale });
      page = await app.openApp();
    });
    afterAll(async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('names each problem found on opening in that language', async () => {
      const items = page.getByRole('status', { name: c.banner }).getByRole('listitem');
      await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(c.problems.length);
      const texts = await items.allTextContents();
      c.problems.forEach((expected, i) => {
        if (typeof expected === 'string') expect(texts[i]).toBe(expected);
        else expect(texts[i]).toMatch(expected);
      });
      // The rest opened: the readable part is in the outline.
      expect(await page.getByRole('treeitem').filter({ hasText: 'Summary' }).count()).toBe(1);
      await shot(page, `rapporteur-file-problems-${c.lang}.png`);
    });
  });
}
