/**
 * Issue 12: a warning that is not about a passage of text is shown where it is too. On the
 * seed 000 sample (a copy): “Show the title” of a misread unit label opens its part with the
 * title marked and focused, and the title's marker opens the warning beside the part; “Show
 * the entry” of a participant listed twice, or of an OCR repair in the registry, opens the
 * participants with the entry's row marked and the words focused; “Open the conference
 * details” opens the details with the warning above them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { samplePath, SAMPLES } from '../../seeds/build-samples';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
let file: string;
let page: Page;
beforeAll(async () => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-places-')), 'seed-000.rapporteur');
  fs.copyFileSync(samplePath(SAMPLES.find((s) => s.seed === '000')!.name), file);
  app = await startBrowserMode({ openFile: file });
  page = await app.openApp();
});

let pageUsed = false;
/** The app as it opens, in the file's one page, loaded again after a test (a new browser context costs more than twice a reload). */
async function freshApp(): Promise<Page> {
  if (pageUsed) await page.goto(app.server.url);
  pageUsed = true;
  return page;
}
afterAll(async () => {
  await app.close();
});

interface Stored {
  message: string;
  place: string | null;
  participantId: string | null;
  suggestion: string | null;
  partTitle: string | null;
  personName: string | null;
}

/**
 * The first open warning stored with this place whose message no other warning has (the panel
 * finds its entry by it), with its part's title and its entry's name (the file the server has open).
 */
function stored(where: string): Stored {
  const db = new Database(file, { readonly: true });
  try {
    const w = db
      .prepare(
        `SELECT w.message, w.place, w.participant_id AS participantId, w.suggestion, p.title AS partTitle,
           r.name AS personName
         FROM import_warnings w LEFT JOIN parts p ON p.id = w.part_id LEFT JOIN participants r ON r.id = w.participant_id
         WHERE w.status = 'open' AND ${where}
           AND (SELECT count(*) FROM import_warnings o WHERE o.message = w.message) = 1
         ORDER BY w.id LIMIT 1`,
      )
      .get() as Stored | undefined;
    expect(w, where).toBeDefined();
    return w!;
  } finally {
    db.close();
  }
}

/** Opens the conference's warnings panel and returns the entry whose message holds `words`. */
async function warningEntry(page: Page, words: string) {
  await page.getByRole('button', { name: /Import warnings \(\d+\)/ }).click();
  const panel = page.getByRole('region', { name: 'Import warnings' });
  const entry = panel.getByRole('listitem').filter({ hasText: words });
  await expect.poll(() => entry.count()).toBe(1);
  return entry;
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const input = el instanceof HTMLInputElement ? el : null;
    return {
      className: el?.className ?? '',
      inTitle: !!el?.closest('h2.part-title.has-warning'),
      text: input ? input.value : (el?.textContent ?? ''),
      selected: input ? input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0) : '',
      row: el?.closest('tr')?.className ?? '',
    };
  });

test('“Show the title” opens the part of a misread unit label with its title marked, and its marker opens the warning', async () => {
  const page = await freshApp();
  // In the seed 000 sample: a unit label the OCR misread (“Unit Il”), a heading joined to its number…
  const w = stored("w.place = 'title'");
  const entry = await warningEntry(page, w.message);
  await entry.getByRole('button', { name: 'Show the title' }).click();

  // The part opens; its title is marked (the same highlight as a passage) and focused.
  const heading = page.locator('h2.part-title');
  await expect.poll(() => heading.textContent()).toContain(w.partTitle!);
  await expect.poll(() => focused(page)).toMatchObject({ className: 'renameable-title', inTitle: true });
  expect(await heading.getAttribute('class')).toBe('part-title has-warning');
  const background = await heading.locator('.renameable-title').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(255, 224, 138)');
  const marker = heading.locator('.title-warning-marker');
  expect(await marker.count()).toBe(1);
  expect(await marker.getAttribute('aria-label')).toBe(`Import warning: ${w.message.slice(0, 160)}`);
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-warning-title.png') });

  // The marker opens its warning in the list beside the part; “Show the title” there focuses the title again.
  await marker.click();
  const strip = page.getByRole('complementary', { name: 'Import warnings for this part' });
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.querySelector('.message')?.textContent ?? ''))
    .toBe(w.message);
  expect(await strip.locator('.import-warning.opened').count()).toBe(1);
  await strip
    .getByRole('listitem')
    .filter({ hasText: w.message })
    .getByRole('button', { name: 'Show the title' })
    .click();
  await expect.poll(() => focused(page)).toMatchObject({ className: 'renameable-title', inTitle: true });

  // Dismissed, the warning no longer marks the title.
  await strip.getByRole('listitem').filter({ hasText: w.message }).getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => heading.getAttribute('class')).toBe('part-title');
  expect(await heading.locator('.title-warning-marker').count()).toBe(0);
}, 120_000);

