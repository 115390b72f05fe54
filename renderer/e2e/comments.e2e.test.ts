/**
 * Comments end to end in Chromium (browser mode): the user's name set once, a comment added on
 * selected text with Ctrl+Alt+M, answered, resolved and reopened from the panel; it survives a
 * reload, and a restore from a snapshot brings its mark back after the text was rewritten.
 * The whole conference's comments open their part; the export dialog offers them to Word.
 * The panel passes axe-core. Screenshots (rapporteur-comments-*.png) go to RAPPORTEUR_SHOTS when it is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { tool } from '../../electron/node/export/readers.testkit';
import { startBrowserMode, type BrowserMode, shot } from './harness';

const READER = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../electron/node/services/comments-docx.testkit.py',
);

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-comments-e2e-'));
const FIRST = 'The meeting opened at ten. ';
const QUOTE = 'The delegates adopted the agenda.';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

const saved = (page: Page) =>
  expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

/** Selects `text` in the editor as a mouse drag would, and waits until Lexical's own selection is it. */
async function select(page: Page, text: string): Promise<void> {
  await page.locator('.editor-content').evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + wanted.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`${wanted} is not in the editor`);
  }, text);
  await expect
    .poll(() =>
      page.evaluate(() => {
        type State = { read: <T>(f: () => T) => T; _selection: { getTextContent(): string } | null };
        const root = document.querySelector('.editor-content') as
          | (Element & { __lexicalEditor?: { getEditorState(): State } })
          | null;
        const state = root?.__lexicalEditor?.getEditorState();
        return state ? state.read(() => state._selection?.getTextContent() ?? '') : '';
      }),
    )
    .toBe(text);
}

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the app's Content Security Policy does not govern
  // (a script tag would rightly be refused), so the panel is checked under its real policy.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  type V = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
  const violations = (await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: Element, o: object): Promise<{ violations: V[] }> } }).axe;
    return (await axe.run(document.querySelector(sel)!, { resultTypes: ['violations'] })).violations;
  }, selector)) as V[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a comment added, answered, resolved and reopened; kept through a reload and a restore from a snapshot', async () => {
  // A window of the file's warm page pool (a new browser context would cost a renderer of its own).
  const page = await app.openApp();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.getByLabel('Title').fill('Comments test');
  await page.getByRole('button', { name: 'Create conference' }).click();
  await page.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item').click();
  const editor = page.getByLabel('Text of Objectives');
  await editor.click();
  // Text goes in as one input: comments are the subject, not typing key by key (the shortcut stays a key press).
  await page.keyboard.insertText(FIRST + QUOTE);
  await saved(page);

  const panel = page.getByRole('complementary', { name: 'Comments' });
  // Without a name, the panel asks for one first (kept in the app's settings).
  await panel.getByLabel('Your name').fill('Ana Editor');
  await panel.getByRole('button', { name: 'Save name' }).click();
  await expect.poll(() => panel.textContent()).toContain('Commenting as Ana Editor');

  // Ctrl+Alt+M on the selected sentence: the mark is in the text, the new comment's box has the focus.
  await select(page, QUOTE);
  await page.keyboard.press('Control+Alt+M');
  const box = panel.getByLabel(`Comment on “${QUOTE}”`);
  await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
  await expect.poll(() => editor.locator('mark').allTextContents()).toEqual([QUOTE]);
  await box.fill('Which agenda? The provisional one?');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = panel.getByRole('listitem').filter({ hasText: 'Which agenda? The provisional one?' }).first();
  await expect.poll(() => thread.textContent()).toContain('Ana Editor');
  await expect.poll(() => panel.getByRole('status').textContent()).toBe('1 open comment');
  await saved(page);

  // Answered (under another name, changed once in the panel).
  await panel.getByRole('button', { name: 'Change name' }).click();
  await panel.getByLabel('Your name').fill('Bruno Rapporteur');
  await panel.getByRole('button', { name: 'Save name' }).click();
  await thread.getByLabel(`Reply to the comment on “${QUOTE}”`).fill('Yes, as circulated.');
  await thread.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect.poll(() => thread.locator('.comment-reply strong').textContent()).toBe('Bruno Rapporteur');
  await expect.poll(() => thread.locator('.comment-reply .comment-text').textContent()).toBe('Yes, as circulated.');
  expect(await thread.locator('.comment-message strong').first().textContent()).toBe('Ana Editor');
  await shot(page, 'rapporteur-comments-1-answered.png', { fullPage: true });
  expect(await seriousViolations(page, '.comments-panel')).toEqual([]);

  // Resolved: gone from the open list, the text no longer highlighted; reopened from "Show resolved".
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect.poll(() => panel.getByRole('status').textContent()).toBe('0 open comments');
  await expect.poll(() => editor.locator('mark.comment-resolved').count()).toBe(1);
  await expect
    .poll(() => editor.locator('mark').evaluate((el) => getComputedStyle(el).backgroundColor))
    .toBe('rgba(0, 0, 0, 0)');
  await shot(page, 'rapporteur-comments-2-resolved.png', { fullPage: true });
  await panel.getByLabel('Show resolved').check();
  const resolved = panel.getByRole('listitem').filter({ hasText: 'Which agenda?' }).first();
  await expect.poll(() => resolved.textContent()).toContain('Resolved by Bruno Rapporteur');
  await resolved.getByRole('button', { name: 'Reopen' }).click();
  await expect.poll(() => panel.getByRole('status').textContent()).toBe('1 open comment');
  await expect.poll(() => editor.locator('mark.comment-resolved').count()).toBe(0);
  await expect
    .poll(() => editor.locator('mark').evaluate((el) => getComputedStyle(el).backgroundColor))
    .not.toBe('rgba(0, 0, 0, 0)');

  // A reload: the mark and the thread are still there.
  await page.reload();
  const again = page.getByLabel('Text of Objectives');
  await expect.poll(() => again.locator('mark').allTextContents(), { timeout: 10_000 }).toEqual([QUOTE]);
  await expect
    .poll(() => panel.getByRole('listitem').filter({ hasText: 'Yes, as circulated.' }).count())
    .toBeGreaterThan(0);

  // A snapshot, then the sentence rewritten: the thread is kept, detached; the restore attaches it again.
  await page.getByRole('button', { name: 'Snapshots' }).click();
  await page.getByLabel('Snapshot name').fill('With the comment');
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await expect.poll(() => page.getByRole('row').filter({ hasText: 'With the comment' }).count()).toBe(1);
  await page.getByRole('button', { name: 'Snapshots' }).click();
  await select(page, QUOTE);
  await page.keyboard.insertText('The agenda was adopted.');
  await expect.poll(() => again.locator('mark').count()).toBe(0);
  await saved(page);
  await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('Its text is no longer in the part.');
  await page.getByRole('button', { name: 'Snapshots' }).click();
  await page.getByRole('row').filter({ hasText: 'With the comment' }).getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('alertdialog', { name: 'Restore snapshot?' }).getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item').click();
  await expect
    .poll(() => page.getByLabel('Text of Objectives').locator('mark').allTextContents(), { timeout: 10_000 })
    .toEqual([QUOTE]);
  await expect.poll(() => panel.textContent()).not.toContain('Its text is no longer in the part.');

  // Go to the text: the mark's words are selected in the editor.
  await page.getByLabel('Text of Objectives').click();
  await page.keyboard.press('Control+Home');
  await panel.getByRole('button', { name: 'Go to the text' }).click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(QUOTE);
  await shot(page, 'rapporteur-comments-3-restored.png', { fullPage: true });

  // Another part's comment, from the toolbar's button; listed with the whole conference's, it opens its part.
  await page.getByRole('treeitem').filter({ hasText: 'Background' }).locator('.outline-item').click();
  await page.getByLabel('Text of Background').click();
  await page.keyboard.insertText('Migration rose sharply in 2002.');
  await saved(page);
  await select(page, 'rose sharply');
  await page.locator('.comment-tool').getByRole('button', { name: 'Comment' }).click();
  await panel.getByLabel('Comment on “rose sharply”').fill('Source?');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect.poll(() => panel.getByRole('status').textContent()).toBe('1 open comment');
  await page.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item').click();
  await expect.poll(() => page.getByLabel('Text of Objectives').locator('mark').count(), { timeout: 10_000 }).toBe(1);
  await panel.getByLabel('Whole conference').check();
  await expect.poll(() => panel.getByRole('status').textContent()).toBe('2 open comments');
  const other = panel.getByRole('listitem').filter({ hasText: 'Source?' }).first();
  await expect.poll(() => other.textContent()).toContain('In “Background”');
  await shot(page, 'rapporteur-comments-4-whole-conference.png', { fullPage: true });
  await other.getByRole('button', { name: 'Go to the text' }).click();
  await expect.poll(() => page.getByLabel('Text of Background').count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('rose sharply');

  // The export dialog offers the open comments to Word, checked; the downloaded document has them.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export proceedings' });
  await dialog.getByLabel(/Word \(\.docx/).check();
  const include = dialog.getByLabel('Include the 2 open comments as Word comments');
  await expect.poll(() => include.isChecked()).toBe(true);
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Export DOCX…' }).click();
  const docx = path.join(SHOTS, 'comments.docx');
  await (await download).saveAs(docx);
  const read = JSON.parse(tool('/usr/bin/python3', [READER, docx])) as {
    comments: { author: string; text: string }[];
    anchored: Record<string, string>;
  };
  expect(read.comments.map((c) => [c.author, c.text])).toEqual([
    ['Ana Editor', 'Which agenda? The provisional one?'],
    ['Bruno Rapporteur', 'Yes, as circulated.'],
    ['Bruno Rapporteur', 'Source?'],
  ]);
  expect(Object.values(read.anchored).sort()).toEqual([QUOTE, QUOTE, 'rose sharply'].sort());
  expect(errors).toEqual([]);
  await page.close();
});
