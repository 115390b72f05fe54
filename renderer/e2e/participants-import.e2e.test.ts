/** The participants registry: one click adds a person, an import is previewed with its column mapping and can be undone, a file that is not text is refused, several people go at once. */
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

test('add by hand, refuse a binary file, preview and map a Spanish table, undo the import, remove several at once', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Participants test' });
  const stored = async () =>
    (await api.getConference({ handle: view.handle })).participants.map((p) =>
      [p.name, p.title, p.organisation, p.country, p.role].join('|'),
    );
  const page = await app.openApp(`&conference=${view.handle}`);
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
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-participants-preview.png'), fullPage: true });

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
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-participants-remove.png') });
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
