/**
 * Drafting in a part: a session with every report element survives a reload; a rich footnote;
 * pasting from Word and from a hostile clipboard; the speaker dialog adds a person to the registry
 * only when asked; autoformat as typed and the shortcuts shown. One tab for the file, the app loaded
 * afresh in it for each test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appTab, type AppTab } from './editing-tab';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
let openApp: AppTab;
beforeAll(async () => {
  app = await startBrowserMode();
  openApp = appTab(() => app);
});
afterAll(async () => {
  await app.close();
});

const saved = (page: Page) =>
  expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

test('a session drafted with every report element survives a reload, numbered', async () => {
  const page = await openApp();
  await page.getByLabel('Title').fill('Hemispheric Conference on International Migration');
  await page.getByRole('radio', { name: /Conference proceedings/ }).check();
  await page.getByRole('button', { name: 'Create conference' }).click();

  // The registry first: one speaker, imported from a pasted table.
  await page.getByRole('button', { name: 'Participants', exact: true }).click();
  const registry = page.getByRole('region', { name: 'Participants registry' });
  await registry.getByRole('button', { name: 'Import participants…' }).click();
  await registry
    .getByLabel('Participants to import')
    .fill('Name\tTitle\tOrganisation\tCountry\tRole\nAna Ruiz\tDirector of Research\tFLACSO\tChile\tSpeaker');
  await registry.getByRole('button', { name: 'Preview…' }).click();
  await registry.getByRole('button', { name: 'Add 1 participant' }).click();
  await expect.poll(() => page.getByLabel('Name of Ana Ruiz').inputValue()).toBe('Ana Ruiz');
  expect(await page.getByLabel('Organisation of Ana Ruiz').inputValue()).toBe('FLACSO');
  await shot(page, 'rapporteur-participants.png');
  await page.getByRole('button', { name: 'Participants', exact: true }).click();

  // The speakers part of the first unit.
  await openPart(page, /Speakers/, 'Text of Speakers');

  // Presentation summary with a speaker chosen by type-ahead; the template puts the affiliation in a footnote.
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Presentation summary…' }).click();
  await page.getByRole('dialog', { name: 'Presentation summary' }).getByLabel('Speaker').fill('Ana Ru');
  await page.getByRole('dialog', { name: 'Presentation summary' }).getByLabel('Speaker').fill('Ana Ruiz — FLACSO');
  await page
    .getByRole('dialog', { name: 'Presentation summary' })
    .getByLabel('Paper title')
    .fill('Migration and development in the Americas');
  await page.getByRole('button', { name: 'Insert', exact: true }).last().click();
  await page.keyboard.press('Enter');
  // Words that are not the subject go in as one input event each; Enter and the shortcuts are pressed.
  await page.keyboard.insertText('The speaker described the main trends of the decade');

  // A footnote at the caret, its text typed in place.
  await page.getByRole('button', { name: 'Insert footnote' }).click();
  await page.getByLabel('Text of the footnote').fill('ECLAC, Social Panorama of Latin America, 2002.');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(' and their causes, see the report');
  // A link on the last word, by the shortcut and the link dialog.
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('report');
  // Lexical takes the browser's selection over on its selectionchange event: wait for the
  // editor's own selection too, or the link can land on the selection before it.
  await expect
    .poll(() =>
      page.evaluate(() => {
        type State = { read: <T>(f: () => T) => T; _selection: { getTextContent(): string } | null };
        const root = document.querySelector('[contenteditable="true"]') as
          | (Element & { __lexicalEditor?: { getEditorState(): State } })
          | null;
        const state = root?.__lexicalEditor?.getEditorState();
        return state ? state.read(() => state._selection?.getTextContent() ?? '') : '';
      }),
    )
    .toBe('report');
  await page.keyboard.press('Control+k');
  await page.getByLabel('Address of the link').fill('https://www.cepal.org');
  await page.getByLabel('Address of the link').press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type('.');

  // Highlights list.
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Highlights list' }).click();
  await page.keyboard.insertText('Remittances exceed official aid.');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Data on irregular migration are scarce.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  // Numbered recommendations block.
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.getByRole('menuitem', { name: /Recommendations \(numbered\)/ }).click();
  await page.keyboard.insertText('Ratify the International Convention.');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Train consular officials.');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Improve migration statistics.');
  await saved(page);
  await shot(page, 'rapporteur-editor-session.png', { fullPage: true });

  await page.reload();
  const after = page.getByLabel('Text of Speakers');
  await expect.poll(() => after.textContent(), { timeout: 10_000 }).toContain('Improve migration statistics.');

  // Presentation: speaker's name drawn before the title, lettered (a); the affiliation footnote first, then ours.
  const pres = after.locator('.ed-presentation');
  await expect.poll(() => pres.count()).toBe(1);
  expect(await pres.getAttribute('data-names')).toBe('Ana Ruiz');
  expect(await pres.getAttribute('data-label')).toBe('(a)');
  expect(await pres.textContent()).toContain('Migration and development in the Americas');
  const notes = after.locator('.ed-footnote-mark');
  // Footnote marks are decorators, rendered a moment after their nodes: poll.
  await expect
    .poll(() => notes.evaluateAll((els) => els.map((e) => e.getAttribute('title'))))
    .toEqual(['Director of Research, FLACSO, Chile.', 'ECLAC, Social Panorama of Latin America, 2002.']);
  // Footnotes are numbered live, in document order.
  await expect.poll(() => notes.allTextContents()).toEqual(['1', '2']);

  expect(await after.locator('a[href="https://www.cepal.org"]').textContent()).toBe('report');

  // Highlights and recommendations keep their roles, items and numbering.
  const highlights = after.locator('ul[data-role="highlights"] > li');
  expect(await highlights.allTextContents()).toEqual([
    'Remittances exceed official aid.',
    'Data on irregular migration are scarce.',
  ]);
  const recs = after.locator('ol[data-role="recommendations"] > li');
  expect(await recs.allTextContents()).toEqual([
    'Ratify the International Convention.',
    'Train consular officials.',
    'Improve migration statistics.',
  ]);
  expect(await recs.evaluateAll((els) => els.map((e) => (e as HTMLLIElement).value))).toEqual([1, 2, 3]);
  expect(await after.locator('ol[data-role="recommendations"]').getAttribute('data-format')).toBe('decimal');

  // The registry still holds the speaker, once.
  await page.getByRole('button', { name: 'Participants', exact: true }).click();
  await expect.poll(() => page.locator('.participants-table tbody tr').count()).toBe(1);
});

/** The text of the selection as the note's own Lexical editor holds it (it takes the browser's over on selectionchange). */
const noteSelection = (page: Page) =>
  page.evaluate(() => {
    type State = { read: <T>(f: () => T) => T; _selection: { getTextContent(): string } | null };
    const root = document.querySelector('.footnote-editor') as
      | (Element & { __lexicalEditor?: { getEditorState(): State } })
      | null;
    const state = root?.__lexicalEditor?.getEditorState();
    return state ? state.read(() => state._selection?.getTextContent() ?? '') : '';
  });

