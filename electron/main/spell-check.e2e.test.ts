// Issue 14.3: the text is spell-checked in the conference's language. The built desktop app,
// through the Chromium-backed stand-in for 'electron' (which records the session's
// spell-checker languages): set when a conference opens, changed with its language; the
// editor's root carries the language as its `lang`.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDesktopApp, type DesktopApp } from './testing/desktop-harness';

let app: DesktopApp;
let page: Page;
beforeAll(async () => {
  app = await startDesktopApp();
  page = await app.mainPage();
});
afterAll(async () => {
  await app?.close();
});

test('spell-checking and the editor’s lang follow the conference language, when opened and when changed', async () => {
  await page.getByLabel('Title').fill('Consultation régionale');
  await page.getByRole('radio', { name: /Workshop report/ }).check();
  await page.getByRole('button', { name: 'Create conference' }).click();
  const part = page.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item');
  await part.click();
  const text = page.getByLabel('Text of Objectives');
  await text.waitFor();
  // A new conference is in English: the first English dictionary, and lang="en" on the text.
  expect(await text.getAttribute('lang')).toBe('en');
  expect(app.electron.session.spellCheckerLanguages).toEqual(['en-GB']);

  await page.getByRole('button', { name: 'Conference details' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr-CA');
  // No Canadian French dictionary: French itself.
  await expect.poll(() => app.electron.session.spellCheckerLanguages, { timeout: 10_000 }).toEqual(['fr']);

  await part.click();
  await expect.poll(() => text.getAttribute('lang'), { timeout: 10_000 }).toBe('fr-CA');
  await page.screenshot({ path: path.join(app.dir, '..', 'rapporteur-spell-check-language.png') });

  // Reopened (the window reloads the conference): still French.
  app.electron.session.setSpellCheckerLanguages([]);
  await page.reload();
  await expect
    .poll(() => page.getByLabel('Text of Objectives').getAttribute('lang'), { timeout: 15_000 })
    .toBe('fr-CA');
  expect(app.electron.session.spellCheckerLanguages).toEqual(['fr']);
});
