/** Issue 14.4 in Chromium: "@Maria" finds María, a search for "Perez" finds Pérez, and the part's find counts it. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { LexicalDoc } from '../../shared/model/conference';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  children: [{ type: 'text', text, version: 1, format: 0, detail: 0, mode: 'normal', style: '' }],
});

test('“@Maria” offers María Pérez; searching “Perez” finds her part, find in the part counts her, and the speaker dialog knows “maria perez”', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Conferencia hemisférica' });
  const h = view.handle;
  await api.saveParticipant({
    handle: h,
    participant: {
      id: 'p1',
      honorific: 'Sra.',
      name: 'María Pérez',
      title: 'Directora',
      organisation: 'OIM',
      country: 'Chile',
      group: '',
      role: '',
    },
  });
  await api.saveParticipant({
    handle: h,
    participant: {
      id: 'p2',
      honorific: 'Mr.',
      name: 'Tom Li',
      title: '',
      organisation: 'IOM',
      country: '',
      group: '',
      role: '',
    },
  });
  const intro = view.parts.find((p) => p.kind === 'introduction')!;
  const doc = {
    root: {
      type: 'root',
      version: 1,
      children: [paragraph('La Sra. Pérez abrió la sesión.'), paragraph('Last paragraph.')],
    },
  } as unknown as LexicalDoc;
  await api.savePart({ handle: h, partId: intro.id, doc, baseRevision: intro.revision });

  const page = await app.openApp(`&conference=${h}`);
  await page.getByRole('treeitem').filter({ hasText: 'Introduction' }).locator('.outline-item').click();
  const editor = page.getByLabel('Text of Introduction');
  await editor.getByText('Last paragraph.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Thanks to @Maria');
  await page.getByRole('option', { name: /Sra\. María Pérez/ }).waitFor();
  expect(await page.getByRole('option', { name: /Tom Li/ }).count()).toBe(0);
  await page.screenshot({ path: '/tmp/rapporteur-accent-typeahead.png' });
  await page.keyboard.press('Enter');
  await expect.poll(() => editor.locator('.ed-person').allTextContents()).toEqual(['Sra. María Pérez']);

  // The whole conference: "Perez" (no accent, any case) finds the part.
  await expect
    .poll(async () => (await api.search({ handle: h, query: 'perez' })).map((r) => r.partId))
    .toContain(intro.id);
  await page.getByLabel('Search the conference').fill('Perez');
  await page.getByLabel('Search the conference').press('Enter');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect
    .poll(() => results.getByRole('option').allTextContents(), { timeout: 10_000 })
    .toEqual([expect.stringContaining('Pérez')]);
  await page.screenshot({ path: '/tmp/rapporteur-accent-search.png' });
  // Opening the hit finds the word in the part, accents ignored there too (the person is a reference, not text).
  await results.getByRole('option').first().click();
  await expect.poll(() => page.locator('.find-count').textContent(), { timeout: 10_000 }).toMatch(/^\d+ of 1$/);

  // The speaker dialog: "maria perez" typed by hand is the registry's María Pérez, not a new entry.
  await page.getByRole('treeitem').filter({ hasText: 'Speakers' }).first().locator('.outline-item').click();
  await page.getByLabel('Text of Speakers').click();
  await page
    .getByRole('button', { name: /Insert/ })
    .first()
    .click();
  await page.getByText('Presentation summary…').click();
  await page.getByRole('dialog').getByLabel('Speaker').fill('maria perez');
  await page.getByRole('dialog').getByRole('button', { name: 'Insert' }).click();
  await expect.poll(() => page.getByLabel('Text of Speakers').locator('.ed-presentation').count()).toBe(1);
  expect((await api.getConference({ handle: h })).participants.map((p) => p.name)).toEqual(['María Pérez', 'Tom Li']);

  // A participants table with Spanish headers: its columns read, a known person (without accents) not added twice, the unknown column named.
  await page.getByRole('button', { name: 'Participants', exact: true }).click();
  await page.getByRole('button', { name: 'Import participants…' }).click();
  await page
    .getByLabel('Participants to import')
    .fill(
      'Nombre;Cargo;Organización;País;Correo\nMARIA PEREZ;Directora;OIM;Chile;mp@example.org\nLuis Díaz;Profesor;FLACSO;Argentina;ld@example.org',
    );
  await page.getByRole('button', { name: 'Preview…' }).click();
  await page.getByText(/1 participant to add, 1 already in the registry .*Columns not imported: “Correo”/).waitFor();
  await page.getByRole('button', { name: 'Add 1 participant' }).click();
  await page.getByText('1 participant imported.').first().waitFor();
  expect(
    (await api.getConference({ handle: h })).participants.map((p) => [p.name, p.title, p.organisation, p.country]),
  ).toEqual([
    ['María Pérez', 'Directora', 'OIM', 'Chile'],
    ['Tom Li', '', 'IOM', ''],
    ['Luis Díaz', 'Profesor', 'FLACSO', 'Argentina'],
  ]);
  await page.getByLabel('Filter participants').fill('diaz');
  await expect.poll(() => page.locator('.participants-table tbody tr').count()).toBe(1);
  await page.screenshot({ path: '/tmp/rapporteur-accent-participants.png' });
}, 90_000);
