/** The keyboard: the outline as a tree, a dialog that takes, keeps and gives back the focus, pop-ups that close on Escape and outside presses. */
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

const focusedPart = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('li[data-part-id]')?.getAttribute('data-part-id') ?? null);
const focusedIn = (page: Page, selector: string) =>
  page.evaluate((s) => !!document.activeElement?.closest(s), selector);

test('the outline is a tree from the keyboard: arrows, Home/End, ←/→ between levels, Enter opens, Alt+Shift+↓ moves a part', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Keyboard test' });
  const page = await app.openApp(`&conference=${view.handle}`);
  await expect.poll(() => page.getByRole('treeitem').count()).toBe(view.parts.length);
  const order = await page
    .locator('li[role="treeitem"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-part-id')!));
  const byId = new Map(view.parts.map((p) => [p.id, p]));
  // Levels are announced.
  expect(await page.locator(`li[data-part-id="${order[0]}"]`).getAttribute('aria-level')).toBe('1');

  // One tab stop: the selected item.
  expect(await page.locator('.outline-item[tabindex="0"]').count()).toBe(1);
  await page.locator(`li[data-part-id="${order[0]}"] .outline-item`).focus();
  await page.keyboard.press('ArrowDown');
  expect(await focusedPart(page)).toBe(order[1]);
  await page.keyboard.press('End');
  expect(await focusedPart(page)).toBe(order.at(-1));
  await page.keyboard.press('ArrowUp');
  expect(await focusedPart(page)).toBe(order.at(-2));
  await page.keyboard.press('Home');
  expect(await focusedPart(page)).toBe(order[0]);

  // → goes into a part's first sub-part, ← back to the part it sits in.
  const parent = order.find((id) => view.parts.filter((p) => p.parentId === id).length > 1)!;
  const firstChild = order.find((id) => byId.get(id)!.parentId === parent)!;
  await page.locator(`li[data-part-id="${parent}"] .outline-item`).focus();
  await page.keyboard.press('ArrowRight');
  expect(await focusedPart(page)).toBe(firstChild);
  const level = async (id: string) => Number(await page.locator(`li[data-part-id="${id}"]`).getAttribute('aria-level'));
  expect(await level(firstChild)).toBe((await level(parent)) + 1);
  await page.keyboard.press('ArrowLeft');
  expect(await focusedPart(page)).toBe(parent);

  // Enter opens the focused part.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('h2.part-title').textContent()).toContain(byId.get(firstChild)!.title);

  // Alt+Shift+↓ moves it after its next sibling (in the file), and it keeps the focus.
  const siblings = view.parts
    .filter((p) => p.parentId === parent)
    .sort((a, b) => a.position - b.position)
    .map((p) => p.id);
  expect(siblings.length).toBeGreaterThan(1);
  await page.keyboard.press('Alt+Shift+ArrowDown');
  const storedSiblings = async () =>
    (await api.getConference({ handle: view.handle })).parts
      .filter((p) => p.parentId === parent)
      .sort((a, b) => a.position - b.position)
      .map((p) => p.id);
  await expect.poll(storedSiblings).toEqual([siblings[1], siblings[0], ...siblings.slice(2)]);
  await expect.poll(() => focusedPart(page)).toBe(firstChild);
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(storedSiblings).toEqual(siblings);
  // At the top already: nothing moves.
  await page.keyboard.press('Alt+Shift+ArrowUp');
  expect(await storedSiblings()).toEqual(siblings);
});

test('the Export dialog takes the focus, keeps it on Tab, closes on Escape and gives it back; pop-ups close on Escape and outside presses', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Dialogs test' });
  const page = await app.openApp(`&conference=${view.handle}`);
  const exportButton = page.getByRole('button', { name: 'Export…' });
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: 'Export proceedings' });
  await expect.poll(() => focusedIn(page, '[role="dialog"]')).toBe(true);
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
    expect(await focusedIn(page, '.export-dialog')).toBe(true);
  }
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-export-focus.png') });
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await exportButton.evaluate((el) => el === document.activeElement)).toBe(true);

  // The Insert menu and the Keys panel of the editor's toolbar.
  await page.getByRole('treeitem').filter({ hasText: 'Introduction' }).locator('.outline-item').click();
  const insert = page.getByRole('button', { name: 'Insert', exact: true });
  await insert.click();
  const menu = page.getByRole('menu', { name: 'Insert a report element' });
  await expect.poll(() => menu.count()).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => menu.count()).toBe(0);
  expect(await insert.evaluate((el) => el === document.activeElement)).toBe(true);
  await insert.click();
  await expect.poll(() => menu.count()).toBe(1);
  await page.locator('h2.part-title').click();
  await expect.poll(() => menu.count()).toBe(0);

  // The conference search's results: inside the window, closed by Escape (back to the field) and by a press outside.
  const search = page.getByLabel('Search the conference');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await search.fill('anything');
  await search.press('Enter');
  await expect.poll(() => results.count()).toBe(1);
  expect((await results.boundingBox())!.x).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Escape');
  await expect.poll(() => results.count()).toBe(0);
  expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
  await search.press('Enter');
  await expect.poll(() => results.count()).toBe(1);
  await page.locator('h2.part-title').click();
  await expect.poll(() => results.count()).toBe(0);

  const keys = page.getByRole('button', { name: 'Keyboard shortcuts' });
  const panel = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await keys.click();
  await expect.poll(() => panel.count()).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => panel.count()).toBe(0);
  await keys.click();
  await expect.poll(() => panel.count()).toBe(1);
  await page.locator('.conference-header h1').click();
  await expect.poll(() => panel.count()).toBe(0);
});
