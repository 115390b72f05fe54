/**
 * Issue 14: the notes of an export (what the compile step skipped or guessed) are worded in the
 * interface's language in the export dialog: Chromium in Spanish, a conference holding an element
 * no exporter knows. Screenshot: rapporteur-export-notes-es.png in RAPPORTEUR_SHOTS when it is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeRichConference } from '../../electron/node/export/rich-conference.testkit';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-export-notes-')), 'rich.rapporteur');
  writeRichConference(file);
  app = await startBrowserMode({ openFile: file, locale: 'es-ES' });
});
afterAll(async () => {
  await app.close();
});

test('with the browser in Spanish, the export dialog lists the compile step’s notes in Spanish', async () => {
  const page = await app.openApp();
  await page.getByRole('button', { name: 'Exportar…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exportar las actas' });
  await dialog.getByRole('button', { name: 'Vista previa del PDF' }).click();
  await expect.poll(() => dialog.locator('iframe').count(), { timeout: 90_000 }).toBe(1);
  await dialog.getByRole('button', { name: 'Volver a las opciones' }).click();
  const notes = dialog.locator('details.export-notes');
  await notes.locator('summary').click();
  await expect
    .poll(() => notes.getByRole('listitem').allTextContents())
    .toContain('El elemento desconocido «mystery-widget» se exportó como párrafos sin formato.');
  expect(await notes.textContent()).not.toMatch(/Unknown element|was exported/);
  await shot(page, 'rapporteur-export-notes-es.png');
}, 120_000);
