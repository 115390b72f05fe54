/**
 * Issue 12: an import warning is shown where it is, on one copy of the seed 000 sample opened in one
 * page (loaded again for each test: a new browser context costs more than twice a reload). The tests
 * run in order on the same file; each picks the warning it works on from what the stored file holds
 * open at that moment, so what an earlier test accepted or dismissed is never the subject of a later one.
 *
 * - In the text: the panel's “Show in the text” opens the warning's part and selects its passage,
 *   the editor marks it (a highlight and a button in the margin, which opens the warning in the list),
 *   axe-core finds nothing serious, and an exported DOCX prints none of it.
 * - An OCR repair is stored with one part (the first holding its damaged word), but Accept changes the
 *   word in every part: a part that holds the word without being the repair's own part marks it too and
 *   lists it beside the editor; “Show in the text” there selects the word in that part; Dismiss takes it
 *   away from the marks and the list.
 * - Accepting an OCR repair: the panel offers “internationa” → “international” once, Accept changes
 *   every whole-word occurrence in the file, says how many, and the open part shows the repaired text.
 * - Not about a passage of text: “Show the title” of a misread unit label opens its part with the title
 *   marked and focused, and the title's marker opens the warning beside the part; “Show the entry” of a
 *   participant listed twice, or of an OCR repair in the registry, opens the participants with the
 *   entry's row marked and the words focused; “Open the conference details” opens the details with the
 *   warning above them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { samplePath, SAMPLES } from '../../seeds/build-samples';
import { docToPlainText } from '../../shared/model/doc-text';
import { startBrowserMode, type BrowserMode, shot } from './harness';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let app: BrowserMode;
let file: string;
let page: Page;
beforeAll(async () => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-warnings-000-')), 'seed-000.rapporteur');
  fs.copyFileSync(samplePath(SAMPLES.find((s) => s.seed === '000')!.name), file);
  app = await startBrowserMode({ openFile: file });
  page = await app.openApp();
});
afterAll(async () => {
  await app.close();
});

let pageUsed = false;
/** The app as it opens (at `extraHash`), in the file's one page, loaded again after a test. */
async function freshApp(extraHash = ''): Promise<Page> {
  if (pageUsed || extraHash) await page.goto(app.server.url + extraHash);
  pageUsed = true;
  return page;
}

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
  const page = await freshApp();
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
  await shot(page, 'rapporteur-warning-markers.png');

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

// An OCR repair marked in every part that holds its word.

interface DocNode {
  type: string;
  text?: unknown;
  children?: DocNode[];
}

/** The words of a part's text outside its notes (the editor marks the text; notes are inner editors). */
function wordsOf(node: DocNode): string[] {
  if (node.type === 'footnote') return [];
  const own = node.type === 'text' && typeof node.text === 'string' ? node.text.split(/[^\p{L}\p{N}]+/u) : [];
  return [...own, ...(node.children ?? []).flatMap(wordsOf)];
}

interface Case {
  id: number;
  find: string;
  replace: string;
  storedWith: string;
  storedTitle: string;
  other: string;
}

/** The first open OCR repair of one word that another part's text holds too, and that part. */
function repairInAnotherPart(): Case {
  const db = new Database(file, { readonly: true });
  try {
    const parts = (
      db.prepare('SELECT id, title, doc FROM parts').all() as { id: string; title: string; doc: string }[]
    ).map((p) => ({ ...p, words: new Set(wordsOf((JSON.parse(p.doc) as { root: DocNode }).root)) }));
    const repairs = db
      .prepare(
        "SELECT id, part_id, suggestion FROM import_warnings WHERE status = 'open' AND suggestion IS NOT NULL ORDER BY id",
      )
      .all() as { id: number; part_id: string; suggestion: string }[];
    for (const r of repairs) {
      const { find, replace } = JSON.parse(r.suggestion) as { find: string; replace: string };
      if (!/^\p{L}+$/u.test(find)) continue;
      const other = parts.find((p) => p.id !== r.part_id && p.words.has(find));
      if (other)
        return {
          id: r.id,
          find,
          replace,
          storedWith: r.part_id,
          storedTitle: parts.find((p) => p.id === r.part_id)!.title,
          other: other.id,
        };
    }
    throw new Error('The seed 000 sample has no OCR repair whose word is in two parts');
  } finally {
    db.close();
  }
}

