import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

test('create a conference from a template, type into a part, reload: the text is there', async () => {
  const page = await app.openApp();
  await page.getByLabel('Title').fill('Migration and Human Rights');
  await page.getByRole('radio', { name: /Workshop report/ }).check();
  await page.getByRole('button', { name: 'Create conference' }).click();

  await page.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item').click();
  const editor = page.getByLabel('Text of Objectives');
  await editor.click();
  await page.keyboard.type('The workshop aimed to bring together delegates and experts.');
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

  await page.reload();
  await expect
    .poll(() => page.getByLabel('Text of Objectives').textContent(), { timeout: 10_000 })
    .toBe('The workshop aimed to bring together delegates and experts.');
  // The outline counts the words that were saved.
  await expect.poll(() => page.getByRole('treeitem').filter({ hasText: 'Objectives' }).textContent()).toContain('9 w');
  await shot(page, 'rapporteur-first-steps.png');
});

test('a named snapshot brings back the text, and the replaced text is kept as a snapshot too', async () => {
  const page = await app.openApp();
  await page.getByLabel('Title').fill('Snapshot test');
  await page.getByRole('button', { name: 'Create conference' }).click();
  const first = page.getByRole('treeitem').first();
  const partName = (await first.locator('.outline-title').textContent())!;
  await first.locator('.outline-item').click();
  await page.getByLabel(`Text of ${partName}`).click();
  await page.keyboard.type('First version.');
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

  await page.getByRole('button', { name: 'Snapshots' }).click();
  await page.getByLabel('Snapshot name').fill('Morning draft');
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await expect.poll(() => page.getByRole('row').filter({ hasText: 'Morning draft' }).count()).toBe(1);

  await page.getByRole('button', { name: 'Snapshots' }).click();
  await page.getByLabel(`Text of ${partName}`).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Second version.');
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

  await page.getByRole('button', { name: 'Snapshots' }).click();
  await page.getByRole('row').filter({ hasText: 'Morning draft' }).getByRole('button', { name: 'Restore' }).click();
  // Confirmed in the app's own dialog, not the browser's.
  await page.getByRole('alertdialog', { name: 'Restore snapshot?' }).getByRole('button', { name: 'Restore' }).click();
  await expect
    .poll(() => page.getByLabel(`Text of ${partName}`).textContent(), { timeout: 10_000 })
    .toBe('First version.');

  await page.getByRole('button', { name: 'Snapshots' }).click();
  await expect.poll(() => page.getByRole('row').filter({ hasText: 'Before restore' }).count()).toBe(1);
});

test('opening a file that is not a conference says so, and the app keeps working', async () => {
  const fs = await import('node:fs');
  fs.mkdirSync(`${app.dir}/workspace`, { recursive: true });
  const bad = `${app.dir}/workspace/minutes.rapporteur`;
  fs.writeFileSync(bad, 'Minutes of the first session');
  const page = await app.openApp();
  // Browser mode chooses files in its own chooser over the workspace: no typed paths.
  await page.getByRole('button', { name: 'Open a conference file…' }).click();
  await page
    .getByRole('dialog', { name: 'Open conference' })
    .getByRole('option', { name: 'minutes.rapporteur' })
    .click();
  await page
    .getByRole('dialog', { name: 'Open conference' })
    .getByRole('button', { name: 'Open', exact: true })
    .click();
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toContain('“minutes.rapporteur” is not a Rapporteur conference file');
  expect(fs.readFileSync(bad, 'utf8')).toBe('Minutes of the first session');
  // Still on the first screen, still able to create a conference.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect.poll(() => page.getByRole('navigation', { name: 'Outline of parts' }).isVisible()).toBe(true);
});
