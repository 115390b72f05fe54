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

test('a session drafted with every report element survives a reload, numbered', async () => {
  const page = await app.openApp();
  await page.getByLabel('Title').fill('Hemispheric Conference on International Migration');
  await page.getByRole('radio', { name: /Conference proceedings/ }).check();
  await page.getByRole('button', { name: 'Create conference' }).click();

  // The registry first: one speaker, imported from a pasted table.
  await page.getByRole('button', { name: 'Participants', exact: true }).click();
  const registry = page.getByRole('region', { name: 'Participants registry' });
  await registry.getByRole('button', { name: 'Import participants…' }).click();
  await registry
    .getByLabel('Participants to import')
    .fill('Name\tTitle\tOrganisation\tCountry\tRole\nAna Ruiz\tDirector of Research\tFLACSO\tChile\tSpeaker');
  await registry.getByRole('button', { name: 'Preview…' }).click();
  await registry.getByRole('button', { name: 'Add 1 participant' }).click();
  await expect.poll(() => page.getByLabel('Name of Ana Ruiz').inputValue()).toBe('Ana Ruiz');
  expect(await page.getByLabel('Organisation of Ana Ruiz').inputValue()).toBe('FLACSO');
  await page.screenshot({ path: '/tmp/rapporteur-participants.png' });
  await page.getByRole('button', { name: 'Participants', exact: true }).click();

  // The speakers part of the first unit.
  await page
    .getByRole('treeitem')
    .filter({ hasText: /Speakers/ })
    .first()
    .locator('.outline-item')
    .click();
  const editor = page.getByLabel('Text of Speakers');
  await editor.click();

  // Presentation summary with a speaker chosen by type-ahead; the template puts the affiliation in a footnote.
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Presentation summary…' }).click();
  await page.getByRole('dialog', { name: 'Presentation summary' }).getByLabel('Speaker').fill('Ana Ru');
  await page.getByRole('dialog', { name: 'Presentation summary' }).getByLabel('Speaker').fill('Ana Ruiz — FLACSO');
  await page
    .getByRole('dialog', { name: 'Presentation summary' })
    .getByLabel('Paper title')
    .fill('Migration and development in the Americas');
  await page.getByRole('button', { name: 'Insert', exact: true }).last().click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('The speaker described the main trends of the decade');

  // A footnote at the caret, its text typed in place.
  await page.getByRole('button', { name: 'Insert footnote' }).click();
  await page.getByLabel('Text of the footnote').fill('ECLAC, Social Panorama of Latin America, 2002.');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' and their causes, see the report');
  // A link on the last word, by the shortcut and the link dialog.
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('report');
  // Lexical takes the browser's selection over on its selectionchange event: wait for the
  // editor's own selection too, or the link can land on the selection before it.
  await expect
    .poll(() =>
      page.evaluate(() => {
        type State = { read: <T>(f: () => T) => T; _selection: { getTextContent(): string } | null };
        const root = document.querySelector('[contenteditable="true"]') as
          | (Element & { __lexicalEditor?: { getEditorState(): State } })
          | null;
        const state = root?.__lexicalEditor?.getEditorState();
        return state ? state.read(() => state._selection?.getTextContent() ?? '') : '';
      }),
    )
    .toBe('report');
  await page.keyboard.press('Control+k');
  await page.getByLabel('Address of the link').fill('https://www.cepal.org');
  await page.getByLabel('Address of the link').press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type('.');

  // Highlights list.
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Highlights list' }).click();
  await page.keyboard.type('Remittances exceed official aid.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Data on irregular migration are scarce.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  // Numbered recommendations block.
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.getByRole('menuitem', { name: /Recommendations \(numbered\)/ }).click();
  await page.keyboard.type('Ratify the International Convention.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Train consular officials.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Improve migration statistics.');
  await saved(page);
  await page.screenshot({ path: '/tmp/rapporteur-editor-session.png', fullPage: true });

  await page.reload();
  const after = page.getByLabel('Text of Speakers');
  await expect.poll(() => after.textContent(), { timeout: 10_000 }).toContain('Improve migration statistics.');

  // Presentation: speaker's name drawn before the title, lettered (a); the affiliation footnote first, then ours.
  const pres = after.locator('.ed-presentation');
  await expect.poll(() => pres.count()).toBe(1);
  expect(await pres.getAttribute('data-names')).toBe('Ana Ruiz');
  expect(await pres.getAttribute('data-label')).toBe('(a)');
  expect(await pres.textContent()).toContain('Migration and development in the Americas');
  const notes = after.locator('.ed-footnote-mark');
  // Footnote marks are decorators, rendered a moment after their nodes: poll.
  await expect
    .poll(() => notes.evaluateAll((els) => els.map((e) => e.getAttribute('title'))))
    .toEqual(['Director of Research, FLACSO, Chile.', 'ECLAC, Social Panorama of Latin America, 2002.']);
  // Footnotes are numbered live, in document order.
  await expect.poll(() => notes.allTextContents()).toEqual(['1', '2']);

  expect(await after.locator('a[href="https://www.cepal.org"]').textContent()).toBe('report');

  // Highlights and recommendations keep their roles, items and numbering.
  const highlights = after.locator('ul[data-role="highlights"] > li');
  expect(await highlights.allTextContents()).toEqual([
    'Remittances exceed official aid.',
    'Data on irregular migration are scarce.',
  ]);
  const recs = after.locator('ol[data-role="recommendations"] > li');
  expect(await recs.allTextContents()).toEqual([
    'Ratify the International Convention.',
    'Train consular officials.',
    'Improve migration statistics.',
  ]);
  expect(await recs.evaluateAll((els) => els.map((e) => (e as HTMLLIElement).value))).toEqual([1, 2, 3]);
  expect(await after.locator('ol[data-role="recommendations"]').getAttribute('data-format')).toBe('decimal');

  // The registry still holds the speaker, once.
  await page.getByRole('button', { name: 'Participants', exact: true }).click();
  await expect.poll(() => page.locator('.participants-table tbody tr').count()).toBe(1);
});
