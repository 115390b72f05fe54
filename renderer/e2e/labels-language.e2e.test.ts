/**
 * Issue 14.2: what the template writes into the document follows the conference language, in the
 * app too: the outline's labels ("Unidad II.") and the starting content of a part added there,
 * whatever the interface's language (English here).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

test('a Spanish conference numbers its units in Spanish in the outline, as its exports do', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Actas', language: 'es' });
  const page = await app.openApp(`&conference=${view.handle}`);
  const items = page.getByRole('treeitem');
  await expect.poll(() => items.count()).toBe(view.parts.length);
  await items.filter({ hasText: 'Unidad sin título' }).locator('.outline-item').click();
  await page.getByRole('button', { name: /^\+ / }).first().click();
  await expect.poll(() => items.count()).toBe(view.parts.length + 4);
  const titles = await page.locator('.outline-item .outline-title').allTextContents();
  expect(titles.some((t) => t.startsWith('Unidad I.'))).toBe(true);
  expect(titles.some((t) => t.startsWith('Unidad II.'))).toBe(true);
  expect(titles.join('\n')).toMatch(/Anexo 1/);
  expect(titles.join('\n')).not.toMatch(/\b(Unit|Annex) [\dIV]/);
  // The unit added here is titled in the conference's language too, and so are the parts it comes with.
  expect(titles.filter((t) => t.startsWith('Unidad II.'))).toEqual(['Unidad II. Unidad sin título ● required']);
  expect(titles.join('\n')).not.toMatch(/Untitled|Speakers|Highlights/);
  await shot(page, 'labels-language-es.png');
}, 60_000);

test('a part added to a French conference starts with its headings in French', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'annual-activity-report', title: 'Rapport', language: 'fr' });
  const page = await app.openApp(`&conference=${view.handle}`);
  const items = page.getByRole('treeitem');
  await expect.poll(() => items.count()).toBe(view.parts.length);
  const before = new Set(view.parts.map((p) => p.id));
  const first = await api.getConference({ handle: view.handle });
  const firstImplementer = first.parts.find((p) => p.kind === 'implementer')!;
  await items.filter({ hasText: firstImplementer.title }).first().locator('.outline-item').click();
  await page.getByRole('button', { name: /^\+ / }).first().click();
  await expect.poll(() => items.count()).toBeGreaterThan(view.parts.length);
  const after = await api.getConference({ handle: view.handle });
  const added = after.parts.find((p) => !before.has(p.id) && p.kind === 'implementer')!;
  const text = JSON.stringify((await api.getPart({ handle: view.handle, partId: added.id })).doc);
  for (const heading of ['Activités confiées par le Programme', 'Activités menées', 'Activités prévues', 'Calendrier'])
    expect(text).toContain(heading);
  expect(text).not.toContain('Activities');
  await shot(page, 'labels-language-fr.png');
}, 60_000);

/** The label drawn before a unit's moderator line (CSS ::before), as the user sees it. */
async function moderatorLine(page: import('playwright-core').Page, unitTitle: string) {
  await page.getByRole('treeitem').filter({ hasText: unitTitle }).first().locator('.outline-item').click();
  const line = page.locator('.editor-content .ed-moderator');
  await expect.poll(() => line.count(), { timeout: 10_000 }).toBe(1);
  return () => line.evaluate((el) => getComputedStyle(el, '::before').content);
}

test("a Spanish conference's moderator line reads “Moderación:” in the editor, its hint in the interface's English", async () => {
  const view = await app.server.services.api.createConference({
    templateId: 'conference-proceedings',
    title: 'Actas',
    language: 'es',
  });
  const page = await app.openApp(`&conference=${view.handle}`);
  const label = await moderatorLine(page, 'Unidad sin título');
  await expect.poll(label).toBe('"Moderación: (person not set)"');
  await shot(page, 'moderator-label-es.png');
}, 60_000);

test('with the interface in French, a Spanish conference keeps “Moderación:”, and an English one “Moderator:”; the hint is French', async () => {
  const french = await startBrowserMode({ locale: 'fr-FR' });
  try {
    const api = french.server.services.api;
    const es = await api.createConference({ templateId: 'conference-proceedings', title: 'Actas', language: 'es' });
    const page = await french.openApp(`&conference=${es.handle}`);
    const label = await moderatorLine(page, 'Unidad sin título');
    await expect.poll(label).toBe('"Moderación: (personne non indiquée)"');
    await shot(page, 'moderator-label-es-ui-fr.png');

    const en = await api.createConference({
      templateId: 'conference-proceedings',
      title: 'Proceedings',
      language: 'en',
    });
    const pageEn = await french.openApp(`&conference=${en.handle}`);
    const labelEn = await moderatorLine(pageEn, 'Untitled unit');
    await expect.poll(labelEn).toBe('"Moderator: (personne non indiquée)"');
  } finally {
    await french.close();
  }
}, 90_000);
