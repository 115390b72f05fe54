/**
 * Several rapporteurs, one report, in Chromium (browser mode): the editor prepares Ana's kit
 * from the seed 000 sample, a second browser context opens the kit (its banner says whose it
 * is) and drafts her two sessions, the editor edits one of them meanwhile, then brings the kit
 * back: one part taken, one conflict reported (the desk's text kept), which the editor then
 * decides by taking Ana's text.
 * Every file comes from the app's own chooser over the workspace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { samplePath, SAMPLES } from '../../seeds/build-samples';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
let shots: string;
beforeAll(async () => {
  app = await startBrowserMode();
  fs.mkdirSync(path.join(app.dir, 'workspace'), { recursive: true });
  fs.copyFileSync(samplePath(SAMPLES.find((s) => s.seed === '000')!.name), path.join(app.dir, 'workspace', 'desk.rapporteur'));
  shots = path.join(app.dir, '..');
});
afterAll(async () => { await app.close(); });

const saved = (page: Page) => expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

async function openFromWorkspace(page: Page, name: string) {
  await page.getByRole('button', { name: 'Open a conference file…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Open conference' });
  await chooser.getByRole('option', { name }).click();
  await chooser.getByRole('button', { name: 'Open', exact: true }).click();
  await expect.poll(() => page.getByRole('navigation', { name: 'Outline of parts' }).isVisible(), { timeout: 15_000 }).toBe(true);
}

async function selectPart(page: Page, title: string) {
  await page.getByRole('treeitem').filter({ hasText: title }).first().locator('.outline-item').first().click();
}

async function typeInto(page: Page, title: string, text: string) {
  await selectPart(page, title);
  await page.getByLabel(`Text of ${title}`).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await saved(page);
}

test('a kit is prepared, drafted in a second browser context, and brought back: one part taken, one conflict reported and then decided', async () => {
  const desk = await app.openApp();
  await openFromWorkspace(desk, 'desk.rapporteur');
  for (const title of ['Abstract', 'Introduction']) {
    await selectPart(desk, title);
    await desk.getByLabel('Rapporteur').fill('Ana Gómez');
    await desk.getByLabel('Rapporteur').press('Tab');
    await saved(desk);
  }

  await desk.getByRole('button', { name: 'Prepare kit for…' }).click();
  const prepare = desk.getByRole('dialog', { name: 'Prepare a rapporteur’s kit' });
  expect(await prepare.getByLabel('Rapporteur').inputValue()).toBe('Ana Gómez');
  expect(await prepare.locator('.kit-parts li').allTextContents()).toEqual(['Abstract', 'Introduction']);
  await desk.screenshot({ path: path.join(shots, 'rapporteur-kit-prepare.png') });
  await prepare.getByRole('button', { name: 'Save the kit…' }).click();
  const saveAs = desk.getByRole('dialog', { name: 'Save a copy' });
  expect(await saveAs.getByLabel('File name').inputValue()).toMatch(/ – kit for Ana Gómez\.rapporteur$/);
  await saveAs.getByLabel('File name').fill('ana-kit');
  await saveAs.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => desk.locator('.notice').textContent()).toContain('Ana Gómez’s kit was saved to');
  expect(fs.existsSync(path.join(app.dir, 'workspace', 'ana-kit.rapporteur'))).toBe(true);

  // Ana, elsewhere: the kit opens as any conference and says whose it is.
  const ana = await app.openApp();
  await openFromWorkspace(ana, 'ana-kit.rapporteur');
  const banner = ana.getByRole('status', { name: 'Rapporteur kit' });
  await expect.poll(() => banner.textContent()).toMatch(/^This is Ana Gómez’s kit of Hemispheric Conference[^,]*, from version “Kit for Ana Gómez \(/);
  expect(await ana.getByRole('button', { name: 'Prepare kit for…' }).count()).toBe(0);
  await typeInto(ana, 'Abstract', ' Ana drafted this in the room.');
  await typeInto(ana, 'Introduction', ' Ana on the introduction.');
  await ana.screenshot({ path: path.join(shots, 'rapporteur-kit-banner.png') });

  // Meanwhile the desk harmonises the introduction: a conflict to come.
  await typeInto(desk, 'Introduction', ' The desk harmonised this.');

  await desk.getByRole('button', { name: 'Bring in returned kits…' }).click();
  const open = desk.getByRole('dialog', { name: 'Open conference' });
  await open.getByRole('option', { name: 'ana-kit.rapporteur' }).click();
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  const report = desk.getByRole('dialog', { name: 'Kits brought in' });
  await expect.poll(() => report.getByRole('status').textContent(), { timeout: 15_000 })
    .toBe('1 taken, 1 in conflict, 0 refused. A snapshot kept the conference as it was before (Snapshots).');
  expect(await report.getByRole('region', { name: 'Taken' }).textContent()).toContain('Abstract');
  expect(await report.getByRole('region', { name: 'Conflicts (waiting for you)' }).textContent()).toContain('Introduction');
  await desk.screenshot({ path: path.join(shots, 'rapporteur-kit-merged.png') });
  // Nothing was replaced on the conflicting part until the editor decides.
  await report.getByRole('button', { name: 'Close' }).click();
  await selectPart(desk, 'Abstract');
  await expect.poll(() => desk.getByLabel('Text of Abstract').textContent()).toContain('Ana drafted this in the room.');
  await selectPart(desk, 'Introduction');
  const intro = await desk.getByLabel('Text of Introduction').textContent();
  expect(intro).toContain('The desk harmonised this.');
  expect(intro).not.toContain('Ana on the introduction.');

  // Brought in again: the same kit changes nothing, and its conflict still waits; the editor takes Ana's text.
  await desk.getByRole('button', { name: 'Bring in returned kits…' }).click();
  await open.getByRole('option', { name: 'ana-kit.rapporteur' }).click();
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  await expect.poll(() => report.textContent(), { timeout: 15_000 }).toContain('was already brought in');
  expect(await report.getByRole('status').textContent()).toBe('0 taken, 1 in conflict, 0 refused.');
  await report.getByRole('button', { name: 'Take Ana Gómez’s text' }).click();
  await expect.poll(() => report.getByRole('region', { name: 'Decided' }).textContent()).toContain('Introduction: Decided: Ana Gómez’s text from the kit replaced the desk’s');
  expect(await report.getByRole('region', { name: 'Conflicts (waiting for you)' }).count()).toBe(0);
  expect(await report.getByRole('status').textContent()).toBe('0 taken, 0 in conflict, 0 refused.');
  await desk.screenshot({ path: path.join(shots, 'rapporteur-kit-decided.png') });
  await report.getByRole('button', { name: 'Close' }).click();
  await selectPart(desk, 'Introduction');
  await expect.poll(() => desk.getByLabel('Text of Introduction').textContent()).toContain('Ana on the introduction.');
  expect(await desk.getByLabel('Text of Introduction').textContent()).not.toContain('The desk harmonised this.');
});
