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

const saved = (page: Page) =>
  expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

/** Adds `text` at the end of the part as one input: the conflict is the subject, not typing key by key. */
async function typeInto(page: Page, part: string, text: string) {
  await page.getByLabel(`Text of ${part}`).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

test('two windows on one part: neither overwrites the other silently, and the version not kept is a snapshot', async () => {
  const one = await app.openApp();
  await one.getByLabel('Title').fill('Two windows');
  await one.getByRole('button', { name: 'Create conference' }).click();
  await one.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item').click();
  await typeInto(one, 'Objectives', 'Window one wrote this.');
  await saved(one);

  // A second window opens the same conference and part, from the address the first one shows.
  const two = await app.openApp(new URL(one.url()).hash);
  await expect
    .poll(() => two.getByLabel('Text of Objectives').textContent(), { timeout: 10_000 })
    .toBe('Window one wrote this.');

  await typeInto(one, 'Objectives', ' One again.');
  await saved(one);
  await typeInto(two, 'Objectives', ' Two adds.');
  const banner = two.getByRole('alert').filter({ hasText: 'was changed in another window' });
  await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);

  await banner.getByRole('button', { name: 'Keep my version' }).click();
  await saved(two);
  await expect.poll(() => banner.count()).toBe(0);

  // Window one is now behind: its next edit meets the banner, and it takes the other version.
  await typeInto(one, 'Objectives', ' Lost?');
  const bannerOne = one.getByRole('alert').filter({ hasText: 'was changed in another window' });
  await expect.poll(() => bannerOne.count(), { timeout: 10_000 }).toBe(1);
  await bannerOne.getByRole('button', { name: 'Use the other version' }).click();
  await expect
    .poll(() => one.getByLabel('Text of Objectives').textContent(), { timeout: 10_000 })
    .toBe('Window one wrote this. Two adds.');

  // Both set-aside versions are snapshots.
  await one.getByRole('button', { name: 'Snapshots' }).click();
  const rows = one.getByRole('row');
  await expect.poll(() => rows.filter({ hasText: 'Other version of “Objectives”, replaced by yours' }).count()).toBe(1);
  await expect.poll(() => rows.filter({ hasText: 'Your version of “Objectives”, set aside' }).count()).toBe(1);
});
