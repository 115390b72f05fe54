/**
 * Issue 12: an OCR repair is stored with one part (the first holding its damaged word), but
 * Accept changes the word in every part. On the seed 000 sample (a copy), a part that holds
 * the word without being the repair's own part marks it too (a highlight on each occurrence
 * and a button in the margin) and lists it beside the editor; “Show in the text” there selects
 * the word in that part; Dismiss takes it away from the marks and the list.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { samplePath, SAMPLES } from '../../seeds/build-samples';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
let file: string;
beforeAll(async () => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-e2e-repairs-')), 'seed-000.rapporteur');
  fs.copyFileSync(samplePath(SAMPLES.find((s) => s.seed === '000')!.name), file);
  app = await startBrowserMode({ openFile: file });
});
afterAll(async () => {
  await app.close();
});

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
  const page = await app.openApp(`#part=${c.other}`);
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
  await page.screenshot({ path: path.join(os.tmpdir(), 'rapporteur-repair-markers-every-part.png') });

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
