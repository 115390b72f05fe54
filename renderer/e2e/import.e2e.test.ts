import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
// One page for the file, loaded again for each test: a new browser context costs more than twice a reload.
let page: Page;
beforeAll(async () => {
  app = await startBrowserMode();
  page = await app.openApp();
});
afterAll(async () => {
  await app.close();
});

const SEED_004 = path.resolve('seeds/source/004_cdd6db4c33bbf1a0.txt');

test('File → Import report: a seed becomes a conference, with its warnings next to the parts they concern', async () => {
  await page.getByRole('button', { name: 'Import a report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import report' });
  await dialog.getByLabel('Report file (.txt, .md or .docx)').setInputFiles(SEED_004);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  // The import takes seconds in its worker: asked every half second, not every 50 ms (each asking costs CPU).
  await expect
    .poll(() => dialog.textContent(), { timeout: 60_000, interval: 500 })
    .toMatch(/Imported as “Summary report/);
  await expect.poll(() => dialog.textContent()).toMatch(/things to check/);
  await expect.poll(() => dialog.getByText('Line 246').count()).toBe(1); // the duplicate label “iii.”
  await dialog.getByRole('button', { name: 'Open the conference' }).click();

  const outline = page.getByRole('navigation', { name: 'Outline of parts' });
  await expect.poll(() => outline.textContent()).toContain('Profiling and referral mechanisms');
  await expect.poll(() => outline.textContent()).toContain('Regional mechanisms and dialogue');

  // The warnings list opens the part a warning concerns, where the warning shows again.
  await page.getByRole('button', { name: /Import warnings \(\d+\)/ }).click();
  const panel = page.getByRole('region', { name: 'Import warnings' });
  const duplicate = panel.getByRole('listitem').filter({ hasText: 'repeats an earlier label' });
  const partName = (await duplicate.getByRole('button').first().textContent())!;
  await duplicate.getByRole('button', { name: partName }).click();
  const strip = page.getByRole('complementary', { name: 'Import warnings for this part' });
  await expect.poll(() => strip.textContent()).toContain('repeats an earlier label');
  // The part has other warnings too (recommendations without an addressee): Done takes only this one away.
  const before = await strip.getByRole('listitem').count();
  await strip
    .getByRole('listitem')
    .filter({ hasText: 'repeats an earlier label' })
    .getByRole('button', { name: 'Done' })
    .click();
  await expect.poll(() => strip.getByRole('listitem').filter({ hasText: 'repeats an earlier label' }).count()).toBe(0);
  expect(await strip.getByRole('listitem').count()).toBe(before - 1);
  await shot(page, 'rapporteur-import.png');
});

test('a file that is not a report is refused with a clear message, nothing is created', async () => {
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Import a report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import report' });
  await dialog.getByLabel('Report file (.txt, .md or .docx)').setInputFiles({
    name: 'photo.docx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 4, 5]),
  });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect
    .poll(() => dialog.getByRole('alert').textContent(), { timeout: 30_000, interval: 250 })
    .toMatch(/photo\.docx/);
  const files = (await (
    await fetch(`${new URL(app.server.url).origin}/api/listWorkspace`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rapporteur-token': app.server.token },
      body: '{}',
    })
  ).json()) as { value: { files: { name: string }[] } };
  expect(files.value.files.map((f) => f.name).filter((n) => n.includes('photo'))).toEqual([]);
});
