import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

test('a recommendations block is numbered in the template’s manner (i., ii. in a summary report)', async () => {
  const page = await app.openApp();
  await page.getByLabel('Title').fill('San José');
  await page.getByRole('radio', { name: /Summary report with recommendations/ }).check();
  await page.getByRole('button', { name: 'Create conference' }).click();
  const chapter = page.getByRole('treeitem').filter({ hasText: 'chapter' }).first();
  await chapter.locator('.outline-item').click();
  await page.getByLabel(/^Text of Untitled chapter/).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Alt+r');
  await page.keyboard.type('States are encouraged to adopt alternatives to detention.');
  const list = page.locator('ol[data-role="recommendations"]');
  await expect.poll(() => list.getAttribute('data-format')).toBe('lower-roman');
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');
  await page.reload();
  await expect
    .poll(() => page.locator('ol[data-role="recommendations"]').getAttribute('data-format'), { timeout: 10_000 })
    .toBe('lower-roman');
});