test('“Show the entry” opens the participants with the entry marked and its words focused', async () => {
  const page = await freshApp();
  // In the seed 000 sample: a person listed twice (“Ann Jordan is listed a second time…”).
  const twice = stored("w.place = 'participant' AND w.participant_id IS NOT NULL AND w.suggestion IS NULL");
  const entry = await warningEntry(page, twice.message);
  await entry.getByRole('button', { name: 'Show the entry' }).click();
  await expect.poll(() => page.getByRole('region', { name: 'Participants registry' }).count()).toBe(1);
  // The name field of the entry's row, which is marked and has the warning's marker.
  await expect.poll(() => focused(page)).toMatchObject({ text: twice.personName, row: 'has-warning' });
  // Ids are letters, digits, - and _: they can stand in an attribute selector.
  const row = page.locator(`tr.has-warning[data-participant-id="${twice.participantId}"]`);
  expect(await row.count()).toBe(1);
  const markers = row.locator('.entry-warning-marker');
  const own = (await markers.evaluateAll((els) => els.map((e) => e.getAttribute('title')))).indexOf(
    twice.message.slice(0, 300),
  );
  expect(own).toBeGreaterThanOrEqual(0);
  // The warnings of the registry are listed above it, and the marker opens its own.
  const above = page.getByRole('complementary', { name: 'Import warnings for the participants' });
  await markers.nth(own).click();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.querySelector('.message')?.textContent ?? ''))
    .toBe(twice.message);
  expect(await above.locator('.import-warning.opened').count()).toBe(1);

  // An OCR repair of a word in the registry (“Devel opment”): the field holding it is focused with the word selected.
  const repair = stored("w.place = 'participant' AND w.participant_id IS NOT NULL AND w.suggestion IS NOT NULL");
  const word = (JSON.parse(repair.suggestion!) as { find: string }).find;
  await above
    .getByRole('listitem')
    .filter({ hasText: repair.message })
    .getByRole('button', { name: 'Show the entry' })
    .click();
  await expect.poll(() => focused(page)).toMatchObject({ selected: word, row: 'has-warning' });
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-warning-entry.png') });
}, 120_000);

test('“Open the conference details” opens the details with the warning above them', async () => {
  const page = await freshApp();
  // In the seed 000 sample: no cover, title page or imprint in the text.
  const w = stored("w.place = 'details'");
  expect(w.partTitle).toBeNull();
  const entry = await warningEntry(page, w.message);
  await entry.getByRole('button', { name: 'Open the conference details' }).click();
  const above = page.getByRole('complementary', { name: 'Import warnings for the conference details' });
  await expect.poll(() => above.count()).toBe(1);
  expect(await page.getByRole('form', { name: 'Conference details' }).count()).toBe(1);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.querySelector('.message')?.textContent ?? ''))
    .toBe(w.message);
  expect(await above.locator('.import-warning.opened').count()).toBe(1);
  // Already open: nothing more to show.
  expect(await above.getByRole('button', { name: 'Open the conference details' }).count()).toBe(0);
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-warning-details.png') });
}, 120_000);
