import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../electron/server/http-server';
import { launchChromium, rendererBuild, shot } from './harness';

/**
 * Browser mode restarted while a tab holds unsaved text: the tab's token is dead, so its
 * saves fail; the text is kept in the browser and comes back when the conference is
 * opened from the new address.
 */

let dir: string;
let browser: Browser;
const servers: RunningServer[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-hot-exit-'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  for (const s of servers) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});

const serve = async () => {
  const server = await startServer({
    dataDir: path.join(dir, 'data'),
    workspaceDir: path.join(dir, 'workspace'),
    port: 0,
    ...rendererBuild(),
  });
  servers.push(server);
  return server;
};

const editor = (page: Page) => page.getByLabel('Text of Objectives');
const saveStatus = (page: Page) => page.getByTestId('save-status').textContent();

test('text typed after the server restarted is kept in the browser and restored from the new address', async () => {
  const first = await serve();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(first.url);
  await page.getByLabel('Title').fill('Hot exit');
  await page.getByRole('button', { name: 'Create conference' }).click();
  await page.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item').click();
  await editor(page).click();
  // Text goes in as one input: what is kept is the subject, not typing key by key.
  await page.keyboard.insertText('Saved before the restart.');
  await expect.poll(() => saveStatus(page), { timeout: 10_000 }).toBe('All changes saved');
  const place = new URL(page.url()).hash;
  expect(place).toContain('part=');

  // The service restarts: same data folder, so the same port (same origin), but a new token.
  await first.close();
  const second = await serve();
  expect(new URL(second.url).origin).toBe(new URL(first.url).origin);
  expect(second.token).not.toBe(first.token);

  await page.keyboard.insertText(' Typed after it.');
  await expect.poll(() => saveStatus(page), { timeout: 10_000 }).toBe('Not saved');
  await expect
    .poll(() => page.getByRole('alert').filter({ hasText: 'lost its connection to Rapporteur' }).count(), {
      timeout: 10_000,
    })
    .toBe(1);
  await shot(page, 'rapporteur-hot-exit-lost.png');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('rapporteur.unsaved.v1:')),
  );
  expect(kept).toHaveLength(1);

  // The user opens the new address (in a new tab of the same browser) at the same place.
  const again = await context.newPage();
  again.on('pageerror', (e) => pageErrors.push(e.message));
  await again.goto(second.url + place);
  const notice = again.getByRole('status').filter({ hasText: 'Restored your unsaved text of “Objectives”' });
  await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
  await shot(again, 'rapporteur-hot-exit-restored.png');
  await expect
    .poll(() => editor(again).textContent(), { timeout: 10_000 })
    .toBe('Saved before the restart. Typed after it.');
  expect(
    await again.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rapporteur.unsaved.v1:'))),
  ).toEqual([]);

  // It is in the file, not only on screen.
  const conferencePath = new URLSearchParams(place.slice(1)).get('conference')!;
  const partId = new URLSearchParams(place.slice(1)).get('part')!;
  const view = await second.services.api.openConference({ path: conferencePath });
  const part = await second.services.api.getPart({ handle: view.handle, partId });
  expect(JSON.stringify(part.doc)).toContain('Saved before the restart. Typed after it.');
  await context.close();
});

test('text typed while the service was stopped comes back after a snapshot when the part changed meanwhile', async () => {
  const first = await serve();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(first.url);
  await page.getByLabel('Title').fill('Stopped');
  await page.getByRole('button', { name: 'Create conference' }).click();
  await page.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item').click();
  await editor(page).click();
  await page.keyboard.insertText('Mine.');
  await expect.poll(() => saveStatus(page), { timeout: 10_000 }).toBe('All changes saved');
  const place = new URLSearchParams(new URL(page.url()).hash.slice(1));

  // The service stops: saves cannot reach it at all.
  await first.close();
  await page.keyboard.insertText(' Typed while it was down.');
  await expect.poll(() => saveStatus(page), { timeout: 10_000 }).toBe('Not saved');
  await expect
    .poll(() => page.getByRole('alert').filter({ hasText: 'not reachable' }).count(), { timeout: 10_000 })
    .toBe(1);

  // It comes back, and someone else changes the same part before this browser returns.
  const second = await serve();
  const view = await second.services.api.openConference({ path: place.get('conference')! });
  const theirs = await second.services.api.getPart({ handle: view.handle, partId: place.get('part')! });
  const otherDoc = JSON.parse(JSON.stringify(theirs.doc).replace('Mine.', 'Theirs.')) as typeof theirs.doc;
  await second.services.api.savePart({
    handle: view.handle,
    partId: theirs.id,
    doc: otherDoc,
    baseRevision: theirs.revision,
  });

  const again = await context.newPage();
  again.on('pageerror', (e) => pageErrors.push(e.message));
  await again.goto(`${second.url}#${place.toString()}`);
  const notice = again
    .getByRole('status')
    .filter({ hasText: 'The version that was in the file is kept in a snapshot.' });
  await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => editor(again).textContent(), { timeout: 10_000 }).toBe('Mine. Typed while it was down.');
  const snapshots = await second.services.api.listSnapshots({ handle: view.handle });
  expect(snapshots.map((x) => x.name)).toContain('Before restoring unsaved text of “Objectives” kept in the browser');
  await context.close();
});
