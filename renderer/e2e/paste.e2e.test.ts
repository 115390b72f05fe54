import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from './harness';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../src/editor/paste/fixtures', name), 'utf8');

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

/** A real paste: a ClipboardEvent carrying text/html, dispatched on the focused editor. */
async function pasteHtml(page: Page, html: string) {
  await page.evaluate((h) => {
    const data = new DataTransfer();
    data.setData('text/html', h);
    data.setData('text/plain', 'fallback');
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function openPart(page: Page, name: RegExp, label: string) {
  await page.getByRole('treeitem').filter({ hasText: name }).first().locator('.outline-item').click();
  const editor = page.getByLabel(label);
  await editor.click();
  return editor;
}

test('pasting from Word gives a nested list with its formats, a table and the footnote; a hostile clipboard leaves nothing executable', async () => {
  const page = await app.openApp();
  await page.getByLabel('Title').fill('Paste test');
  await page.getByRole('radio', { name: /Summary report/ }).check();
  await page.getByRole('button', { name: 'Create conference' }).click();

  const editor = await openPart(page, /Introduction/, 'Text of Introduction');
  await pasteHtml(page, fixture('word-list-table.html'));

  await expect.poll(() => editor.locator('table').count()).toBe(1);
  const top = editor.locator(':scope > ol');
  expect(await top.getAttribute('data-format')).toBe('decimal');
  expect(await editor.locator('ol ol').first().getAttribute('data-format')).toBe('lower-alpha-paren');
  expect(await editor.locator('ol ol ol').first().getAttribute('data-format')).toBe('lower-roman');
  expect(await editor.locator('ol ol ol > li').allTextContents()).toEqual(['within two years', 'with a national plan']);
  expect(await editor.locator('table tr').count()).toBe(3);
  expect(await editor.locator('table tr').nth(1).locator('td').allTextContents()).toEqual(['Chile', '1 204']);
  expect(await editor.locator('.ed-footnote-mark').getAttribute('title')).toBe(
    'Adopted by consensus on 21 November 2002.',
  );
  // Word's fonts and colours are gone.
  expect(await editor.locator('[style*="font-family"], [style*="color"]').count()).toBe(0);
  await page.screenshot({ path: '/tmp/rapporteur-paste-word.png', fullPage: true });

  // The hostile fixture, into another part.
  const other = await openPart(page, /Introduction/, 'Text of Introduction');
  await other.press('End');
  await pasteHtml(page, fixture('hostile.html'));
  await expect.poll(() => other.textContent()).toContain('Last line');
  await page.waitForTimeout(300); // give any injected handler a chance to run (it must not)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const html = await other.innerHTML();
  expect(html).not.toMatch(/<script|<iframe|<object|<embed|<svg|<img|<form/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  expect(html).not.toMatch(/javascript:|evil\.example/i);
  expect(await other.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
    'https://example.org/ok',
  ]);
});
