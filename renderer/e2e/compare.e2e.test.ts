import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { tool } from '../../electron/node/export/readers.testkit';
import { startBrowserMode, type BrowserMode, shot } from './harness';

const READER = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../electron/node/services/tracked-changes.testkit.py',
);
const bodyText = (docx: string, mode: 'accept' | 'reject') =>
  (JSON.parse(tool('/usr/bin/python3', [READER, docx, mode])) as { body: string[] }).body.join('\n');

let app: BrowserMode;
let page: Page;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

const saved = (page: Page) =>
  expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');
const FIRST = 'The meeting opened at ten. ';
const SECOND = 'The delegates adopted the agenda.';
const ADDED = ' Lunch followed.';

test('compare with a snapshot: an inserted and a deleted sentence after an edit, and the paragraph restored', async () => {
  page = await app.openApp();
  await page.getByLabel('Title').fill('Compare test');
  await page.getByRole('button', { name: 'Create conference' }).click();
  await page.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item').click();
  const editor = page.getByLabel('Text of Objectives');
  await editor.click();
  // Text goes in as one input: the comparison is the subject, not typing key by key.
  await page.keyboard.insertText(FIRST + SECOND);
  await saved(page);

  await page.getByRole('button', { name: 'Snapshots' }).click();
  await page.getByLabel('Snapshot name').fill('Draft 1');
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await expect.poll(() => page.getByRole('row').filter({ hasText: 'Draft 1' }).count()).toBe(1);

  // Back to the part: delete the first sentence, add one at the end.
  await page.getByRole('button', { name: 'Snapshots' }).click();
  await editor.click();
  // Select the first sentence in the page (as a mouse drag would), then delete it from the keyboard.
  await editor.evaluate((el, n) => {
    const text = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode()!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, n);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, FIRST.length);
  await expect.poll(() => page.evaluate(() => window.getSelection()!.toString())).toBe(FIRST);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(ADDED);
  await expect.poll(() => editor.textContent(), { timeout: 10_000 }).toBe(SECOND + ADDED);
  await saved(page);

  await page.getByRole('button', { name: 'Snapshots' }).click();
  await page.getByRole('row').filter({ hasText: 'Draft 1' }).getByRole('button', { name: 'Compare' }).click();
  const panel = page.getByRole('region', { name: 'Compare with snapshot' });
  await expect
    .poll(() => panel.getByRole('heading', { name: 'Changes since “Draft 1”' }).count(), { timeout: 10_000 })
    .toBe(1);
  const part = panel.getByRole('article', { name: 'Objectives' });
  await expect.poll(() => part.locator('del').allTextContents()).toEqual([FIRST]);
  await expect.poll(() => part.locator('ins').allTextContents()).toEqual([ADDED]);
  await expect.poll(() => part.locator('.compare-text').textContent()).toBe(FIRST + SECOND + ADDED);
  await expect.poll(() => part.textContent()).toContain('+2 / −5 words');
  await shot(page, 'rapporteur-compare-e2e.png', { fullPage: true });

  // Restore the paragraph as it was: nothing is left to show, and the editor has the old text.
  await part.getByRole('button', { name: 'Restore paragraph' }).click();
  await expect
    .poll(() => panel.textContent(), { timeout: 10_000 })
    .toContain('Nothing has changed since this snapshot.');
  await panel.getByRole('button', { name: 'Back to snapshots' }).click();
  await page.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item').click();
  await expect
    .poll(() => page.getByLabel('Text of Objectives').textContent(), { timeout: 10_000 })
    .toBe(FIRST + SECOND);
});

test('Export…: a Word document with the changes since a snapshot as tracked changes', async () => {
  await page.getByLabel('Text of Objectives').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(' Coffee was served.');
  await saved(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export proceedings' });
  await dialog.getByLabel(/Word \(\.docx/).check();
  const since = dialog.getByLabel('Tracked changes since');
  await since.selectOption({ index: 1 });
  expect(await since.locator('option:checked').textContent()).toMatch(/^Draft 1 \(/);
  await shot(page, 'rapporteur-export-changes-e2e.png');
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Export DOCX…' }).click();
  const file = path.join(app.dir, 'tracked.docx');
  await (await download).saveAs(file);
  expect(bodyText(file, 'accept')).toContain(`${FIRST}${SECOND} Coffee was served.`);
  const rejected = bodyText(file, 'reject');
  expect(rejected).toContain(`${FIRST}${SECOND}`);
  expect(rejected).not.toContain('Coffee');
});
