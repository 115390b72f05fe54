/** Issue 13.6: a unit's moderator line in the editor: no stray comma after the names when no text follows. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

test('the moderator label ends with the names; a comma comes only before text typed after them', async () => {
  const view = await app.server.services.api.createConference({
    templateId: 'conference-proceedings',
    title: 'Hemispheric Conference',
  });
  const unit = view.parts.find((p) => p.kind === 'unit')!;
  const page = await app.openApp(`&conference=${view.handle}`);
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
  await page.keyboard.type('Chair of the session');
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

  const page = await app.openApp(`&conference=${h}`);
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
