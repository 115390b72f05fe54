import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

test('the outline adds a unit with the template’s group, deletes with undo, flags required sections and shows guidance', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Outline test' });
  const page = await app.openApp(`&conference=${view.handle}`);
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
  await page.screenshot({ path: '/tmp/rapporteur-outline.png' });
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
  const page = await app.openApp(`&conference=${view.handle}`);
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
