/**
 * Accepting an OCR repair in the warnings panel of the seed 000 sample (a copy): the panel
 * offers “internationa” → “international” once, Accept changes every whole-word occurrence
 * in the file, says how many, and the open part shows the repaired text.
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
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-ocr-')), 'seed-000.rapporteur');
  fs.copyFileSync(samplePath(SAMPLES.find((s) => s.seed === '000')!.name), file);
  app = await startBrowserMode({ openFile: file });
});
afterAll(async () => {
  await app.close();
});

function texts(): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT doc FROM parts').all() as { doc: string }[]).map((r) =>
      docToPlainText(JSON.parse(r.doc)),
    );
  } finally {
    db.close();
  }
}
const DAMAGED = /(?<![\p{L}\p{N}_])internationa(?![\p{L}\p{N}_])/gu;
// A regular expression: Playwright matches plain text regardless of case, and “Internationa” is a repair of its own.
const SUGGESTED = /Suggested: “internationa” → “international”/;
const count = (re: RegExp) => texts().reduce((n, t) => n + (t.match(re)?.length ?? 0), 0);

test('Accept on an OCR repair applies it to every whole-word occurrence and says how many it changed', async () => {
  const damaged = count(DAMAGED);
  expect(damaged).toBeGreaterThan(2);

  const page = await app.openApp();
  await page.getByRole('button', { name: /Import warnings \(\d+\)/ }).click();
  const panel = page.getByRole('region', { name: 'Import warnings' });
  const repair = panel.getByRole('listitem').filter({ hasText: SUGGESTED });
  await expect.poll(() => repair.count()).toBe(1);
  expect(await repair.textContent()).toContain(`“internationa” (${damaged} times)`);

  // Open the part the repair concerns, then accept it from the panel's list there.
  await repair.getByRole('button').first().click();
  const strip = page.getByRole('complementary', { name: 'Import warnings for this part' });
  const inPart = strip.getByRole('listitem').filter({ hasText: SUGGESTED });
  await expect.poll(() => inPart.count()).toBe(1);
  const editor = page.locator('[contenteditable="true"]').first();
  await expect.poll(async () => ((await editor.textContent()) ?? '').match(DAMAGED)?.length ?? 0).toBeGreaterThan(0);
  await inPart.getByRole('button', { name: 'Accept' }).click();

  // The notice at the foot of the window says how many it changed.
  const notice = page.getByText(`Replaced ${damaged} occurrences of “internationa” with “international”.`, {
    exact: true,
  });
  await expect.poll(() => notice.count()).toBe(1);
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-ocr-repair.png') });
  expect(count(DAMAGED)).toBe(0);
  expect(count(/(?<!\p{L})internationall(?!\p{L})/giu)).toBe(0);
  // The open part was reloaded with the repaired text.
  await expect
    .poll(async () => {
      const t = (await editor.textContent()) ?? '';
      return t.match(DAMAGED)?.length ?? 0;
    })
    .toBe(0);
  await expect.poll(async () => (await editor.textContent())?.includes('international')).toBe(true);
  // The repair is no longer open; dismissed and accepted ones show on request.
  await expect
    .poll(() => page.getByRole('complementary', { name: 'Import warnings for this part' }).getByText(SUGGESTED).count())
    .toBe(0);
});
