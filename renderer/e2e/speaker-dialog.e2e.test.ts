/** The speaker dialog adds a person to the registry only when asked: part of a name typed never creates a participant. */
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

async function askPresentation(page: Page) {
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Presentation summary…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Presentation summary' });
  await dialog.waitFor();
  return dialog;
}

test('typing part of a name offers the registry and "Add … as a new participant"; only that option creates one', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Speaker dialog test' });
  const h = view.handle;
  const blank = { honorific: '', title: '', country: '', group: '', role: '' };
  await api.saveParticipant({
    handle: h,
    participant: { id: 'p-maria', name: 'María Pérez', organisation: 'OIM', ...blank },
  });
  await api.saveParticipant({ handle: h, participant: { id: 'p-tom', name: 'Tom Li', organisation: 'IOM', ...blank } });
  const registry = async () => (await api.getConference({ handle: h })).participants.map((p) => p.name);

  const page = await app.openApp(`&conference=${h}`);
  await page.getByRole('treeitem').filter({ hasText: 'Speakers' }).first().locator('.outline-item').click();
  const text = page.getByLabel('Text of Speakers');
  await text.click();

  let dialog = await askPresentation(page);
  const speaker = dialog.getByRole('combobox', { name: 'Speaker' });
  await speaker.fill('Mar');
  const options = dialog.getByRole('option');
  await expect.poll(() => options.allTextContents()).toEqual(['María Pérez — OIM', 'Add “Mar” as a new participant']);
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-speaker-dialog.png') });

  // Escape closes the list, not the dialog.
  await page.keyboard.press('Escape');
  await expect.poll(() => options.count()).toBe(0);
  expect(await dialog.count()).toBe(1);

  // Insert with part of a name: refused beside the field, no one added, the dialog stays.
  await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
  await dialog.getByRole('alert').filter({ hasText: '“Mar” is not in the registry' }).waitFor();
  expect(await speaker.getAttribute('aria-invalid')).toBe('true');
  expect(await registry()).toEqual(['María Pérez', 'Tom Li']);

  // Choosing her from the list (arrow keys and Enter) inserts her presentation, still no one new.
  await speaker.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(() => speaker.inputValue()).toBe('María Pérez — OIM');
  await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
  await expect.poll(() => text.locator('.ed-presentation').count()).toBe(1);
  expect(await registry()).toEqual(['María Pérez', 'Tom Li']);

  // A new name becomes a participant only through the explicit option.
  await text.click();
  await page.keyboard.press('Control+End');
  dialog = await askPresentation(page);
  await dialog.getByRole('combobox', { name: 'Speaker' }).fill('Zoe Quint');
  await expect
    .poll(() => dialog.getByRole('option').allTextContents())
    .toEqual(['Add “Zoe Quint” as a new participant']);
  await dialog.getByRole('option', { name: 'Add “Zoe Quint” as a new participant' }).click();
  await dialog.getByText('Will be added to the registry as a new participant.').waitFor();
  expect(await registry()).toEqual(['María Pérez', 'Tom Li']);
  await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
  await expect.poll(() => text.locator('.ed-presentation').count()).toBe(2);
  expect(await registry()).toEqual(['María Pérez', 'Tom Li', 'Zoe Quint']);
});
