import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode, shot } from './harness';

/**
 * The interface in the browser's language (issue 14): with Chromium set to Spanish, then French,
 * the first screen, an error, the conference view and the export dialog speak that language.
 * Screenshots (rapporteur-i18n-<lang>-*.png) go to RAPPORTEUR_SHOTS when it is set.
 */
const cases = [
  {
    locale: 'es-ES',
    lang: 'es',
    first: {
      heading: 'Nueva conferencia a partir de una plantilla',
      create: 'Crear conferencia',
      open: 'Abrir un archivo de conferencia…',
      chooser: 'Abrir conferencia',
      openButton: 'Abrir',
    },
    error: '«minutes.rapporteur» no es un archivo de conferencia de Rapporteur (no es una base de datos SQLite).',
    dismiss: 'Descartar',
    conference: {
      details: 'Datos de la conferencia',
      programme: 'Programa',
      export: 'Exportar…',
      outline: 'Esquema de las partes',
      part: 'Antecedentes',
      saved: 'Todos los cambios guardados',
      toolbar: 'Formato',
    },
    exportDialog: {
      title: 'Exportar las actas',
      allParts: 'Todas las partes',
      close: 'Cerrar',
      preview: 'Vista previa del PDF',
      back: 'Volver a las opciones',
      // Every stage the preview can show while it runs ("Vista previa: Componiendo las páginas…").
      stages:
        /^Vista previa: (En cola|Compilando las actas|Preparando las páginas|Componiendo las páginas|Escribiendo el PDF \(\d+ páginas?\)|Terminado)…$/,
    },
  },
  {
    locale: 'fr-FR',
    lang: 'fr',
    first: {
      heading: 'Nouvelle conférence à partir d’un modèle',
      create: 'Créer la conférence',
      open: 'Ouvrir un fichier de conférence…',
      chooser: 'Ouvrir une conférence',
      openButton: 'Ouvrir',
    },
    error:
      '«\u00a0minutes.rapporteur\u00a0» n’est pas un fichier de conférence Rapporteur (ce n’est pas une base de données SQLite).',
    dismiss: 'Fermer le message',
    conference: {
      details: 'Informations sur la conférence',
      programme: 'Programme',
      export: 'Exporter…',
      outline: 'Plan des parties',
      part: 'Historique',
      saved: 'Toutes les modifications sont enregistrées',
      toolbar: 'Mise en forme',
    },
    exportDialog: {
      title: 'Exporter les actes',
      allParts: 'Toutes les parties',
      close: 'Fermer',
      preview: 'Aperçu du PDF',
      back: 'Retour aux options',
      stages:
        /^Aperçu\u00a0: (En attente|Compilation des actes|Préparation des pages|Mise en page|Écriture du PDF \(\d+ pages?\)|Terminé)…$/,
    },
  },
] as const;

for (const c of cases) {
  describe(`the interface with the browser in ${c.locale}`, () => {
    let app: BrowserMode;
    let page: Page;
    const shotOf = (name: string) => shot(page, `rapporteur-i18n-${c.lang}-${name}.png`);
    beforeAll(async () => {
      app = await startBrowserMode({ locale: c.locale });
      fs.mkdirSync(path.join(app.dir, 'workspace'), { recursive: true });
      fs.writeFileSync(path.join(app.dir, 'workspace', 'minutes.rapporteur'), 'Minutes of the first session');
      page = await app.openApp();
    });
    afterAll(async () => {
      await app.close();
    });

    test('the first screen', async () => {
      await expect.poll(() => page.getByRole('heading', { name: c.first.heading }).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(c.lang);
      expect(await page.getByRole('button', { name: c.first.create }).isVisible()).toBe(true);
      await shotOf('first-screen');
    });

    test('an error from the services', async () => {
      await page.getByRole('button', { name: c.first.open }).click();
      const chooser = page.getByRole('dialog', { name: c.first.chooser });
      await chooser.getByRole('option', { name: 'minutes.rapporteur' }).click();
      await chooser.getByRole('button', { name: c.first.openButton, exact: true }).click();
      // The notice's text, without its dismiss button.
      await expect.poll(() => page.getByRole('alert').locator('span').textContent()).toBe(c.error);
      await shotOf('error');
      await page.getByRole('button', { name: c.dismiss }).click();
    });

    test('the conference view', async () => {
      await page.getByRole('button', { name: c.first.create }).click();
      await expect.poll(() => page.getByRole('button', { name: c.conference.details }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: c.conference.programme, exact: true }).isVisible()).toBe(true);
      // A conference created in this language starts with the template's titles in it.
      const outline = page.getByRole('navigation', { name: c.conference.outline });
      await outline.getByRole('treeitem').filter({ hasText: c.conference.part }).locator('.outline-item').click();
      await expect.poll(() => page.getByRole('toolbar', { name: c.conference.toolbar }).isVisible()).toBe(true);
      expect(await page.getByTestId('save-status').textContent()).toBe(c.conference.saved);
      await shotOf('conference');
    });

    test('the export dialog', async () => {
      await page.getByRole('button', { name: c.conference.export, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: c.exportDialog.title });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.getByLabel(c.exportDialog.allParts).isChecked()).toBe(true);
      await shotOf('export-dialog');
      // The progress of a preview, worded from the services' stage keys: every text the progress line
      // showed is recorded as the page renders it, then compared once the preview is there.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { progressTexts: string[] }).progressTexts = seen;
        new MutationObserver(() => {
          const text = document.querySelector('.export-progress span')?.textContent;
          if (text && seen.at(-1) !== text) seen.push(text);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await dialog.getByRole('button', { name: c.exportDialog.preview, exact: true }).click();
      await expect.poll(() => dialog.locator('iframe.export-preview').count()).toBe(1);
      const progress = await page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);
      expect(progress.length).toBeGreaterThan(0);
      for (const text of progress) expect(text).toMatch(c.exportDialog.stages);
      await dialog.getByRole('button', { name: c.exportDialog.back, exact: true }).click();
      await dialog.getByRole('button', { name: c.exportDialog.close, exact: true }).click();
      await expect.poll(() => dialog.count()).toBe(0);
    });
  });
}

describe('the interface language chosen in the app', () => {
  let app: BrowserMode;
  beforeAll(async () => {
    app = await startBrowserMode({ locale: 'en-US' });
  });
  afterAll(async () => {
    await app.close();
  });

  test('applies at once, is kept in the settings, and can follow the browser again', async () => {
    const page = await app.openApp();
    await expect
      .poll(() => page.getByRole('heading', { name: 'New conference from a template' }).isVisible())
      .toBe(true);
    await page.getByLabel('Interface language').selectOption('es');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Nueva conferencia a partir de una plantilla' }).isVisible())
      .toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    // The choice is saved by a call that can land after the screen changed.
    const storedChoice = () => {
      const file = path.join(app.dir, 'data', 'settings.json');
      return fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { uiLanguage?: string }).uiLanguage
        : null;
    };
    await expect.poll(storedChoice).toBe('es');

    // Another tab (no remembered choice in its storage) starts from the stored setting.
    const other = await app.openApp();
    await other.evaluate(() => localStorage.clear());
    await other.reload();
    await expect
      .poll(() => other.getByRole('heading', { name: 'Nueva conferencia a partir de una plantilla' }).isVisible())
      .toBe(true);

    await other.getByLabel('Idioma de la interfaz').selectOption('system');
    await expect
      .poll(() => other.getByRole('heading', { name: 'New conference from a template' }).isVisible())
      .toBe(true);
  });
});
