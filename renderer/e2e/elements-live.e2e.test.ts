/**
 * The report's elements in the editor: every kind rendered with its live labels, live mode, the
 * recommendations table, the labels the export prints, a recommendations block in the template's
 * manner; the programme kept across a reload, a unit's moderator line (issue 13.6: no stray comma
 * after the names when no text follows) and the moderator chosen in the programme going into it.
 * One tab for the file, the app loaded afresh in it for each test.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { LexicalDoc, Participant } from '../../shared/model/conference';
import { compile } from '../../shared/compile/compile';
import * as nodes from '../../shared/import/nodes';
import type { NoteRefJSON } from '../../shared/model/doc-nodes';
import type { ListBlock, ParaBlock } from '../../shared/compile/model';
import { everyElement } from '../src/editor/__tests__/every-element.fixture';
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

const person = (id: string, honorific: string, name: string, title: string, organisation: string): Participant => ({
  id,
  honorific,
  name,
  title,
  organisation,
  country: '',
  group: '',
  role: 'Speaker',
});

test('every element kind renders in the editor; live mode starts presentations in agenda order and captures highlights', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({
    templateId: 'conference-proceedings',
    title: 'Hemispheric Conference on International Migration',
  });
  const h = view.handle;
  for (const p of [
    person('p1', 'Mr.', 'José Miguel Guzmán', 'Chief', 'CELADE'),
    person('p2', 'Ms.', 'Ana Ruiz', 'Director of Research', 'FLACSO'),
    person('p3', 'Mr.', 'Tom Li', 'Adviser', 'IOM'),
  ]) {
    await api.saveParticipant({ handle: h, participant: p });
  }
  const unit = view.parts.find((p) => p.kind === 'unit')!;
  const highlightsPart = view.parts.find((p) => p.kind === 'highlights' && p.parentId === unit.id)!;
  const intro = view.parts.find((p) => p.kind === 'introduction')!;
  await api.savePart({
    handle: h,
    partId: intro.id,
    doc: everyElement as unknown as LexicalDoc,
    baseRevision: intro.revision,
  });
  await api.updatePart({ handle: h, partId: unit.id, patch: { title: 'Migration and development' } });
  await api.saveAgendaItem({
    handle: h,
    item: {
      id: 'a1',
      position: 0,
      day: 'Wednesday 20 November',
      start: '09:30',
      end: '11:00',
      title: 'Unit I: Migration and development',
      partId: unit.id,
      moderatorId: 'p1',
      speakerIds: ['p2', 'p3'],
    },
  });

  const page = await openApp(`&conference=${h}`);
  await page.getByRole('treeitem').filter({ hasText: 'Introduction' }).locator('.outline-item').click();
  const editor = page.getByLabel('Text of Introduction');
  await expect.poll(() => editor.locator('.ed-presentation').count(), { timeout: 10_000 }).toBe(1);
  // Each element kind is there, with its live labels.
  expect(await editor.locator('.ed-epigraph').getAttribute('data-attribution')).toBe('Kofi Annan');
  expect(await editor.locator('.ed-moderator').getAttribute('data-names')).toBe('Mr. José Miguel Guzmán');
  expect(await editor.locator('.ed-presentation').getAttribute('data-label')).toBe('(a)');
  expect(await editor.locator('.ed-commentator').count()).toBe(1);
  await expect.poll(() => editor.locator('.ed-footnote-mark').allTextContents()).toEqual(['1', '2']);
  expect(
    await editor
      .locator('ol[data-format="upper-roman"] > li')
      .evaluateAll((els) => els.map((e) => (e as HTMLLIElement).value)),
  ).toEqual([24, 25, 38]);
  expect(await editor.locator('table[data-role="recommendations"] tr').count()).toBe(2);
  expect(await editor.locator('td[colspan="2"]').count()).toBe(1);
  await expect.poll(() => editor.locator('.figure-block img').count()).toBe(1);
  expect(await editor.locator('.ed-delegation').getAttribute('data-delegation')).toBe('Canada');
  await expect.poll(() => editor.locator('.ed-page-break').count()).toBe(1);
  expect(await editor.locator('.ed-run-in').getAttribute('data-label')).toBe('Recommendations:');
  await shot(page, 'rapporteur-elements-1.png');
  await page.locator('.workspace').evaluate((w) => w.scrollTo(0, 700));
  await shot(page, 'rapporteur-elements-2.png');
  await page.locator('.workspace').evaluate((w) => w.scrollTo(0, 1500));
  await shot(page, 'rapporteur-elements-3.png');

  // "@" and a few letters: a person of the registry, inserted as a reference.
  await editor.getByText('Last paragraph.').click();
  await page.keyboard.press('End');
  // The "@" and its letters are typed key by key (the type-ahead is the subject), the words before are one input.
  await page.keyboard.insertText(' Thanks to ');
  await page.keyboard.type('@Ana');
  await page.getByRole('option', { name: /Ms\. Ana Ruiz/ }).waitFor();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => editor.locator('.ed-person').allTextContents())
    .toEqual(['Mr. José Miguel Guzmán', 'Ms. Ana Ruiz']);
  expect(await editor.textContent()).toContain('Last paragraph. Thanks to Ms. Ana Ruiz');

  // Live mode for the unit's speakers.
  await page.getByRole('treeitem').filter({ hasText: 'Speakers' }).first().locator('.outline-item').click();
  await page.getByRole('button', { name: 'Live mode' }).click();
  const live = page.getByLabel('Live mode');
  await expect
    .poll(() => live.locator('.live-speakers li').allTextContents())
    .toEqual([expect.stringContaining('Ms. Ana Ruiz'), expect.stringContaining('Mr. Tom Li')]);
  expect(await live.getByRole('heading', { level: 2 }).first().textContent()).toContain(
    'Unit I: Migration and development',
  );
  const text = page.getByLabel('Text of Speakers');
  await text.click();
  // Typing starts once the presentation shows its speaker's note mark, as a rapporteur sees it:
  // keys sent in the same instant can land before the mark (Lexical applies the browser's stale target range).
  const marks = () => text.locator('.ed-presentation .ed-footnote-mark').count();
  await page.keyboard.press('Control+Enter');
  await expect.poll(marks).toBe(1);
  // The words are not the subject: each goes in as one input event, the keys around them pressed.
  await page.keyboard.insertText('Remittances in the region');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('She showed that remittances tripled in ten years.');
  await page.keyboard.press('Control+Enter');
  await expect.poll(marks).toBe(2);
  await page.keyboard.insertText('Return migration');
  await page.keyboard.press('Control+Shift+H');
  const capture = page.getByLabel(/^Capture a point/);
  await expect.poll(() => capture.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.insertText('Remittances tripled in a decade.');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => live.locator('.live-captured li').allTextContents())
    .toEqual(['Remittances tripled in a decade.']);
  // Escape from the capture box goes back to the text.
  await page.keyboard.press('Control+Shift+H');
  expect(await capture.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => text.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  const pres = text.locator('.ed-presentation');
  await expect
    .poll(() =>
      pres.evaluateAll((els) =>
        els.map((e) => {
          const words = e.cloneNode(true) as HTMLElement;
          words.querySelectorAll('.ed-footnote').forEach((n) => n.remove());
          return `${e.getAttribute('data-label')} ${e.getAttribute('data-names')}: ${words.textContent}`;
        }),
      ),
    )
    .toEqual(['(a) Ms. Ana Ruiz: Remittances in the region', '(b) Mr. Tom Li: Return migration']);
  await shot(page, 'rapporteur-live.png');
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

  // Each speaker's affiliation is in the footnote on the name (the template's policy).
  // Footnote marks are decorators, rendered a moment after their node: wait for both.
  await expect
    .poll(() => pres.locator('.ed-footnote-mark').evaluateAll((els) => els.map((e) => e.getAttribute('title'))))
    .toEqual(['Director of Research, FLACSO.', 'Adviser, IOM.']);

  // The point went into the unit's highlights part, as a highlights list.
  const saved = await api.getPart({ handle: h, partId: highlightsPart.id });
  expect(JSON.stringify(saved.doc)).toContain('Remittances tripled in a decade.');
  expect(saved.doc.root.children.some((n) => (n as { $?: { role?: string } }).$?.role === 'highlights')).toBe(true);
});

test('a recommendations table with the template’s columns stays numbered as rows are added, moved and deleted', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'summary-report', title: 'Refugee protection' });
  const page = await openApp(`&conference=${view.handle}`);
  await page.getByRole('treeitem').filter({ hasText: 'Untitled chapter' }).locator('.outline-item').click();
  const editor = page.getByLabel('Text of Untitled chapter');
  await editor.click();
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Recommendations table' }).click();
  const table = editor.locator('table[data-role="recommendations"]');
  expect(await table.locator('tr').first().locator('th').allTextContents()).toEqual([
    'No.',
    'Thematic area',
    'Recommendation',
    'Addressee(s)',
  ]);
  await page.keyboard.insertText('Access to territory');
  const row = (n: number) => table.locator('tr').nth(n);
  const numbers = () => table.locator('td[data-n]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-n')));
  const themes = () => table.locator('tr').evaluateAll((trs) => trs.slice(1).map((tr) => tr.children[1]!.textContent));

  await page.getByRole('button', { name: 'Add row below' }).click();
  await row(2).locator('td').nth(1).click();
  await page.keyboard.insertText('Detention');
  await page.getByRole('button', { name: 'Add row below' }).click();
  await row(3).locator('td').nth(1).click();
  await page.keyboard.insertText('Durable solutions');
  await expect.poll(numbers).toEqual(['1.', '2.', '3.']);

  await page.getByRole('button', { name: 'Move row up' }).click();
  await expect.poll(themes).toEqual(['Access to territory', 'Durable solutions', 'Detention']);
  await expect.poll(numbers).toEqual(['1.', '2.', '3.']);

  await row(1).locator('td').nth(1).click();
  await page.getByRole('button', { name: 'Delete row' }).click();
  await expect.poll(themes).toEqual(['Durable solutions', 'Detention']);
  await expect.poll(numbers).toEqual(['1.', '2.']);
  await shot(page, 'rapporteur-recommendations-table.png');
});

test('the editor shows the labels the export prints: headings, presentation and commentator letters, a recommendations block', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Labels' });
  const unit = view.parts.find((p) => p.kind === 'unit')!;
  const noteRef: NoteRefJSON = { type: 'note-ref', version: 1, noteId: 'n2' };
  const doc = nodes.doc([
    nodes.paragraph([
      nodes.text('As note '),
      noteRef,
      nodes.text(' says'),
      nodes.footnote('First note.'),
      nodes.text('.'),
    ]),
    nodes.heading(1, [nodes.text('Morning')]),
    nodes.presentation([], ['Ana Ruiz'], [nodes.text('First paper')]),
    nodes.presentation([], ['Tom Li'], [nodes.text('Second paper')]),
    nodes.commentator([], ['Eva Sol'], [nodes.text('A remark')]),
    nodes.heading(1, [nodes.text('Afternoon')]),
    nodes.paragraph([nodes.text('Second'), { ...nodes.footnote('Second note.'), id: 'n2' }, nodes.text('.')]),
    nodes.presentation([], ['Pia Lund'], [nodes.text('Third paper')]),
    nodes.commentator([], ['Max Ito'], [nodes.text('Another remark')]),
    nodes.list(
      true,
      [{ children: [nodes.text('Ratify the Convention.')] }, { children: [nodes.text('Protect consular access.')] }],
      { role: 'recommendations' },
    ),
  ]);
  await api.savePart({ handle: view.handle, partId: unit.id, doc, baseRevision: unit.revision });

  const page = await openApp(`&conference=${view.handle}`);
  await page.getByRole('treeitem').filter({ hasText: unit.title }).locator('.outline-item').first().click();
  const editor = page.getByLabel(`Text of ${unit.title}`);
  await expect.poll(() => editor.locator('.ed-presentation').count(), { timeout: 10_000 }).toBe(3);
  await expect
    .poll(() =>
      editor
        .locator('.ed-presentation, .ed-commentator')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-label'))),
    )
    .toEqual(['(a)', '(b)', '(a)', '(a)', '(a)']);
  const headingLabels = await editor.locator('h1').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
  const format = await editor.locator('ol[data-role="recommendations"]').getAttribute('data-format');
  // the cross-reference shows the number of the note it names, as the export prints it
  await expect.poll(() => editor.locator('.ed-note-ref').textContent()).toBe('2');

  // What the export prints for the same part.
  const { getTemplate } = await import('../../electron/node/templates');
  const parts = await Promise.all(
    view.parts.map(async (p) => ({ ...p, doc: (await api.getPart({ handle: view.handle, partId: p.id })).doc })),
  );
  const proc = compile(
    { meta: view.meta, parts, participants: [], agenda: [] },
    getTemplate('conference-proceedings'),
    { partIds: [unit.id], annexes: false, watermark: false },
  );
  const blocks = proc.sections.flatMap((s) => s.blocks);
  const printedLetters = blocks
    .filter((b): b is ParaBlock => b.kind === 'para' && (b.style === 'presentation' || b.style === 'commentator'))
    .map((b) => (b.content[0]?.kind === 'text' ? b.content[0].text.trim() : ''));
  expect(printedLetters).toEqual(['(a)', '(b)', '(a)', '(a)', '(a)']);
  const printedHeadings = blocks
    .filter((b) => b.kind === 'heading' && !b.partId)
    .map((b) => (b.kind === 'heading' ? b.label : ''));
  expect(headingLabels).toEqual(printedHeadings);
  expect(format).toBe(blocks.find((b): b is ListBlock => b.kind === 'list')!.format);
  const first = blocks.find(
    (b): b is ParaBlock => b.kind === 'para' && b.content.some((r) => r.kind === 'text' && r.text === 'As note '),
  )!;
  expect(
    first.content.map((r) => (r.kind === 'text' ? r.text : r.kind === 'note' ? `[${r.label}]` : '')).join(''),
  ).toBe('As note 2 says[1].');

  await shot(editor, 'element-labels.png');
});

test('a recommendations block is numbered in the template’s manner (i., ii. in a summary report)', async () => {
  const page = await openApp();
  await page.getByLabel('Title').fill('San José');
  await page.getByRole('radio', { name: /Summary report with recommendations/ }).check();
  await page.getByRole('button', { name: 'Create conference' }).click();
  const chapter = page.getByRole('treeitem').filter({ hasText: 'chapter' }).first();
  await chapter.locator('.outline-item').click();
  await page.getByLabel(/^Text of Untitled chapter/).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Alt+r');
  await page.keyboard.insertText('States are encouraged to adopt alternatives to detention.');
  const list = page.locator('ol[data-role="recommendations"]');
  await expect.poll(() => list.getAttribute('data-format')).toBe('lower-roman');
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');
  await page.reload();
  await expect
    .poll(() => page.locator('ol[data-role="recommendations"]').getAttribute('data-format'), { timeout: 10_000 })
    .toBe('lower-roman');
});

test('the programme: items with times, part, moderator and speakers, kept in order across a reload', async () => {
  // The conference and its registry are made through the services, as an import would; the programme through the UI.
  const api = app.server.services.api;
  const { handle } = await api.createConference({ templateId: 'conference-proceedings', title: 'Programme test' });
  for (const [id, name] of [
    ['p1', 'Mary Robinson'],
    ['p2', 'Jorge Bustamante'],
  ] as const) {
    await api.saveParticipant({
      handle,
      participant: { id, honorific: '', name, title: '', organisation: '', country: '', group: '', role: 'Speaker' },
    });
  }
  const page = await openApp(`&conference=${handle}`);

  await page.getByRole('button', { name: 'Programme', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Programme' });
  await panel.getByRole('button', { name: 'Add item' }).click();
  await panel.getByRole('button', { name: 'Add item' }).click();
  const items = panel.getByRole('listitem').filter({ has: page.getByLabel('Item') });
  await expect.poll(() => items.count()).toBe(2);

  const first = items.nth(0);
  await first.getByLabel('Item').fill('Session I: From state control to shared responsibility');
  await first.getByLabel('Start').fill('10:00');
  await first.getByLabel('End').fill('11:30');
  await first.getByLabel('Day').click(); // blur saves
  await first.getByLabel('Add a speaker').selectOption({ label: 'Jorge Bustamante' });
  await first.getByLabel('Add a speaker').selectOption({ label: 'Mary Robinson' });
  await items.nth(1).getByLabel('Item').fill('Lunch');
  await items.nth(1).getByLabel('Start').click();
  // Lunch moves up, before the session.
  await items.nth(1).getByRole('button', { name: 'Move up' }).click();
  await expect.poll(() => items.nth(0).getByLabel('Item').inputValue()).toBe('Lunch');

  await page.reload();
  await page.getByRole('button', { name: 'Programme', exact: true }).click();
  await expect.poll(() => items.count()).toBe(2);
  expect(await items.nth(0).getByLabel('Item').inputValue()).toBe('Lunch');
  const session = items.nth(1);
  expect(await session.getByLabel('Item').inputValue()).toBe('Session I: From state control to shared responsibility');
  expect(await session.getByLabel('Start').inputValue()).toBe('10:00');
  expect(await session.getByLabel('End').inputValue()).toBe('11:30');
  // Speakers keep the order they were added in (agenda order drives live mode).
  expect(await session.locator('.chip').allTextContents()).toEqual(['Jorge Bustamante×', 'Mary Robinson×']);
});

test('the moderator label ends with the names; a comma comes only before text typed after them', async () => {
  const view = await app.server.services.api.createConference({
    templateId: 'conference-proceedings',
    title: 'Hemispheric Conference',
  });
  const unit = view.parts.find((p) => p.kind === 'unit')!;
  const page = await openApp(`&conference=${view.handle}`);
  await page
    .getByRole('treeitem')
    .filter({ hasText: unit.title || 'Untitled unit' })
    .first()
    .locator('.outline-item')
    .click();
  const line = page.locator('.ed-moderator');
  await expect.poll(() => line.count(), { timeout: 10_000 }).toBe(1);
  const label = () => line.evaluate((el) => getComputedStyle(el, '::before').content);
  expect(await label()).toBe('"Moderator: (person not set)"');
  await shot(page, 'unit-moderator-empty.png');

  await line.click();
  await page.keyboard.insertText('Chair of the session');
  await expect.poll(label).toBe('"Moderator: (person not set), "');
}, 60_000);

test("the moderator chosen in the programme goes into the unit's moderator line", async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Programme to unit' });
  const h = view.handle;
  await api.saveParticipant({
    handle: h,
    participant: {
      id: 'p1',
      honorific: 'Ms.',
      name: 'Pilar Norza',
      title: 'Regional Representative',
      organisation: 'IOM',
      country: '',
      group: '',
      role: '',
    },
  });
  const unit = view.parts.find((p) => p.kind === 'unit')!;
  await api.saveAgendaItem({
    handle: h,
    item: {
      id: 'a1',
      position: 0,
      day: 'Thursday',
      start: '11:10',
      end: '13:00',
      title: 'Unit I',
      partId: unit.id,
      moderatorId: null,
      speakerIds: [],
    },
  });

  const page = await openApp(`&conference=${h}`);
  await page.getByRole('button', { name: 'Programme', exact: true }).click();
  const item = page
    .getByRole('region', { name: 'Programme' })
    .getByRole('listitem')
    .filter({ has: page.getByLabel('Item') });
  await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
  await item.getByLabel('Moderator').selectOption({ label: 'Pilar Norza' });
  await expect
    .poll(
      async () =>
        (await api.getPart({ handle: h, partId: unit.id })).doc.root.children
          .filter((n) => (n as { type: string }).type === 'moderator')
          .map((n) => (n as { names: string[] }).names),
      { timeout: 10_000 },
    )
    .toEqual([['Ms. Pilar Norza']]);

  await page.getByRole('treeitem').filter({ hasText: 'Untitled unit' }).first().locator('.outline-item').click();
  const line = page.locator('.ed-moderator');
  await expect.poll(() => line.getAttribute('data-names'), { timeout: 10_000 }).toBe('Ms. Pilar Norza');
  expect(await line.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Moderator: Ms. Pilar Norza"');
  await shot(page, 'unit-moderator-from-programme.png');
}, 60_000);
