import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeRichConference } from '../../electron/node/export/rich-conference.testkit';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
let file: string;
beforeAll(async () => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-export-')), 'rich.rapporteur');
  writeRichConference(file);
  app = await startBrowserMode({ openFile: file });
});
afterAll(async () => {
  await app.close();
});

test('Export…: a DOCX is downloaded through the server; a PDF is previewed; an export can be cancelled', async () => {
  const page = await app.openApp();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export proceedings' });

  await dialog.getByLabel(/Word \(\.docx/).check();
  await dialog.getByLabel('“DRAFT” watermark').check();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Export DOCX…' }).click();
  const saved = path.join(app.dir, 'downloaded.docx');
  await (await download).saveAs(saved);
  expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
  expect((await download).suggestedFilename()).toBe('LC-L.1234-P.docx');
  await expect.poll(() => page.getByRole('dialog', { name: 'Export proceedings' }).count()).toBe(0);

  // Preview before saving: the PDF shows in the dialog.
  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('button', { name: 'Preview PDF' }).click();
  await expect.poll(() => dialog.locator('iframe[title="PDF preview"]').count(), { timeout: 90_000 }).toBe(1);
  expect(await dialog.locator('iframe[title="PDF preview"]').getAttribute('src')).toMatch(/^blob:/);
  await shot(page, 'rapporteur-export-preview.png');
  await dialog.getByRole('button', { name: 'Back to options' }).click();

  // Cancel while the Word document's contents get their page numbers (the slowest export: Typst
  // lays out this small conference's PDF before a click could cancel it).
  await dialog.getByLabel(/Word \(\.docx/).check();
  await dialog.getByRole('button', { name: 'Export DOCX…' }).click();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect.poll(() => dialog.textContent(), { timeout: 60_000 }).toContain('Cancelled.');
  await dialog.getByRole('button', { name: 'Close' }).click();
});