/** The note's text before its caret, as the note's Lexical editor holds it (null when nothing or a range is selected). */
const noteCaretAfter = (page: Page) =>
  page.evaluate(() => {
    type Point = { offset: number; getNode(): { getTextContent(): string } };
    type State = { read: <T>(f: () => T) => T; _selection: { isCollapsed(): boolean; anchor: Point } | null };
    const root = document.querySelector('.footnote-editor') as
      | (Element & { __lexicalEditor?: { getEditorState(): State } })
      | null;
    const state = root?.__lexicalEditor?.getEditorState();
    return state
      ? state.read(() => {
          const s = state._selection;
          return s && s.isCollapsed() ? s.anchor.getNode().getTextContent().slice(0, s.anchor.offset) : null;
        })
      : null;
  });

test('a note written with an italic word (Ctrl+I) and a link (Ctrl+K) keeps them after a reload', async () => {
  const page = await openApp();
  await page.getByLabel('Title').fill('Regional Conference on Refugee Protection');
  await page.getByRole('radio', { name: /Conference proceedings/ }).check();
  await page.getByRole('button', { name: 'Create conference' }).click();
  await openPart(page, /Speakers/, 'Text of Speakers');
  await page.keyboard.insertText('The plan was adopted in 2007');

  // The note opens at once, in its own editor.
  await page.getByRole('button', { name: 'Insert footnote' }).click();
  const note = page.getByLabel('Text of the footnote', { exact: true });
  await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.insertText('See Panorama');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => noteSelection(page)).toBe('Panorama');
  await page.keyboard.press('Control+i');
  await expect.poll(() => note.locator('.ed-italic').allTextContents()).toEqual(['Panorama']);
  // Typing on from the end of the italic word stays italic until Ctrl+I turns it off, as in Word.
  await page.keyboard.press('End');
  // Ctrl+I acts on Lexical's selection, which follows the caret only once selectionchange is handled:
  // pressed before, it took the italic off "Panorama" instead of turning it off for what comes next.
  await expect.poll(() => noteCaretAfter(page)).toBe('Panorama');
  await page.keyboard.press('Control+i');
  await page.keyboard.type(' at CEPAL');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => noteSelection(page)).toBe('CEPAL');
  await page.keyboard.press('Control+k');
  await page.getByLabel('Address of the link').fill('https://www.cepal.org/en');
  await page.getByLabel('Address of the link').press('Enter');
  await expect.poll(() => note.locator('a[href="https://www.cepal.org/en"]').textContent()).toBe('CEPAL');
  await shot(page, 'rapporteur-rich-footnote-editing.png');

  // Enter returns to the text, right after the marker.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('dialog', { name: 'Footnote text' }).count()).toBe(0);
  await page.keyboard.insertText(' by all.');
  await saved(page);

  await page.reload();
  const after = page.getByLabel('Text of Speakers');
  await expect.poll(() => after.textContent(), { timeout: 10_000 }).toBe('The plan was adopted in 20071 by all.');
  const mark = after.locator('.ed-footnote-mark');
  await expect.poll(() => mark.getAttribute('title')).toBe('See Panorama at CEPAL');
  await mark.click();
  const reopened = page.getByLabel('Text of the footnote', { exact: true });
  await expect.poll(() => reopened.locator('.ed-italic').allTextContents()).toEqual(['Panorama']);
  expect(await reopened.locator('a[href="https://www.cepal.org/en"]').textContent()).toBe('CEPAL');
  expect(await reopened.textContent()).toBe('See Panorama at CEPAL');
  await shot(page, 'rapporteur-rich-footnote-reloaded.png');
  // Escape closes the note and leaves it as it was.
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog', { name: 'Footnote text' }).count()).toBe(0);
  await expect.poll(() => mark.getAttribute('title')).toBe('See Panorama at CEPAL');
}, 120_000);

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../src/editor/paste/fixtures', name), 'utf8');

