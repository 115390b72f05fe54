// Events instead of polling, in browser mode: export progress and parts saved elsewhere reach
// the page over the Server-Sent Events stream (GET /events), and the page never asks for them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { EventPayload } from '../../shared/contract/events';
import { writeRichConference } from '../../electron/node/export/rich-conference.testkit';
import { PART_CONFLICT_MESSAGES } from '../src/editor/conflict-messages';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-events-')), 'rich.rapporteur');
  writeRichConference(file);
  app = await startBrowserMode({ openFile: file });
});
afterAll(async () => {
  await app.close();
});

/**
 * The file's first tab, opened once: each test leaves it with no dialog open, and a new tab would
 * only load the renderer again.
 */
let firstTab: Page | undefined;
async function tab(): Promise<Page> {
  firstTab ??= await app.openApp();
  return firstTab;
}

/** The API methods and other paths a page asks for, in order. */
function recordRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  return asked;
}

test('an export’s progress arrives as events: the dialog shows each stage and never calls exportStatus', async () => {
  const page = await tab();
  const asked = recordRequests(page);
  const sent: EventPayload<'exportProgress'>[] = [];
  const off = app.server.events.subscribe((name, payload) => {
    if (name === 'exportProgress') sent.push(payload as EventPayload<'exportProgress'>);
  });

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export proceedings' });
  await dialog.getByLabel(/Word \(\.docx/).check();
  // Page numbers in the contents: the slowest export, long enough to see its stage on screen.
  await dialog.getByLabel(/Page numbers in the contents/).check();
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await dialog.getByRole('button', { name: 'Export DOCX…' }).click();
  // Only an event carries this stage: startExport answers "Queued".
  await expect
    .poll(() => dialog.textContent(), { timeout: 60_000 })
    .toContain('Writing the Word document and numbering its contents…');
  await shot(page, 'rapporteur-export-events.png');
  expect(
    fs
      .readFileSync(await app.downloaded(await download))
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  off();

  expect(asked.filter((p) => p === '/api/exportStatus')).toEqual([]);
  // One stream for the page (it may have opened before the recording began, with the first editor).
  expect(asked.filter((p) => p === '/events').length).toBeLessThanOrEqual(1);
  expect(app.server.events.size).toBeGreaterThanOrEqual(1);
  expect(asked).toContain('/api/startExport');
  // The server sent the job's stages up to "done"; the page downloaded the file only after the last one.
  expect(sent.length).toBeGreaterThanOrEqual(3);
  expect(sent.at(-1)).toMatchObject({ state: 'done', format: 'docx' });
  expect(new Set(sent.map((s) => s.jobId)).size).toBe(1);
  await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
});

test('the stream cut mid-export: once it is back, the dialog asks exportStatus once and still reaches “done” and the file', async () => {
  const page = await tab();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export proceedings' });
  await dialog.getByLabel(/Word \(\.docx/).check();
  await dialog.getByLabel(/Page numbers in the contents/).check();
  const asked = recordRequests(page);

  // At the job's first stage every stream is ended; the page's reconnection is held until the
  // server has sent "done", so the stages in between and "done" itself never reach the page.
  let cut = false;
  let finished!: () => void;
  const jobDone = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const off = app.server.events.subscribe((name, payload) => {
    if (name !== 'exportProgress') return;
    const s = payload as EventPayload<'exportProgress'>;
    if (!cut && s.state === 'running') {
      cut = true;
      setImmediate(() => app.server.endEventStreams());
    }
    if (s.state === 'done') finished();
  });
  let reconnects = 0;
  await page.route('**/events?*', async (route) => {
    if (cut) {
      reconnects++;
      await jobDone;
    }
    await route.continue();
  });

  const download = page.waitForEvent('download', { timeout: 90_000 });
  await dialog.getByRole('button', { name: 'Export DOCX…' }).click();
  expect(
    fs
      .readFileSync(await app.downloaded(await download))
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
  off();
  await page.unroute('**/events?*');

  expect(cut).toBe(true);
  expect(reconnects).toBeGreaterThanOrEqual(1);
  // Asked once, after the stream came back: no polling loop.
  expect(asked.filter((p) => p === '/api/exportStatus')).toEqual(['/api/exportStatus']);
  expect(asked.indexOf('/api/exportStatus')).toBeGreaterThan(asked.lastIndexOf('/events'));
});

test('a part saved in another tab shows the conflict notice at once, before this tab types anything', async () => {
  const one = await tab();
  await one.getByRole('treeitem').first().locator('.outline-item').click();
  const text = one
    .getByRole('textbox')
    .filter({ has: one.locator('[contenteditable]') })
    .or(one.locator('[contenteditable="true"]'))
    .first();
  await text.waitFor();
  const label = await text.getAttribute('aria-label');
  expect(label).toMatch(/^Text of /);

  const two = await app.openApp(new URL(one.url()).hash);
  const textTwo = two.getByLabel(label!);
  await textTwo.waitFor();
  const asked = recordRequests(two);

  await text.click();
  await one.keyboard.press('Control+End');
  // One input each: the notice is the subject, not typing key by key.
  await one.keyboard.insertText(' Added in the first tab.');
  await expect.poll(() => one.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

  const banner = two.getByRole('alert').filter({ hasText: 'was changed in another window' });
  await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
  // Nothing typed in the second tab: the banner does not claim unsaved text.
  expect(await banner.textContent()).toContain(PART_CONFLICT_MESSAGES.nothingUnsaved);
  expect(await banner.textContent()).not.toContain(PART_CONFLICT_MESSAGES.unsaved);
  await shot(two, 'rapporteur-part-changed-banner.png');
  // The second tab learnt it without saving or reading anything.
  expect(asked.filter((p) => p.startsWith('/api/'))).toEqual([]);
  // The tab that saved is not told its own save conflicts.
  expect(await one.getByRole('alert').filter({ hasText: 'was changed in another window' }).count()).toBe(0);

  // Typing in the second tab now: its text is not saved (saving waits for a choice), and the banner says so.
  await textTwo.click();
  await two.keyboard.press('Control+End');
  await two.keyboard.insertText(' Typed in the second tab.');
  await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain(PART_CONFLICT_MESSAGES.unsaved);
  expect(await banner.textContent()).not.toContain(PART_CONFLICT_MESSAGES.nothingUnsaved);
  await shot(two, 'rapporteur-part-changed-banner-unsaved.png');
});
