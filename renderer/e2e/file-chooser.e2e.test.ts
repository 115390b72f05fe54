// Browser mode chooses files in its own chooser over the workspace: no typed paths, and an
// existing file is replaced only after the app's own confirmation.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

test('Save a copy… into the workspace; the same name again asks, and Cancel leaves the file as it was', async () => {
  const page = await app.openApp();
  await page.getByLabel('Title').fill('Chooser test');
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect.poll(() => page.getByRole('navigation', { name: 'Outline of parts' }).isVisible()).toBe(true);
  const ws = path.join(app.dir, 'workspace');

  const chooser = page.getByRole('dialog', { name: 'Save a copy' });
  await page.getByRole('button', { name: 'Save a copy…' }).click();
  expect(await chooser.getByLabel('File name').inputValue()).toBe('Chooser test (copy).rapporteur');
  await chooser.getByLabel('File name').fill('../outside');
  await chooser.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => chooser.getByRole('alert').textContent()).toContain('cannot contain / or \\');
  await chooser.getByLabel('File name').fill('Shared copy');
  await chooser.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => fs.existsSync(path.join(ws, 'Shared copy.rapporteur'))).toBe(true);
  const before = sha(path.join(ws, 'Shared copy.rapporteur'));

  // The chooser lists the workspace; picking an existing name asks first.
  await page.getByRole('button', { name: 'Save a copy…' }).click();
  await chooser.getByRole('option', { name: 'Shared copy.rapporteur' }).click();
  await chooser.getByRole('button', { name: 'Save' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Replace the file?' });
  await expect.poll(() => confirm.textContent()).toContain('“Shared copy.rapporteur” already exists');
  await shot(page, 'rapporteur-chooser-replace.png');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await chooser.getByRole('button', { name: 'Cancel' }).click();
  expect(sha(path.join(ws, 'Shared copy.rapporteur'))).toBe(before);

  // Confirmed: replaced (the contract carries the choice).
  await page.getByRole('button', { name: 'Save a copy…' }).click();
  await chooser.getByRole('option', { name: 'Shared copy.rapporteur' }).click();
  await chooser.getByRole('button', { name: 'Save' }).click();
  await confirm.getByRole('button', { name: 'Replace' }).click();
  await expect.poll(() => page.locator('.notice').textContent()).toContain('A copy was saved to');
  expect(fs.readdirSync(ws).sort()).toEqual(['Chooser test.rapporteur', 'Shared copy.rapporteur']);
});
