/** Accessibility checked by axe-core in a real Chromium: no serious or critical violation on the first screen, the conference view and its dialogs. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from './harness';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

/** axe-core's serious and critical violations on the page as it is now, in words a failing test can show. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  }) as Violation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
}

let app: BrowserMode;
beforeAll(async () => { app = await startBrowserMode(); });
afterAll(async () => { await app.close(); });

test('axe-core: the first screen, the conference view, the export dialog and replace in all parts', async () => {
  // axe is injected as a script, which the app's Content Security Policy rightly refuses: this page only bypasses it.
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'Create conference' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  const view = await app.server.services.api.createConference({ templateId: 'conference-proceedings', title: 'Accessibility test' });
  await page.goto(`${app.server.url}&conference=${view.handle}`);
  await page.getByLabel(/^Text of /).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('dialog', { name: 'Export proceedings' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Find and replace' }).click();
  await page.getByLabel('Find', { exact: true }).fill('the');
  await page.getByRole('button', { name: 'Replace in all parts…' }).click();
  await page.getByRole('dialog', { name: 'Replace in all parts' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
