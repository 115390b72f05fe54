/** Issue 13.6: a unit's moderator line in the editor: no stray comma after the names when no text follows. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
beforeAll(async () => { app = await startBrowserMode(); });
afterAll(async () => { await app.close(); });

test('the moderator label ends with the names; a comma comes only before text typed after them', async () => {
  const view = await app.server.services.api.createConference({ templateId: 'conference-proceedings', title: 'Hemispheric Conference' });
  const unit = view.parts.find((p) => p.kind === 'unit')!;
  const page = await app.openApp(`&conference=${view.handle}`);
  await page.getByRole('treeitem').filter({ hasText: unit.title || 'Untitled unit' }).first().locator('.outline-item').click();
  const line = page.locator('.ed-moderator');
  await expect.poll(() => line.count(), { timeout: 10_000 }).toBe(1);
  const label = () => line.evaluate((el) => getComputedStyle(el, '::before').content);
  expect(await label()).toBe('"Moderator: (person not set)"');
  await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? app.dir}/unit-moderator-empty.png` });

  await line.click();
  await page.keyboard.type('Chair of the session');
  await expect.poll(label).toBe('"Moderator: (person not set), "');
}, 60_000);
