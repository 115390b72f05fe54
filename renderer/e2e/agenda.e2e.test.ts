/**
 * The programme: items with times, part, moderator and speakers kept in order across a reload; a
 * unit's moderator line (issue 13.6: no stray comma after the names when no text follows) and the
 * moderator chosen in the programme going into it. One tab for the file, the app loaded afresh in it for each test.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { appTab, type AppTab } from './editing-tab';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
let openApp: AppTab;
beforeAll(async () => {
  app = await startBrowserMode();
  openApp = appTab(() => app);
});
afterAll(async () => {
  await app.close();
});

test('the programme: items with times, part, moderator and speakers, kept in order across a reload', async () => {
  // The conference and its registry are made through the services, as an import would; the programme through the UI.
  const api = app.server.services.api;
  const { handle } = await api.createConference({ templateId: 'conference-proceedings', title: 'Programme test' });
  for (const [id, name] of [
    ['p1', 'Mary Robinson'],
    ['p2', 'Jorge Bustamante'],
  ]) {
    await api.saveParticipant({
      handle,
      participant: { id, honorific: '', name, title: '', organisation: '', country: '', group: '', role: 'Speaker' },
    });
  }
  const page = await openApp(`&conference=${handle}`);

  await page.getByRole('button', { name: 'Programme', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Programme' });
  await panel.getByRole('button', { name: 'Add item' }).click();
  await panel.getByRole('button', { name: 'Add item' }).click();
  const items = panel.getByRole('listitem').filter({ has: page.getByLabel('Item') });
  await expect.poll(() => items.count()).toBe(2);

  const first = items.nth(0);
  await first.getByLabel('Item').fill('Session I: From state control to shared responsibility');
  await first.getByLabel('Start').fill('10:00');
  await first.getByLabel('End').fill('11:30');
  await first.getByLabel('Day').click(); // blur saves
  await first.getByLabel('Add a speaker').selectOption({ label: 'Jorge Bustamante' });
  await first.getByLabel('Add a speaker').selectOption({ label: 'Mary Robinson' });
  await items.nth(1).getByLabel('Item').fill('Lunch');
  await items.nth(1).getByLabel('Start').click();
  // Lunch moves up, before the session.
  await items.nth(1).getByRole('button', { name: 'Move up' }).click();
  await expect.poll(() => items.nth(0).getByLabel('Item').inputValue()).toBe('Lunch');

  await page.reload();
  await page.getByRole('button', { name: 'Programme', exact: true }).click();
  await expect.poll(() => items.count()).toBe(2);
  expect(await items.nth(0).getByLabel('Item').inputValue()).toBe('Lunch');
  const session = items.nth(1);
  expect(await session.getByLabel('Item').inputValue()).toBe('Session I: From state control to shared responsibility');
  expect(await session.getByLabel('Start').inputValue()).toBe('10:00');
  expect(await session.getByLabel('End').inputValue()).toBe('11:30');
  // Speakers keep the order they were added in (agenda order drives live mode).
  expect(await session.locator('.chip').allTextContents()).toEqual(['Jorge Bustamante×', 'Mary Robinson×']);
});

test('the moderator label ends with the names; a comma comes only before text typed after them', async () => {
  const view = await app.server.services.api.createConference({
    templateId: 'conference-proceedings',
    title: 'Hemispheric Conference',
  });
  const unit = view.parts.find((p) => p.kind === 'unit')!;
  const page = await openApp(`&conference=${view.handle}`);
  await page
    .getByRole('treeitem')
    .filter({ hasText: unit.title || 'Untitled unit' })
    .first()
    .locator('.outline-item')
    .click();
  const line = page.locator('.ed-moderator');
  await expect.poll(() => line.count(), { timeout: 10_000 }).toBe(1);
  const label = () => line.evaluate((el) => getComputedStyle(el, '::before').content);
  expect(await label()).toBe('"Moderator: (person not set)"');
  await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? app.dir}/unit-moderator-empty.png` });

  await line.click();
  await page.keyboard.insertText('Chair of the session');
  await expect.poll(label).toBe('"Moderator: (person not set), "');
}, 60_000);

test("the moderator chosen in the programme goes into the unit's moderator line", async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Programme to unit' });
  const h = view.handle;
  await api.saveParticipant({
    handle: h,
    participant: {
      id: 'p1',
      honorific: 'Ms.',
      name: 'Pilar Norza',
      title: 'Regional Representative',
      organisation: 'IOM',
      country: '',
      group: '',
      role: '',
    },
  });
  const unit = view.parts.find((p) => p.kind === 'unit')!;
  await api.saveAgendaItem({
    handle: h,
    item: {
      id: 'a1',
      position: 0,
      day: 'Thursday',
      start: '11:10',
      end: '13:00',
      title: 'Unit I',
      partId: unit.id,
      moderatorId: null,
      speakerIds: [],
    },
  });

  const page = await openApp(`&conference=${h}`);
  await page.getByRole('button', { name: 'Programme', exact: true }).click();
  const item = page
    .getByRole('region', { name: 'Programme' })
    .getByRole('listitem')
    .filter({ has: page.getByLabel('Item') });
  await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
  await item.getByLabel('Moderator').selectOption({ label: 'Pilar Norza' });
  await expect
    .poll(
      async () =>
        (await api.getPart({ handle: h, partId: unit.id })).doc.root.children
          .filter((n) => (n as { type: string }).type === 'moderator')
          .map((n) => (n as { names: string[] }).names),
      { timeout: 10_000 },
    )
    .toEqual([['Ms. Pilar Norza']]);

  await page.getByRole('treeitem').filter({ hasText: 'Untitled unit' }).first().locator('.outline-item').click();
  const line = page.locator('.ed-moderator');
  await expect.poll(() => line.getAttribute('data-names'), { timeout: 10_000 }).toBe('Ms. Pilar Norza');
  expect(await line.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Moderator: Ms. Pilar Norza"');
  await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? app.dir}/unit-moderator-from-programme.png` });
}, 60_000);
