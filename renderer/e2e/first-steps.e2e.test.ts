import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
beforeAll(async () => { app = await startBrowserMode(); });
afterAll(async () => { await app.close(); });

test('create a conference from a template, type into a part, reload: the text is there', async () => {
  const page = await app.openApp();
  await page.getByLabel('Title').fill('Migration and Human Rights');
  await page.getByRole('radio', { name: /Workshop report/ }).check();
  await page.getByRole('button', { name: 'Create conference' }).click();

  await page.getByRole('treeitem').filter({ hasText: 'Objectives' }).getByRole('button').click();
  const editor = page.getByLabel('Text of Objectives');
  await editor.click();
  await page.keyboard.type('The workshop aimed to bring together delegates and experts.');
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

  await page.reload();
  await expect.poll(() => page.getByLabel('Text of Objectives').textContent(), { timeout: 10_000 })
    .toBe('The workshop aimed to bring together delegates and experts.');
  // The outline counts the words that were saved.
  await expect.poll(() => page.getByRole('treeitem').filter({ hasText: 'Objectives' }).textContent()).toContain('9 w');
  await page.screenshot({ path: `${app.dir}/../rapporteur-first-steps.png` });
});