/** A real paste: a ClipboardEvent carrying text/html, dispatched on the focused editor. */
async function pasteHtml(page: Page, html: string) {
  await page.evaluate((h) => {
    const data = new DataTransfer();
    data.setData('text/html', h);
    data.setData('text/plain', 'fallback');
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function openPart(page: Page, name: RegExp, label: string) {
  await page.getByRole('treeitem').filter({ hasText: name }).first().locator('.outline-item').click();
  const editor = page.getByLabel(label);
  await editor.click();
  return editor;
}

test('pasting from Word gives a nested list with its formats, a table and the footnote; a hostile clipboard leaves nothing executable', async () => {
  const page = await openApp();
  await page.getByLabel('Title').fill('Paste test');
  await page.getByRole('radio', { name: /Summary report/ }).check();
  await page.getByRole('button', { name: 'Create conference' }).click();

  const editor = await openPart(page, /Introduction/, 'Text of Introduction');
  await pasteHtml(page, fixture('word-list-table.html'));

  await expect.poll(() => editor.locator('table').count()).toBe(1);
  const top = editor.locator(':scope > ol');
  expect(await top.getAttribute('data-format')).toBe('decimal');
  expect(await editor.locator('ol ol').first().getAttribute('data-format')).toBe('lower-alpha-paren');
  expect(await editor.locator('ol ol ol').first().getAttribute('data-format')).toBe('lower-roman');
  expect(await editor.locator('ol ol ol > li').allTextContents()).toEqual(['within two years', 'with a national plan']);
  expect(await editor.locator('table tr').count()).toBe(3);
  expect(await editor.locator('table tr').nth(1).locator('td').allTextContents()).toEqual(['Chile', '1 204']);
  expect(await editor.locator('.ed-footnote-mark').getAttribute('title')).toBe(
    'Adopted by consensus on 21 November 2002.',
  );
  // Word's fonts and colours are gone.
  expect(await editor.locator('[style*="font-family"], [style*="color"]').count()).toBe(0);
  await shot(page, 'rapporteur-paste-word.png', { fullPage: true });

  // The hostile fixture, into another part.
  const other = await openPart(page, /Introduction/, 'Text of Introduction');
  await other.press('End');
  await pasteHtml(page, fixture('hostile.html'));
  await expect.poll(() => other.textContent()).toContain('Last line');
  await page.waitForTimeout(300); // give any injected handler a chance to run (it must not)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const html = await other.innerHTML();
  expect(html).not.toMatch(/<script|<iframe|<object|<embed|<svg|<img|<form/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  expect(html).not.toMatch(/javascript:|evil\.example/i);
  expect(await other.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
    'https://example.org/ok',
  ]);
});

async function askPresentation(page: Page) {
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Presentation summary…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Presentation summary' });
  await dialog.waitFor();
  return dialog;
}

test('typing part of a name offers the registry and "Add … as a new participant"; only that option creates one', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Speaker dialog test' });
  const h = view.handle;
  const blank = { honorific: '', title: '', country: '', group: '', role: '' };
  await api.saveParticipant({
    handle: h,
    participant: { id: 'p-maria', name: 'María Pérez', organisation: 'OIM', ...blank },
  });
  await api.saveParticipant({ handle: h, participant: { id: 'p-tom', name: 'Tom Li', organisation: 'IOM', ...blank } });
  const registry = async () => (await api.getConference({ handle: h })).participants.map((p) => p.name);

  const page = await openApp(`&conference=${h}`);
  await page.getByRole('treeitem').filter({ hasText: 'Speakers' }).first().locator('.outline-item').click();
  const text = page.getByLabel('Text of Speakers');
  await text.click();

  let dialog = await askPresentation(page);
  const speaker = dialog.getByRole('combobox', { name: 'Speaker' });
  await speaker.fill('Mar');
  const options = dialog.getByRole('option');
  await expect.poll(() => options.allTextContents()).toEqual(['María Pérez — OIM', 'Add “Mar” as a new participant']);
  await shot(page, 'rapporteur-speaker-dialog.png');

  // Escape closes the list, not the dialog.
  await page.keyboard.press('Escape');
  await expect.poll(() => options.count()).toBe(0);
  expect(await dialog.count()).toBe(1);

  // Insert with part of a name: refused beside the field, no one added, the dialog stays.
  await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
  await dialog.getByRole('alert').filter({ hasText: '“Mar” is not in the registry' }).waitFor();
  expect(await speaker.getAttribute('aria-invalid')).toBe('true');
  expect(await registry()).toEqual(['María Pérez', 'Tom Li']);

  // Choosing her from the list (arrow keys and Enter) inserts her presentation, still no one new.
  await speaker.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(() => speaker.inputValue()).toBe('María Pérez — OIM');
  await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
  await expect.poll(() => text.locator('.ed-presentation').count()).toBe(1);
  expect(await registry()).toEqual(['María Pérez', 'Tom Li']);

  // A new name becomes a participant only through the explicit option.
  await text.click();
  await page.keyboard.press('Control+End');
  dialog = await askPresentation(page);
  await dialog.getByRole('combobox', { name: 'Speaker' }).fill('Zoe Quint');
  await expect
    .poll(() => dialog.getByRole('option').allTextContents())
    .toEqual(['Add “Zoe Quint” as a new participant']);
  await dialog.getByRole('option', { name: 'Add “Zoe Quint” as a new participant' }).click();
  await dialog.getByText('Will be added to the registry as a new participant.').waitFor();
  expect(await registry()).toEqual(['María Pérez', 'Tom Li']);
  await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
  await expect.poll(() => text.locator('.ed-presentation').count()).toBe(2);
  expect(await registry()).toEqual(['María Pérez', 'Tom Li', 'Zoe Quint']);
});

// Autoformat as typed (Lexical's markdown shortcuts, only the kinds the template section allows) and the list shortcuts.

/** The editor's blocks as the user sees them: tag and text, lists with their items (nested lists inside). */
const blocks = (page: Page) =>
  page.locator('.editor-content').evaluate((root) => {
    const describe = (el: Element): string => {
      if (el.tagName === 'UL' || el.tagName === 'OL')
        return `${el.tagName.toLowerCase()}[${[...el.children].map(describe).join('; ')}]`;
      if (el.tagName === 'LI') {
        const nested = el.querySelector(':scope > ul, :scope > ol');
        return nested ? describe(nested) : (el.textContent ?? '');
      }
      return `${el.tagName.toLowerCase()}:${el.textContent ?? ''}`;
    };
    return [...root.children].map(describe);
  });

/** Waits until Lexical's own selection sits in the editor (it takes the browser's over on selectionchange). */
const lexicalCaretIn = (page: Page) =>
  page.evaluate(() => {
    type State = { read: <T>(f: () => T) => T; _selection: unknown };
    const root = document.querySelector('.editor-content[contenteditable="true"]') as
      | (Element & { __lexicalEditor?: { getEditorState(): State } })
      | null;
    const state = root?.__lexicalEditor?.getEditorState();
    return !!state && state.read(() => state._selection !== null);
  });

/**
 * Types a paragraph's opening characters key by key (the shortcut they may trigger is the subject)
 * and the rest as one input event, as an input method would: the words after are not the subject.
 */
async function typeLine(page: Page, line: string): Promise<void> {
  const opening = /^(?:[-#>] |\d+\. )/.exec(line)?.[0] ?? '';
  await page.keyboard.type(opening);
  if (line.length > opening.length) await page.keyboard.insertText(line.slice(opening.length));
}

async function openPartAtEnd(page: Page, title: string): Promise<void> {
  await page
    .getByRole('treeitem')
    .filter({ has: page.locator('.outline-title', { hasText: title }) })
    .first()
    .locator('.outline-item')
    .click();
  const text = page.getByLabel(`Text of ${title}`);
  await text.waitFor();
  await text.click();
  await page.keyboard.press('Control+End');
  await expect.poll(() => lexicalCaretIn(page)).toBe(true);
}

test('"- ", "1. " and "# " autoformat where the template allows them; Tab nests a list item; Ctrl+Shift+7/8 toggle lists', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Autoformat test' });
  const intro = view.parts.find((p) => p.kind === 'introduction')!;
  const abstract = view.parts.find((p) => p.kind === 'abstract')!;
  const page = await openApp(`&conference=${view.handle}`);
  await expect.poll(() => page.getByRole('treeitem').count()).toBe(view.parts.length);

  // The introduction allows bulleted and numbered lists and headings, not quotes.
  await openPartAtEnd(page, intro.title);
  const before = (await blocks(page)).length;
  await page.keyboard.press('Enter');
  await typeLine(page, '- Access to services');
  await page.keyboard.press('Enter');
  await typeLine(page, 'Regular pathways');
  await page.keyboard.press('Tab');
  await expect
    .poll(async () => (await blocks(page)).slice(before))
    .toEqual(['ul[Access to services; ul[Regular pathways]]']);
  await page.keyboard.press('Shift+Tab');
  await expect
    .poll(async () => (await blocks(page)).slice(before))
    .toEqual(['ul[Access to services; Regular pathways]']);
  // Enter on an empty item leaves the list, as in word processors.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await typeLine(page, '1. First recommendation');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await typeLine(page, '# Background');
  await page.keyboard.press('Enter');
  await typeLine(page, '> not a quote here');
  await expect
    .poll(async () => (await blocks(page)).slice(before))
    .toEqual([
      'ul[Access to services; Regular pathways]',
      'ol[First recommendation]',
      'h1:Background',
      'p:> not a quote here',
    ]);

  // Ctrl+Shift+8 makes the paragraph a bulleted list and takes it back; Ctrl+Shift+7 a numbered one.
  await page.keyboard.press('Control+Shift+Digit8');
  await expect.poll(async () => (await blocks(page)).at(-1)).toBe('ul[> not a quote here]');
  await page.keyboard.press('Control+Shift+Digit8');
  await expect.poll(async () => (await blocks(page)).at(-1)).toBe('p:> not a quote here');
  await page.keyboard.press('Control+Shift+Digit7');
  await expect.poll(async () => (await blocks(page)).at(-1)).toBe('ol[> not a quote here]');
  await shot(page, 'rapporteur-autoformat.png');

  // What is saved is what is shown: real list and heading nodes, not "- " text.
  const savedTypes = async () =>
    (await api.getPart({ handle: view.handle, partId: intro.id })).doc.root.children
      .map((c) => {
        const node = c as { type: string; listType?: string; tag?: string };
        return node.type === 'list'
          ? `list:${node.listType}`
          : node.type === 'heading'
            ? `heading:${node.tag}`
            : node.type;
      })
      .slice(-4);
  await expect.poll(savedTypes).toEqual(['list:bullet', 'list:number', 'heading:h1', 'list:number']);

  // The abstract allows numbered lists only: "- " and "# " stay text, and Ctrl+Shift+8 does nothing.
  await openPartAtEnd(page, abstract.title);
  const start = (await blocks(page)).length;
  await page.keyboard.press('Enter');
  await typeLine(page, '- a dash');
  await page.keyboard.press('Enter');
  await typeLine(page, '# a hash');
  await page.keyboard.press('Control+Shift+Digit8');
  await page.keyboard.press('Enter');
  await typeLine(page, '1. counted');
  await expect.poll(async () => (await blocks(page)).slice(start)).toEqual(['p:- a dash', 'p:# a hash', 'ol[counted]']);
});

test('"> " starts a quote where the template allows quotes', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'best-practices-compendium', title: 'Quote test' });
  const chapter = view.parts.find((p) => p.kind === 'chapter')!;
  // A title of its own: the template's default ones repeat across parts.
  await api.updatePart({ handle: view.handle, partId: chapter.id, patch: { title: 'Voices of migrants' } });
  const page = await openApp(`&conference=${view.handle}`);
  await openPartAtEnd(page, 'Voices of migrants');
  const before = (await blocks(page)).length;
  await page.keyboard.press('Enter');
  await typeLine(page, '> Migration is a human right');
  await page.keyboard.press('Enter');
  await typeLine(page, '# stays text here');
  await expect
    .poll(async () => (await blocks(page)).slice(before))
    .toEqual(['blockquote:Migration is a human right', 'p:# stays text here']);
});

