/**
 * The outline and what is reached from it: adding, deleting, duplicating, dragging and searching;
 * renaming in place (double-click, F2, right-click, the part's heading) with undo; the outline as a
 * tree from the keyboard; a dialog that takes, keeps and gives back the focus, pop-ups that close on
 * Escape and outside presses; replace in all parts on the seed 000 sample. One tab for the file, the
 * app loaded afresh in it for each test.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { docToPlainText } from '../../shared/model/doc-text';
import { samplePath, SAMPLES } from '../../seeds/build-samples';
import { appTab, type AppTab } from './editing-tab';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
let openApp: AppTab;
beforeAll(async () => {
  app = await startBrowserMode();
  openApp = appTab(() => app);
});
afterAll(async () => {
  await app.close();
});

const focusedPart = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('li[data-part-id]')?.getAttribute('data-part-id') ?? null);
const focusedIn = (page: Page, selector: string) =>
  page.evaluate((s) => !!document.activeElement?.closest(s), selector);

test('the outline adds a unit with the template’s group, deletes with undo, flags required sections and shows guidance', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Outline test' });
  const page = await openApp(`&conference=${view.handle}`);
  const items = page.getByRole('treeitem');
  await expect.poll(() => items.count()).toBe(view.parts.length);

  // Guidance of an empty section, and its required flag.
  await items.filter({ hasText: 'Introduction' }).locator('.outline-item').click();
  expect(await page.locator('.editor-placeholder').textContent()).not.toBe('Start typing…');
  expect(await items.filter({ hasText: 'Introduction' }).textContent()).toContain('required');

  // A new unit comes with its speakers, comments and highlights, and the moderator line of the template.
  await items.filter({ hasText: 'Untitled unit' }).locator('.outline-item').click();
  await page.getByRole('button', { name: '+ unit' }).click();
  await expect.poll(() => items.count()).toBe(view.parts.length + 4);
  const titles = await page.locator('.outline-item .outline-title').allTextContents();
  const second = titles.findIndex((t) => t.startsWith('Unit II.'));
  expect(second).toBeGreaterThan(0);
  expect(titles.slice(second + 1, second + 4).map((t) => t.replace(/ ● required$/, ''))).toEqual([
    '1. Speakers',
    '2. Comments',
    '3. Highlights of the unit',
  ]);
  await expect.poll(() => page.locator('.ed-moderator').count()).toBe(1);

  // Delete the new unit, then undo.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => items.count()).toBe(view.parts.length);
  await page.getByRole('button', { name: 'Undo delete' }).click();
  await expect.poll(() => items.count()).toBe(view.parts.length + 4);
  expect((await api.getConference({ handle: view.handle })).parts.filter((p) => p.kind === 'unit')).toHaveLength(2);

  // Duplicate the first unit (with its sub-parts).
  await items.filter({ hasText: 'Unit I.' }).first().locator('.outline-item').click();
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect.poll(() => items.count()).toBe(view.parts.length + 8);
  await shot(page, 'rapporteur-outline.png');
});

test('drag to reorder in the outline; search the conference and land on the words in their part', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Reorder and search' });
  const unit = view.parts.find((p) => p.kind === 'unit')!;
  const comments = view.parts.find((p) => p.kind === 'comments' && p.parentId === unit.id)!;
  await api.savePart({
    handle: view.handle,
    partId: comments.id,
    baseRevision: comments.revision,
    doc: {
      root: {
        type: 'root',
        direction: null,
        format: '',
        indent: 0,
        version: 1,
        children: [
          {
            type: 'paragraph',
            direction: 'ltr',
            format: '',
            indent: 0,
            version: 1,
            textFormat: 0,
            textStyle: '',
            children: [
              {
                type: 'text',
                text: 'The commentator praised the remittance survey.',
                format: 0,
                style: '',
                mode: 'normal',
                detail: 0,
                version: 1,
              },
            ],
          },
        ],
      },
    },
  });
  const page = await openApp(`&conference=${view.handle}`);
  const items = page.getByRole('treeitem');
  await expect.poll(() => items.count()).toBe(view.parts.length);

  // Drag "Comments" above "Speakers" inside the unit.
  await items
    .filter({ hasText: 'Comments' })
    .first()
    .dragTo(items.filter({ hasText: 'Speakers' }).first());
  await expect
    .poll(async () =>
      (await api.getConference({ handle: view.handle })).parts
        .filter((p) => p.parentId === unit.id)
        .sort((a, b) => a.position - b.position)
        .map((p) => p.kind),
    )
    .toEqual(['comments', 'speakers', 'highlights']);
  expect(
    (await page.locator('.outline-item .outline-title').allTextContents())
      .filter((t) => /Comments|Speakers/.test(t))
      .slice(0, 2)
      .map((t) => t.replace(/ ● required$/, '')),
  ).toEqual(['1. Comments', '2. Speakers']);

  // Conference-wide search: the hit opens its part with the find bar on the words.
  await page.getByLabel('Search the conference').fill('remittance');
  await page.getByLabel('Search the conference').press('Enter');
  await page.getByRole('option').filter({ hasText: 'Comments' }).click();
  await expect.poll(() => page.getByLabel('Find', { exact: true }).inputValue()).toBe('remittance');
  await expect.poll(() => page.locator('.find-count').textContent()).toBe('1 of 1');

  // Replace in the part.
  await page.getByLabel('Replace with').fill('migration');
  await page.getByRole('button', { name: 'Replace all' }).click();
  await expect
    .poll(() => page.getByLabel('Text of Comments').textContent())
    .toBe('The commentator praised the migration survey.');

  // Replace in all parts: a preview of the hits, then the service replaces them in the file (this part's typing saved first), after a snapshot.
  const speakers = (await api.getConference({ handle: view.handle })).parts.find(
    (p) => p.kind === 'speakers' && p.parentId === unit.id,
  )!;
  await api.savePart({
    handle: view.handle,
    partId: speakers.id,
    baseRevision: speakers.revision,
    doc: {
      root: {
        type: 'root',
        direction: null,
        format: '',
        indent: 0,
        version: 1,
        children: [
          {
            type: 'paragraph',
            direction: 'ltr',
            format: '',
            indent: 0,
            version: 1,
            textFormat: 0,
            textStyle: '',
            children: [
              {
                type: 'text',
                text: 'A survey of returnees was presented.',
                format: 0,
                style: '',
                mode: 'normal',
                detail: 0,
                version: 1,
              },
            ],
          },
        ],
      },
    },
  });
  await page.getByLabel('Find', { exact: true }).fill('survey');
  await page.getByLabel('Replace with').fill('study');
  await page.getByRole('button', { name: 'Replace in all parts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace in all parts' });
  await dialog.getByRole('button', { name: 'Find in all parts' }).click();
  await dialog.getByRole('button', { name: 'Replace 2 ticked' }).click();
  await expect
    .poll(() => dialog.getByRole('status').first().textContent())
    .toBe('Replaced 2 in 2 parts. A snapshot was taken first.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect
    .poll(() => page.getByLabel('Text of Comments').textContent())
    .toBe('The commentator praised the migration study.');
  expect(JSON.stringify((await api.getPart({ handle: view.handle, partId: speakers.id })).doc)).toContain(
    'A study of returnees was presented.',
  );
  expect((await api.listSnapshots({ handle: view.handle })).map((s) => s.name)).toContain(
    'Before replacing “survey” with “study”',
  );
});

test('rename a part by double-click, F2, the context menu and its heading; Escape keeps the old title; Undo puts it back', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Rename test' });
  const stored = async (id: string) =>
    (await api.getConference({ handle: view.handle })).parts.find((p) => p.id === id)!.title;
  const unit = view.parts.find((p) => p.title === 'Untitled unit')!;
  const page = await openApp(`&conference=${view.handle}`);
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
  // What is typed goes into the field F2 opened (the keys are not the subject: one input event).
  await page.keyboard.insertText('Human rights of migrants');
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
  await shot(page, 'rapporteur-rename.png');
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

test('the outline is a tree from the keyboard: arrows, Home/End, ←/→ between levels, Enter opens, Alt+Shift+↓ moves a part', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Keyboard test' });
  const page = await openApp(`&conference=${view.handle}`);
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
  const page = await openApp(`&conference=${view.handle}`);
  const exportButton = page.getByRole('button', { name: 'Export…' });
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: 'Export proceedings' });
  await expect.poll(() => focusedIn(page, '[role="dialog"]')).toBe(true);
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
    expect(await focusedIn(page, '.export-dialog')).toBe(true);
  }
  await shot(page, 'rapporteur-export-focus.png');
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

/**
 * Replace in all parts on the seed 000 sample (a copy): the app's own OCR fix "Internationa" →
 * "International" with whole word lists only the damaged words, replaces exactly them as one
 * operation, reports the count it changed, and one undo brings the text back.
 */