const statusOf = (id: number): string => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT status FROM import_warnings WHERE id = ?').get(id) as { status: string }).status;
  } finally {
    db.close();
  }
};

/** The highlighted passages that read exactly `word`. */
const highlightsOf = (page: Page, word: string) =>
  page.evaluate(
    (w) =>
      CSS.highlights.has('import-warning')
        ? [...CSS.highlights.get('import-warning')!].filter((r) => r.toString() === w).length
        : 0,
    word,
  );

test('an OCR repair stored with one part is marked and listed in another part that holds its word', async () => {
  const c = repairInAnotherPart();
  const page = await freshApp(`#part=${c.other}`);
  const editor = page.locator('.editor-content[contenteditable="true"]').first();
  await expect.poll(async () => ((await editor.textContent()) ?? '').length).toBeGreaterThan(100);

  // The list beside the part holds the repair, naming the part it is stored with.
  const strip = page.getByRole('complementary', { name: 'Import warnings for this part' });
  // Exact and case-sensitive: “Internationa” and “internationa” are two repairs.
  const suggested = `Suggested: “${c.find}” → “${c.replace}”`;
  const entry = strip
    .getByRole('listitem')
    .filter({ has: page.locator('.suggestion').getByText(suggested, { exact: true }) });
  await expect.poll(() => entry.count()).toBe(1);
  expect(await entry.locator('.where').textContent()).toContain(c.storedTitle);
  const message = ((await entry.locator('.message').textContent()) ?? '').trim();
  expect(message).toContain(`“${c.find}”`);

  // Every occurrence of the word in this part is highlighted, and one marker in the margin stands for the repair.
  const occurrences = await editor.evaluate(
    (el, w) => (el.textContent ?? '').split(/[^\p{L}\p{N}]+/u).filter((x) => x === w).length,
    c.find,
  );
  expect(occurrences).toBeGreaterThan(0);
  await expect.poll(() => highlightsOf(page, c.find)).toBeGreaterThanOrEqual(1);
  expect(await highlightsOf(page, c.find)).toBeLessThanOrEqual(occurrences);
  // The word is letters only, so it can stand in an attribute selector.
  const marker = page.locator(`.editor-shell .warning-marker[aria-label*="“${c.find}”"]`);
  await expect.poll(() => marker.count()).toBe(1);
  await marker.scrollIntoViewIfNeeded();
  await shot(page, 'rapporteur-repair-markers-every-part.png');

  // The marker opens the entry in the list beside the part.
  await marker.click();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.querySelector('.message')?.textContent?.trim() ?? ''))
    .toBe(message);

  // Every repair the list shows here is stored with this part or has its word in this part's text.
  const text = (await editor.textContent()) ?? '';
  const words = new Set(text.split(/[^\p{L}\p{N}]+/u));
  for (const suggested of await strip.locator('.suggestion').allTextContents()) {
    const find = /Suggested: “(.+)” → /.exec(suggested)![1]!;
    if (/^[\p{L}\p{N}]+$/u.test(find)) expect(words.has(find) || text.includes(find), find).toBe(true);
  }

  // “Show in the text” beside this part selects the word here, not in the part the repair is stored with.
  await entry.getByRole('button', { name: 'Show in the text' }).click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(c.find);
  expect(new URL(page.url()).hash).toContain(`part=${c.other}`);

  // Dismissed, it is neither listed nor marked anywhere; the text keeps the word.
  await entry.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => entry.count()).toBe(0);
  await expect.poll(() => marker.count()).toBe(0);
  expect(await highlightsOf(page, c.find)).toBe(0);
  expect(statusOf(c.id)).toBe('dismissed');
  expect(((await editor.textContent()) ?? '').split(/[^\p{L}\p{N}]+/u)).toContain(c.find);
}, 180_000);

// Accepting an OCR repair.

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

  const page = await freshApp();
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
  await shot(page, 'rapporteur-ocr-repair.png');
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

// Warnings on a title, an entry of the registry and the conference details.

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
  await shot(page, 'rapporteur-warning-title.png');

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
  await shot(page, 'rapporteur-warning-entry.png');
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
  await shot(page, 'rapporteur-warning-details.png');
}, 120_000);