test('every toolbar action with a shortcut shows it (tooltip and aria-keyshortcuts), the Insert and outline menus beside their items, the Keys panel lists the list shortcuts', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Shortcuts shown' });
  const page = await openApp(`&conference=${view.handle}`);
  await openPartAtEnd(page, view.parts.find((p) => p.kind === 'introduction')!.title);
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  const shown = async (name: string) => {
    const b = toolbar.getByRole('button', { name, exact: true });
    return [await b.getAttribute('title'), await b.getAttribute('aria-keyshortcuts')];
  };
  expect(await shown('Bold')).toEqual(['Bold (Ctrl+B)', 'Control+B']);
  expect(await shown('Bullet list')).toEqual(['Bullet list (Ctrl+Shift+8)', 'Control+Shift+8']);
  expect(await shown('1. List (numbered)')).toEqual(['1. List (numbered) (Ctrl+Shift+7)', 'Control+Shift+7']);
  expect(await shown('Find and replace')).toEqual(['Find and replace (Ctrl+F)', 'Control+F']);
  // Every toolbar button with keys announces them.
  const withKeys = await toolbar.locator('button[aria-keyshortcuts]').count();
  expect(withKeys).toBeGreaterThanOrEqual(11);

  await toolbar.getByRole('button', { name: 'Insert', exact: true }).click();
  const presentation = page.getByRole('menuitem', { name: /Presentation summary/ });
  expect(await presentation.getAttribute('aria-keyshortcuts')).toBe('Control+Alt+P');
  expect(await presentation.textContent()).toBe('Presentation summary…Ctrl+Alt+P');
  await shot(page, 'rapporteur-insert-keys.png');
  await page.keyboard.press('Escape');

  await toolbar.getByRole('button', { name: 'Keys: keyboard shortcuts' }).click();
  const rows = await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).locator('tr').allTextContents();
  expect(rows).toEqual(expect.arrayContaining(['Numbered listCtrl+Shift+7', 'Bulleted listCtrl+Shift+8']));
  await page.keyboard.press('Escape');

  // The outline's items announce F2 and Alt+Shift+↑/↓; its context menu shows F2 beside Rename.
  const item = page
    .getByRole('treeitem')
    .filter({ has: page.locator('.outline-title', { hasText: 'Introduction' }) })
    .first()
    .locator('.outline-item');
  expect(await item.getAttribute('aria-keyshortcuts')).toBe('F2 Alt+Shift+ArrowUp Alt+Shift+ArrowDown');
  await item.click({ button: 'right' });
  const rename = page.getByRole('menu').getByRole('menuitem', { name: /Rename/ });
  expect([await rename.textContent(), await rename.getAttribute('aria-keyshortcuts')]).toEqual(['RenameF2', 'F2']);
});
