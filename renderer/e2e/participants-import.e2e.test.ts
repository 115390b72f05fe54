/**
 * The participants registry: one click adds a person, an import is previewed with its column mapping
 * and can be undone, a file that is not text is refused, several people go at once. And issue 14.4 in
 * Chromium: "@Maria" finds María, a search for "Perez" finds Pérez, and the part's find counts it.
 * Each test works on a conference of its own, in the file's one page (loaded again for each test: a
 * new browser context costs more than twice a reload).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as nodes from '../../shared/import/nodes';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
let page: Page | undefined;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

/** The app with this conference open, in the file's one page (opened by the first test). */
async function openConference(handle: string): Promise<Page> {
  if (!page) page = await app.openApp(`&conference=${handle}`);
  else await page.goto(`${app.server.url}&conference=${handle}`);
  return page;
}

test('add by hand, refuse a binary file, preview and map a Spanish table, undo the import, remove several at once', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Participants test' });
  const stored = async () =>
    (await api.getConference({ handle: view.handle })).participants.map((p) =>
      [p.name, p.title, p.organisation, p.country, p.role].join('|'),
    );
  const page = await openConference(view.handle);
  await page.getByRole('button', { name: 'Participants', exact: true }).click();

  // One click: an empty name field, focused.
  await page.getByRole('button', { name: 'Add participant' }).click();
  const name = page.getByLabel('Name of the new participant');
  await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await name.inputValue()).toBe('');
  await page.keyboard.type('Ana Ruiz');
  await page.keyboard.press('Enter');
  await expect.poll(stored).toEqual(['Ana Ruiz||||']);
  // Left empty, it adds no one.
  await page.getByRole('button', { name: 'Add participant' }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => name.count()).toBe(0);

  // A binary file chosen as the list: refused with a message, nothing added.
  await page.getByRole('button', { name: 'Import participants…' }).click();
  const file = page.locator('.participants-import input[type="file"]');
  const png = Buffer.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    0,
    0,
    0,
    0x0d,
    0x49,
    0x48,
    0x44,
    0x52,
    ...Buffer.from('garbage,more garbage\n'),
  ]);
  await file.setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: png });
  await page.getByRole('alert').filter({ hasText: '“participants.csv” is not a text file' }).waitFor();
  expect(await page.getByRole('region', { name: 'Import preview' }).count()).toBe(0);
  expect(await stored()).toEqual(['Ana Ruiz||||']);
  await page.getByRole('button', { name: 'Dismiss' }).click();

  // A Spanish CSV: columns detected, the unknown one reported, the known person skipped.
  const csv =
    'Nombre;Cargo;Organización;País;Correo electrónico\nMaría Pérez;Directora;OIM;Chile;mp@example.org\nana ruiz;;;;\nLuis Díaz;Profesor;FLACSO;Argentina;ld@example.org\n';
  await file.setInputFiles({ name: 'inscritos.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const preview = page.getByRole('region', { name: 'Import preview' });
  await preview.waitFor();
  expect(await preview.getByLabel('Field for column “Nombre”').inputValue()).toBe('name');
  expect(await preview.getByLabel('Field for column “Organización”').inputValue()).toBe('organisation');
  expect(await preview.getByLabel('Field for column “Correo electrónico”').inputValue()).toBe('');
  await preview
    .getByText(/2 participants to add, 1 already in the registry .*Columns not imported: “Correo electrónico”/)
    .waitFor();
  const previewRows = () =>
    preview
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent).join('|')));
  expect(await previewRows()).toEqual([
    '|María Pérez|Directora|OIM|Chile|||Added',
    '|Luis Díaz|Profesor|FLACSO|Argentina|||Added',
    '|ana ruiz||||||Skipped: already there',
  ]);
  // The e-mail column mapped to Role by hand: the preview follows, nothing is left out.
  await preview.getByLabel('Field for column “Correo electrónico”').selectOption('role');
  await expect.poll(previewRows).toContain('|María Pérez|Directora|OIM|Chile||mp@example.org|Added');
  expect(await preview.getByText('Columns not imported').count()).toBe(0);
  expect(await stored()).toEqual(['Ana Ruiz||||']);
  await shot(page, 'rapporteur-participants-preview.png', { fullPage: true });

  await preview.getByRole('button', { name: 'Add 2 participants' }).click();
  await expect
    .poll(stored)
    .toEqual([
      'Ana Ruiz||||',
      'María Pérez|Directora|OIM|Chile|mp@example.org',
      'Luis Díaz|Profesor|FLACSO|Argentina|ld@example.org',
    ]);
  await expect.poll(() => page.locator('.participants-table tbody tr').count()).toBe(3);

  // Undo takes the whole import back in one step.
  await page.getByRole('button', { name: 'Undo import' }).click();
  await expect.poll(stored).toEqual(['Ana Ruiz||||']);
  await expect.poll(() => page.getByRole('button', { name: 'Undo import' }).count()).toBe(0);

  // A pasted table (tabs, no header), then two people removed at once after the app's confirmation.
  await page.getByRole('button', { name: 'Import participants…' }).click();
  await page
    .getByLabel('Participants to import')
    .fill('Tom Li\tChair\tIOM\nEva Sund\tAdviser\tUNHCR\nIan Moss\tDelegate\tECLAC');
  await page.getByRole('button', { name: 'Preview…' }).click();
  await page
    .getByRole('region', { name: 'Import preview' })
    .getByRole('button', { name: 'Add 3 participants' })
    .click();
  await expect.poll(async () => (await stored()).length).toBe(4);
  await page.getByLabel('Select Tom Li').check();
  await page.getByLabel('Select Ian Moss').check();
  await page.getByRole('button', { name: 'Remove selected (2)…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove participants' });
  await confirm.getByText('Remove 2 participants from the registry: Tom Li, Ian Moss?').waitFor();
  await shot(page, 'rapporteur-participants-remove.png');
  // Cancel keeps everyone; confirming removes the two.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect((await stored()).length).toBe(4);
  await page.getByRole('button', { name: 'Remove selected (2)…' }).click();
  await page
    .getByRole('alertdialog', { name: 'Remove participants' })
    .getByRole('button', { name: 'Remove 2' })
    .click();
  await expect.poll(stored).toEqual(['Ana Ruiz||||', 'Eva Sund|Adviser|UNHCR||']);
  await expect.poll(() => page.locator('.participants-table tbody tr').count()).toBe(2);
});

// Accents and case aside: the typeahead, the search, find in the part, the speaker dialog, an import.

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
  const doc = nodes.doc([
    nodes.paragraph([nodes.text('La Sra. Pérez abrió la sesión.')]),
    nodes.paragraph([nodes.text('Last paragraph.')]),
  ]);
  await api.savePart({ handle: h, partId: intro.id, doc, baseRevision: intro.revision });

  const page = await openConference(h);
  await page.getByRole('treeitem').filter({ hasText: 'Introduction' }).locator('.outline-item').click();
  const editor = page.getByLabel('Text of Introduction');
  await editor.getByText('Last paragraph.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Thanks to @Maria');
  await page.getByRole('option', { name: /Sra\. María Pérez/ }).waitFor();
  expect(await page.getByRole('option', { name: /Tom Li/ }).count()).toBe(0);
  await shot(page, 'rapporteur-accent-typeahead.png');
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
  await shot(page, 'rapporteur-accent-search.png');
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
  await shot(page, 'rapporteur-accent-participants.png');
}, 90_000);
