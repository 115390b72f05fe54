// The desktop app's menus follow the interface language chosen in the app, at once (no restart),
// under the Chromium-backed stand-in loading the built bundle.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startDesktopApp, type DesktopApp } from './testing/desktop-harness';

type Item = { label?: string; role?: string; submenu?: Item[] };
interface DesktopWindow {
  rapporteur: { api: Record<string, (input: unknown) => Promise<{ ok: boolean }>> };
}

let app: DesktopApp;
let page: Page;
beforeAll(async () => {
  app = await startDesktopApp();
  page = await app.mainPage();
});
afterAll(async () => {
  await app?.close();
});

const labels = () => (app.electron.menuTemplate() as Item[]).map((m) => m.label ?? m.role);
const fileItems = () => {
  const menus = app.electron.menuTemplate() as Item[];
  const file = menus[labels().findIndex((l) => /Archivo|Fichier|File/.test(l ?? ''))]!;
  return file.submenu!.map((i) => i.label).filter(Boolean);
};

test('choosing Spanish, then French, in the app rebuilds the menus in that language', async () => {
  expect(labels()).toEqual(expect.arrayContaining(['&File', '&Edit', '&View']));
  const choose = (uiLanguage: string) =>
    page.evaluate(
      async (l) => (window as unknown as DesktopWindow).rapporteur.api.setUiLanguage!({ uiLanguage: l }),
      uiLanguage,
    );

  expect((await choose('es')).ok).toBe(true);
  await expect.poll(labels).toEqual(expect.arrayContaining(['&Archivo', '&Edición', '&Insertar', '&Ver']));
  expect(fileItems()).toEqual(
    expect.arrayContaining([
      'Nueva a partir de una plantilla…',
      'Abrir…',
      'Guardar una copia…',
      'Exportar…',
      'Cerrar conferencia',
    ]),
  );

  expect((await choose('fr')).ok).toBe(true);
  await expect.poll(labels).toEqual(expect.arrayContaining(['&Fichier', 'É&dition', '&Affichage']));
  expect(fileItems()).toEqual(expect.arrayContaining(['Ouvrir…', 'Enregistrer une copie…', 'Fermer la conférence']));

  // Back to the system's language: the stand-in's system is English.
  expect((await choose('system')).ok).toBe(true);
  await expect.poll(labels).toEqual(expect.arrayContaining(['&File', '&Edit', '&View']));
});
