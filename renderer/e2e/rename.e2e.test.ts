/** Renaming a part in place: in the outline (double-click, F2, right-click) and from the part's heading, with undo. */
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

test('rename a part by double-click, F2, the context menu and its heading; Escape keeps the old title; Undo puts it back', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Rename test' });
  const stored = async (id: string) =>
    (await api.getConference({ handle: view.handle })).parts.find((p) => p.id === id)!.title;
  const unit = view.parts.find((p) => p.title === 'Untitled unit')!;
  const page = await app.openApp(`&conference=${view.handle}`);
  /** The outline's entry showing `title`. */
  const entry = (title: string) =>
    page
      .getByRole('treeitem')
      .filter({ has: page.locator('.outline-title', { hasText: title }) })
      .first();
  await expect.poll(() => page.getByRole('treeitem').count()).toBe(view.parts.length);

  // Double-click in the outline, type, Enter.
  await entry('Untitled unit').locator('.outline-item').dblclick();
  const field = page.getByLabel('New title for “Untitled unit”');
  await expect.poll(() => field.count()).toBe(1);
  expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
  await field.fill('Migration and development');
  await field.press('Enter');
  await expect.poll(() => stored(unit.id)).toBe('Migration and development');
  await expect.poll(() => entry('Migration and development').count()).toBe(1);
  // The open part's heading follows.
  await expect.poll(() => page.locator('h2.part-title').textContent()).toContain('Migration and development');

  // Undo brings the old title back, in the file too.
  await page.getByRole('button', { name: 'Undo rename' }).click();
  await expect.poll(() => stored(unit.id)).toBe('Untitled unit');
  await expect.poll(() => page.getByRole('button', { name: 'Undo rename' }).count()).toBe(0);

  // F2 on the focused item; Escape leaves the title as it was.
  await entry('Untitled unit').locator('.outline-item').focus();
  await page.keyboard.press('F2');
  await page.getByLabel('New title for “Untitled unit”').fill('Not this');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByLabel('New title for “Untitled unit”').count()).toBe(0);
  expect(await stored(unit.id)).toBe('Untitled unit');
  await entry('Untitled unit').locator('.outline-item').focus();
  await page.keyboard.press('F2');
  await page.keyboard.type('Human rights of migrants');
  await page.keyboard.press('Enter');
  await expect.poll(() => stored(unit.id)).toBe('Human rights of migrants');
  // The keyboard is back on the renamed item.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? ''))
    .toContain('Human rights of migrants');

  // Right-click: the context menu's Rename; the menu closes on Escape and on a click outside.
  await entry('Human rights of migrants').locator('.outline-item').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for “Human rights of migrants”' });
  await expect.poll(() => menu.count()).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => menu.count()).toBe(0);
  await entry('Human rights of migrants').locator('.outline-item').click({ button: 'right' });
  await page.mouse.click(900, 700);
  await expect.poll(() => menu.count()).toBe(0);
  await entry('Human rights of migrants').locator('.outline-item').click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Rename' }).click();
  await page.getByLabel('New title for “Human rights of migrants”').fill('Gender and age');
  await page.keyboard.press('Enter');
  await expect.poll(() => stored(unit.id)).toBe('Gender and age');

  // From the heading: double-click its title.
  await page.locator('.renameable-title').dblclick();
  await page.getByLabel('New title for “Gender and age”').fill('Gender, age and diversity');
  await page.keyboard.press('Enter');
  await expect.poll(() => stored(unit.id)).toBe('Gender, age and diversity');
  await expect.poll(() => entry('Gender, age and diversity').count()).toBe(1);
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-rename.png') });
  await page.getByRole('button', { name: 'Undo rename' }).click();
  await expect.poll(() => stored(unit.id)).toBe('Gender and age');

  // The heading's Rename button; an empty title changes nothing.
  await page.getByRole('button', { name: 'Rename “Gender and age”' }).click();
  await page.getByLabel('New title for “Gender and age”').fill('   ');
  await page.keyboard.press('Enter');
  expect(await stored(unit.id)).toBe('Gender and age');

  // After a reload the title is still there.
  await page.reload();
  await expect.poll(() => page.getByRole('treeitem').filter({ hasText: 'Gender and age' }).count()).toBe(1);
});
