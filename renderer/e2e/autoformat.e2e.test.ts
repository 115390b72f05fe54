/** Autoformat as typed (Lexical's markdown shortcuts, only the kinds the template section allows) and the list shortcuts. */
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appTab, type AppTab } from './editing-tab';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
let openApp: AppTab;
beforeAll(async () => {
  app = await startBrowserMode();
  // One tab for the file, the app loaded afresh in it for each test.
  openApp = appTab(() => app);
});
afterAll(async () => {
  await app.close();
});

/** The editor's blocks as the user sees them: tag and text, lists with their items (nested lists inside). */
const blocks = (page: Page) =>
  page.locator('.editor-content').evaluate((root) => {
    const describe = (el: Element): string => {
      if (el.tagName === 'UL' || el.tagName === 'OL')
        return `${el.tagName.toLowerCase()}[${[...el.children].map(describe).join('; ')}]`;
      if (el.tagName === 'LI') {
        const nested = el.querySelector(':scope > ul, :scope > ol');
        return nested ? describe(nested) : (el.textContent ?? '');
      }
      return `${el.tagName.toLowerCase()}:${el.textContent ?? ''}`;
    };
    return [...root.children].map(describe);
  });

/** Waits until Lexical's own selection sits in the editor (it takes the browser's over on selectionchange). */
const lexicalCaretIn = (page: Page) =>
  page.evaluate(() => {
    type State = { read: <T>(f: () => T) => T; _selection: unknown };
    const root = document.querySelector('.editor-content[contenteditable="true"]') as
      | (Element & { __lexicalEditor?: { getEditorState(): State } })
      | null;
    const state = root?.__lexicalEditor?.getEditorState();
    return !!state && state.read(() => state._selection !== null);
  });

/**
 * Types a paragraph's opening characters key by key (the shortcut they may trigger is the subject)
 * and the rest as one input event, as an input method would: the words after are not the subject.
 */
async function typeLine(page: Page, line: string): Promise<void> {
  const opening = /^(?:[-#>] |\d+\. )/.exec(line)?.[0] ?? '';
  await page.keyboard.type(opening);
  if (line.length > opening.length) await page.keyboard.insertText(line.slice(opening.length));
}

async function openPart(page: Page, title: string): Promise<void> {
  await page
    .getByRole('treeitem')
    .filter({ has: page.locator('.outline-title', { hasText: title }) })
    .first()
    .locator('.outline-item')
    .click();
  const text = page.getByLabel(`Text of ${title}`);
  await text.waitFor();
  await text.click();
  await page.keyboard.press('Control+End');
  await expect.poll(() => lexicalCaretIn(page)).toBe(true);
}

test('"- ", "1. " and "# " autoformat where the template allows them; Tab nests a list item; Ctrl+Shift+7/8 toggle lists', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Autoformat test' });
  const intro = view.parts.find((p) => p.kind === 'introduction')!;
  const abstract = view.parts.find((p) => p.kind === 'abstract')!;
  const page = await openApp(`&conference=${view.handle}`);
  await expect.poll(() => page.getByRole('treeitem').count()).toBe(view.parts.length);

  // The introduction allows bulleted and numbered lists and headings, not quotes.
  await openPart(page, intro.title);
  const before = (await blocks(page)).length;
  await page.keyboard.press('Enter');
  await typeLine(page, '- Access to services');
  await page.keyboard.press('Enter');
  await typeLine(page, 'Regular pathways');
  await page.keyboard.press('Tab');
  await expect
    .poll(async () => (await blocks(page)).slice(before))
    .toEqual(['ul[Access to services; ul[Regular pathways]]']);
  await page.keyboard.press('Shift+Tab');
  await expect
    .poll(async () => (await blocks(page)).slice(before))
    .toEqual(['ul[Access to services; Regular pathways]']);
  // Enter on an empty item leaves the list, as in word processors.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await typeLine(page, '1. First recommendation');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await typeLine(page, '# Background');
  await page.keyboard.press('Enter');
  await typeLine(page, '> not a quote here');
  await expect
    .poll(async () => (await blocks(page)).slice(before))
    .toEqual([
      'ul[Access to services; Regular pathways]',
      'ol[First recommendation]',
      'h1:Background',
      'p:> not a quote here',
    ]);

  // Ctrl+Shift+8 makes the paragraph a bulleted list and takes it back; Ctrl+Shift+7 a numbered one.
  await page.keyboard.press('Control+Shift+Digit8');
  await expect.poll(async () => (await blocks(page)).at(-1)).toBe('ul[> not a quote here]');
  await page.keyboard.press('Control+Shift+Digit8');
  await expect.poll(async () => (await blocks(page)).at(-1)).toBe('p:> not a quote here');
  await page.keyboard.press('Control+Shift+Digit7');
  await expect.poll(async () => (await blocks(page)).at(-1)).toBe('ol[> not a quote here]');
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-autoformat.png') });

  // What is saved is what is shown: real list and heading nodes, not "- " text.
  const savedTypes = async () =>
    (await api.getPart({ handle: view.handle, partId: intro.id })).doc.root.children
      .map((c) => {
        const node = c as { type: string; listType?: string; tag?: string };
        return node.type === 'list'
          ? `list:${node.listType}`
          : node.type === 'heading'
            ? `heading:${node.tag}`
            : node.type;
      })
      .slice(-4);
  await expect.poll(savedTypes).toEqual(['list:bullet', 'list:number', 'heading:h1', 'list:number']);

  // The abstract allows numbered lists only: "- " and "# " stay text, and Ctrl+Shift+8 does nothing.
  await openPart(page, abstract.title);
  const start = (await blocks(page)).length;
  await page.keyboard.press('Enter');
  await typeLine(page, '- a dash');
  await page.keyboard.press('Enter');
  await typeLine(page, '# a hash');
  await page.keyboard.press('Control+Shift+Digit8');
  await page.keyboard.press('Enter');
  await typeLine(page, '1. counted');
  await expect.poll(async () => (await blocks(page)).slice(start)).toEqual(['p:- a dash', 'p:# a hash', 'ol[counted]']);
});

test('"> " starts a quote where the template allows quotes', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'best-practices-compendium', title: 'Quote test' });
  const chapter = view.parts.find((p) => p.kind === 'chapter')!;
  // A title of its own: the template's default ones repeat across parts.
  await api.updatePart({ handle: view.handle, partId: chapter.id, patch: { title: 'Voices of migrants' } });
  const page = await openApp(`&conference=${view.handle}`);
  await openPart(page, 'Voices of migrants');
  const before = (await blocks(page)).length;
  await page.keyboard.press('Enter');
  await typeLine(page, '> Migration is a human right');
  await page.keyboard.press('Enter');
  await typeLine(page, '# stays text here');
  await expect
    .poll(async () => (await blocks(page)).slice(before))
    .toEqual(['blockquote:Migration is a human right', 'p:# stays text here']);
});

