/**
 * Replace in all parts on the seed 000 sample (a copy): the app's own OCR fix "Internationa" →
 * "International" with whole word lists only the damaged words, replaces exactly them as one
 * operation, reports the count it changed, and one undo brings the text back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { docToPlainText } from '../../shared/model/doc-text';
import { samplePath, SAMPLES } from '../../seeds/build-samples';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
let file: string;
beforeAll(async () => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-replace-')), 'seed-000.rapporteur');
  fs.copyFileSync(samplePath(SAMPLES.find((s) => s.seed === '000')!.name), file);
  app = await startBrowserMode({ openFile: file });
});
afterAll(async () => {
  await app.close();
});

/** Every part's text, read from the file by a connection of its own. */
function texts(): Map<string, string> {
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
  const before = texts();
  const damaged = countIn(before, DAMAGED);
  const correct = countIn(before, /International(?!\p{L})/gu);
  expect(damaged).toBeGreaterThan(2);
  const partsWithHits = [...before.values()].filter((t) => t.match(DAMAGED)).length;

  const page = await app.openApp();
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
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-replace-preview.png') });

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

  const after = texts();
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
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-replace-done.png') });

  await dialog.getByRole('button', { name: 'Undo this replace' }).click();
  await expect.poll(() => dialog.getByRole('status').first().textContent()).toMatch(/^Undone/);
  expect(texts()).toEqual(before);
  await expect.poll(() => page.getByLabel('Text of Abstract').textContent()).toMatch(DAMAGED);
  // The replace and its undo are this window's own: the open part shows no conflict with them.
  await page.waitForTimeout(500);
  expect(await page.locator('.conflict-banner').count()).toBe(0);

  // Escape closes the dialog and gives the focus back to the find bar's button.
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
});
