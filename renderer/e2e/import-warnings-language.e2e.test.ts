/**
 * Issue 14: an import warning reads in the interface language. Seed 002 as the real importer
 * imported it for the run (kept by the global setup), then opened with Chromium in Spanish and in
 * French: the warnings panel, and the markers of a warning in the text and of one on a part's title, say it in that language; a warning stored before the catalogue (no key)
 * shows its English message as it is. Screenshots: rapporteur-import-warnings-<lang>.png in RAPPORTEUR_SHOTS when it is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeNewConference } from '../../electron/node/importer';
import { seedImport } from '../../seeds/testing/seed-imports';
import { localizeWarning } from '../../shared/i18n/import-warnings';
import type { WarningDraft } from '../../shared/import';
import { startBrowserMode, type BrowserMode, shot } from './harness';

const SEED = path.resolve(
  'seeds/source',
  fs.readdirSync(path.resolve('seeds/source')).find((f) => f.startsWith('002_'))!,
);
const OLD_MESSAGE = 'An English warning stored by an older version.';

const cases = [
  {
    locale: 'es-ES',
    lang: 'es',
    button: /^Avisos de importación \(\d+\)$/,
    panel: 'Avisos de importación',
    gap: 'La sección VI sigue a la sección IV: no hay sección V. En la conferencia, las secciones se numeran de forma consecutiva.',
    annex: 'El texto hace referencia a un anexo que no figura en el archivo.',
    showInText: 'Mostrar en el texto',
    showTitle: 'Mostrar el título',
    markerLabel: 'Advertencia de importación: ',
    marker: /^Advertencia de importación: El texto hace referencia a un anexo que no figura en el archivo\.$/,
  },
  {
    locale: 'fr-FR',
    lang: 'fr',
    button: /^Avertissements d’importation \(\d+\)$/,
    panel: 'Avertissements d’importation',
    gap: 'La section VI suit la section IV\u00a0: il n’y a pas de section V. Les sections sont numérotées dans l’ordre dans la conférence.',
    annex: 'Le texte renvoie à une annexe qui ne figure pas dans le fichier.',
    showInText: 'Afficher dans le texte',
    showTitle: 'Afficher le titre',
    markerLabel: 'Avertissement d’importation\u00a0: ',
    marker: /^Avertissement d’importation\u00a0: Le texte renvoie à une annexe qui ne figure pas dans le fichier\.$/,
  },
] as const;

for (const c of cases) {
  describe(`import warnings with the browser in ${c.locale}`, () => {
    let app: BrowserMode;
    let page: Page;
    let file: string;
    let imported: WarningDraft[];
    beforeAll(async () => {
      file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-warnings-')), 'annual.rapporteur');
      // The seed as the app imports it, kept for the run by the global setup: these tests are about
      // showing the warnings; the import dialog below imports the seed for itself.
      const result = await seedImport('002');
      imported = result.warnings;
      writeNewConference(result, file);
      // A warning as a file from before the catalogue holds it: English words, no key.
      const db = new Database(file);
      db.prepare(
        "INSERT INTO import_warnings (part_id, line, code, message, status) VALUES (NULL, 3, 'OLD_FILE', ?, 'open')",
      ).run(OLD_MESSAGE);
      db.close();
      app = await startBrowserMode({ openFile: file, locale: c.locale });
      page = await app.openApp();
    });
    afterAll(async () => {
      await app.close();
    });

    test('the panel and the markers in the text and on a title say the warning in that language', async () => {
      await page.getByRole('button', { name: c.button }).click();
      const panel = page.getByRole('region', { name: c.panel });
      await expect.poll(() => panel.getByText(c.gap, { exact: true }).count()).toBe(1);
      // Every warning of the import is in the language; only the old one keeps its stored English.
      const messages = await panel.locator('.import-warning .message').allTextContents();
      const expected = [...imported.map((w) => localizeWarning(w, c.lang)), OLD_MESSAGE];
      expect(imported.length).toBeGreaterThan(10);
      expect(messages.sort()).toEqual(expected.sort());
      expect(messages.filter((m) => imported.some((w) => w.message === m))).toEqual([]);
      await shot(page, `rapporteur-import-warnings-${c.lang}.png`);

      // The marker beside the passage, in the open part, names the warning in that language too.
      const annex = panel.getByRole('listitem').filter({ hasText: c.annex });
      await annex.first().getByRole('button', { name: c.showInText }).click();
      const marker = page.locator('.editor-shell .warning-marker');
      await expect
        .poll(async () =>
          (await marker.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).some((l) =>
            c.marker.test(l),
          ),
        )
        .toBe(true);
      await shot(page, `rapporteur-import-warnings-${c.lang}-marker.png`);

      // The numbering gap concerns a section's number: its title is marked, its marker in that language too.
      await page.getByRole('button', { name: c.button }).click();
      await panel.getByRole('listitem').filter({ hasText: c.gap }).getByRole('button', { name: c.showTitle }).click();
      const titleMarker = page.locator('h2.part-title.has-warning .title-warning-marker');
      await expect.poll(() => titleMarker.getAttribute('aria-label')).toBe(`${c.markerLabel}${c.gap}`);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('h2.part-title.has-warning') !== null))
        .toBe(true);
    });
  });
}

describe('the import dialog with the browser in es-ES', () => {
  let app: BrowserMode;
  beforeAll(async () => {
    app = await startBrowserMode({ locale: 'es-ES' });
  });
  afterAll(async () => {
    await app.close();
  });

  test('lists what to check in Spanish once the report is imported', async () => {
    const page = await app.openApp();
    await page.getByRole('button', { name: 'Importar un informe…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importar informe' });
    await dialog.getByLabel('Archivo del informe (.txt, .md o .docx)').setInputFiles(SEED);
    await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
    // The import takes seconds in its worker: asked every half second, not every 50 ms (each asking costs CPU).
    await expect
      .poll(() => dialog.textContent(), { timeout: 60_000, interval: 500 })
      .toMatch(/\d+ aspectos que revisar/);
    await expect
      .poll(() =>
        dialog
          .getByText(
            'La sección VI sigue a la sección IV: no hay sección V. En la conferencia, las secciones se numeran de forma consecutiva.',
            { exact: true },
          )
          .count(),
      )
      .toBe(1);
    expect(await dialog.textContent()).not.toContain('follows section');
    await shot(page, 'rapporteur-import-warnings-es-dialog.png');
  });
});