/** Every part's text, read from the file by a connection of its own. */
function texts(file: string): Map<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    return new Map(
      (db.prepare('SELECT id, doc FROM parts').all() as { id: string; doc: string }[]).map((r) => [
        r.id,
        docToPlainText(JSON.parse(r.doc)),
      ]),
    );
  } finally {
    db.close();
  }
}
const countIn = (m: Map<string, string>, re: RegExp) =>
  [...m.values()].reduce((n, t) => n + (t.match(re)?.length ?? 0), 0);
const DAMAGED = /Internationa(?!\p{L})/gu;

test('replace in all parts: whole word lists only the damaged words; the reported count is what changed; one undo restores', async () => {
  const file = path.join(fs.mkdtempSync(path.join(app.dir, 'replace-')), 'seed-000.rapporteur');
  fs.copyFileSync(samplePath(SAMPLES.find((s) => s.seed === '000')!.name), file);
  const before = texts(file);
  const damaged = countIn(before, DAMAGED);
  const correct = countIn(before, /International(?!\p{L})/gu);
  expect(damaged).toBeGreaterThan(2);
  const partsWithHits = [...before.values()].filter((t) => t.match(DAMAGED)).length;

  const page = await openApp(`&conference=${app.server.services.openFile(file)}`);
  await page.getByRole('treeitem').filter({ hasText: 'Abstract' }).first().locator('.outline-item').first().click();
  await page.getByRole('button', { name: 'Find and replace' }).click();
  const bar = page.getByRole('search', { name: 'Find and replace in this part' });
  await bar.getByLabel('Find', { exact: true }).fill('Internationa');
  await bar.getByLabel('Whole word').check();
  await bar.getByLabel('Match case').check();
  await bar.getByLabel('Replace with').fill('International');
  await bar.getByRole('button', { name: 'Replace in all parts…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Replace in all parts' });
  // The dialog takes the focus, keeps the options it was opened with.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
  expect(await dialog.getByLabel('Whole word').isChecked()).toBe(true);
  await dialog.getByRole('button', { name: 'Find in all parts' }).click();
  await expect
    .poll(() => dialog.getByRole('status').first().textContent(), { timeout: 15_000 })
    .toBe(`${damaged} hits in ${partsWithHits} parts. Untick any you want left as they are.`);
  const hits = dialog.locator('.replace-hit');
  expect(await hits.count()).toBe(damaged);
  for (const h of await hits.all()) {
    expect(await h.locator('del').textContent()).toBe('Internationa');
    expect(await h.locator('ins').textContent()).toBe('International');
    expect(await h.textContent()).not.toMatch(/InternationaInternationall/);
  }
  await shot(page, 'rapporteur-replace-preview.png');

  // Untick one, then tick all again: all of them are replaced.
  await hits.first().getByRole('checkbox').uncheck();
  await expect
    .poll(() => dialog.getByRole('button', { name: /^Replace \d+ ticked$/ }).textContent())
    .toBe(`Replace ${damaged - 1} ticked`);
  await dialog.getByRole('button', { name: 'Tick all', exact: true }).click();
  await dialog.getByRole('button', { name: `Replace ${damaged} ticked` }).click();
  await expect
    .poll(() => dialog.getByRole('status').first().textContent(), { timeout: 15_000 })
    .toBe(`Replaced ${damaged} in ${partsWithHits} parts. A snapshot was taken first.`);

  const after = texts(file);
  expect(countIn(after, DAMAGED)).toBe(0);
  expect(countIn(after, /Internationall/g)).toBe(0);
  expect(countIn(after, /International(?!\p{L})/gu)).toBe(correct + damaged);
  // The count reported is the count changed: each changed part differs by exactly its hits.
  let changedWords = 0;
  for (const [id, t] of after) {
    const was = before.get(id)!;
    if (t !== was) changedWords += was.match(DAMAGED)?.length ?? 0;
    expect(t.replace(/International(?!\p{L})/gu, '§')).toBe(was.replace(/International?(?!\p{L})/gu, '§'));
  }
  expect(changedWords).toBe(damaged);
  // The open part shows the replaced text (reloaded from the file).
  await expect.poll(() => page.getByLabel('Text of Abstract').textContent()).not.toMatch(DAMAGED);
  await shot(page, 'rapporteur-replace-done.png');

  await dialog.getByRole('button', { name: 'Undo this replace' }).click();
  await expect.poll(() => dialog.getByRole('status').first().textContent()).toMatch(/^Undone/);
  expect(texts(file)).toEqual(before);
  await expect.poll(() => page.getByLabel('Text of Abstract').textContent()).toMatch(DAMAGED);
  // The replace and its undo are this window's own: the open part shows no conflict with them.
  await page.waitForTimeout(500);
  expect(await page.locator('.conflict-banner').count()).toBe(0);

  // Escape closes the dialog and gives the focus back to the find bar's button.
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
});
