/**
 * Issue 12: an import warning is shown where it is. On the seed 000 sample (a copy): the
 * panel's “Show in the text” opens the warning's part and selects its passage, the editor
 * marks it (a highlight and a button in the margin, which opens the warning in the list),
 * axe-core finds nothing serious, and an exported DOCX prints none of it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { samplePath, SAMPLES } from '../../seeds/build-samples';
import Database from 'better-sqlite3';
import { startBrowserMode, type BrowserMode } from './harness';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let app: BrowserMode;
let file: string;
beforeAll(async () => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-markers-')), 'seed-000.rapporteur');
  fs.copyFileSync(samplePath(SAMPLES.find((s) => s.seed === '000')!.name), file);
  app = await startBrowserMode({ openFile: file });
});
afterAll(async () => {
  await app.close();
});

/** The quote stored with the open warning of this message (the file the server has open). */
function storedQuote(message: string): string | null {
  const db = new Database(file, { readonly: true });
  try {
    return (
      (
        db.prepare("SELECT quote FROM import_warnings WHERE message = ? AND status = 'open'").get(message) as
          | { quote: string | null }
          | undefined
      )?.quote ?? null
    );
  } finally {
    db.close();
  }
}

/** The text selected in the page (the editor's selection, which Lexical mirrors into the DOM). */
const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

test('“Show in the text” selects the passage of a warning, the editor marks it, and the export prints no marker', async () => {
  const page = await app.openApp();
  await page.getByRole('button', { name: /Import warnings \(\d+\)/ }).click();
  const panel = page.getByRole('region', { name: 'Import warnings' });
  // The first OCR repair that names a passage of its part (in the seed 000 sample: “Internationa” in the Abstract).
  const entries = panel
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Show in the text' }) })
    .filter({ hasText: /Suggested: “/ });
  await expect.poll(() => entries.count()).toBeGreaterThan(5);
  const first = entries.first();
  const message = ((await first.locator('.message').textContent()) ?? '').trim();
  await first.getByRole('button', { name: 'Show in the text' }).click();

  // The part opens with the passage selected: the selection is the warning's quote, found in the stored warning.
  const editor = page.locator('.editor-content[contenteditable="true"]').first();
  await expect.poll(async () => (await selectedText(page)).length).toBeGreaterThan(1);
  const quote = await selectedText(page);
  expect(storedQuote(message)).toBe(quote);
  await expect
    .poll(async () => page.evaluate(() => document.activeElement?.closest('.editor-content') !== null))
    .toBe(true);

  // A marker in the margin and a CSS highlight over the passage; neither is in the document.
  const markers = page.locator('.editor-shell .warning-marker');
  await expect.poll(() => markers.count()).toBeGreaterThan(0);
  expect(
    await page.evaluate(
      () =>
        CSS.highlights.has('import-warning') &&
        [...CSS.highlights.get('import-warning')!].some((r) => r.toString().length > 0),
    ),
  ).toBe(true);
  expect(await editor.locator('.warning-marker').count()).toBe(0);
  // An OCR repair changes every whole-word occurrence, so each is highlighted (one marker per warning).
  expect(quote).toMatch(/^\p{L}+$/u);
  const occurrences = await editor.evaluate(
    (el, q) => (el.textContent ?? '').match(new RegExp(`(?<![\\p{L}\\p{N}])${q}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0,
    quote,
  );
  expect(occurrences).toBeGreaterThan(1);
  expect(
    await page.evaluate(
      (q) => [...CSS.highlights.get('import-warning')!].filter((r) => r.toString() === q).length,
      quote,
    ),
  ).toBe(occurrences);
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-warning-markers.png') });

  // Clicking a marker opens its warning in the list beside the part.
  const marker = markers.first();
  const label = (await marker.getAttribute('aria-label')) ?? '';
  expect(label).toMatch(/^Import warning: /);
  await marker.click();
  const strip = page.getByRole('complementary', { name: 'Import warnings for this part' });
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.classList.contains('import-warning') ?? false))
    .toBe(true);
  const focused = await page.evaluate(() => document.activeElement?.querySelector('.message')?.textContent ?? '');
  expect(label).toContain(focused.slice(0, 100));
  expect(await strip.locator('.import-warning.opened').count()).toBe(1);

  // “Show in the text” in the list beside the open part selects another warning's passage there.
  const other = strip
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Show in the text' }) })
    .filter({ hasNotText: message });
  expect(await other.count()).toBeGreaterThan(0);
  const otherMessage = ((await other.first().locator('.message').textContent()) ?? '').trim();
  await other.first().getByRole('button', { name: 'Show in the text' }).click();
  await expect.poll(() => selectedText(page)).toBe(storedQuote(otherMessage));

  // axe-core on the part with its markers and warnings list.
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);

  // The DOCX export prints the text and none of the markers.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export proceedings' });
  await dialog.getByLabel(/Word \(\.docx/).check();
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Export DOCX…' }).click();
  const saved = path.join(app.dir, 'seed-000.docx');
  await (await download).saveAs(saved);
  const text = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', saved], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(text).toContain(quote.trim());
  expect(text).not.toContain('Import warning');
  expect(text).not.toContain(focused.slice(0, 60));
  expect(text).not.toContain(`!${quote.trim()}`);
}, 240_000);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations (the page's Content Security Policy refuses an injected script, so it is evaluated). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } })
      .axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