test('every toolbar action with a shortcut shows it (tooltip and aria-keyshortcuts), the Insert and outline menus beside their items, the Keys panel lists the list shortcuts', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Shortcuts shown' });
  const page = await openApp(`&conference=${view.handle}`);
  await openPart(page, view.parts.find((p) => p.kind === 'introduction')!.title);
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  const shown = async (name: string) => {
    const b = toolbar.getByRole('button', { name, exact: true });
    return [await b.getAttribute('title'), await b.getAttribute('aria-keyshortcuts')];
  };
  expect(await shown('Bold')).toEqual(['Bold (Ctrl+B)', 'Control+B']);
  expect(await shown('Bullet list')).toEqual(['Bullet list (Ctrl+Shift+8)', 'Control+Shift+8']);
  expect(await shown('1. List (numbered)')).toEqual(['1. List (numbered) (Ctrl+Shift+7)', 'Control+Shift+7']);
  expect(await shown('Find and replace')).toEqual(['Find and replace (Ctrl+F)', 'Control+F']);
  // Every toolbar button with keys announces them.
  const withKeys = await toolbar.locator('button[aria-keyshortcuts]').count();
  expect(withKeys).toBeGreaterThanOrEqual(11);

  await toolbar.getByRole('button', { name: 'Insert', exact: true }).click();
  const presentation = page.getByRole('menuitem', { name: /Presentation summary/ });
  expect(await presentation.getAttribute('aria-keyshortcuts')).toBe('Control+Alt+P');
  expect(await presentation.textContent()).toBe('Presentation summary…Ctrl+Alt+P');
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-insert-keys.png') });
  await page.keyboard.press('Escape');

  await toolbar.getByRole('button', { name: 'Keys: keyboard shortcuts' }).click();
  const rows = await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).locator('tr').allTextContents();
  expect(rows).toEqual(expect.arrayContaining(['Numbered listCtrl+Shift+7', 'Bulleted listCtrl+Shift+8']));
  await page.keyboard.press('Escape');

  // The outline's items announce F2 and Alt+Shift+↑/↓; its context menu shows F2 beside Rename.
  const item = page
    .getByRole('treeitem')
    .filter({ has: page.locator('.outline-title', { hasText: 'Introduction' }) })
    .first()
    .locator('.outline-item');
  expect(await item.getAttribute('aria-keyshortcuts')).toBe('F2 Alt+Shift+ArrowUp Alt+Shift+ArrowDown');
  await item.click({ button: 'right' });
  const rename = page.getByRole('menu').getByRole('menuitem', { name: /Rename/ });
  expect([await rename.textContent(), await rename.getAttribute('aria-keyshortcuts')]).toEqual(['RenameF2', 'F2']);
});
