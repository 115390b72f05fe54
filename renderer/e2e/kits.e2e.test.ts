/**
 * Several rapporteurs, one report, in Chromium (browser mode): the editor assigns Ana two parts
 * in the overview of assignments and prepares her kit from the seed 000 sample; a second browser
 * context opens the kit (its banner says whose it is; a part not hers is read-only) and drafts her
 * parts; the editor edits one of them meanwhile, brings the kit back (one part taken, one conflict),
 * compares the conflict side by side and saves an edited text; the overview then shows her work back.
 * axe-core checks the overview and the side-by-side comparison. Every file comes from the app's own
 * chooser over the workspace, whose title says what it is for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { samplePath, SAMPLES } from '../../seeds/build-samples';
import { startBrowserMode, type BrowserMode, shot } from './harness';
import { openFromWorkspace, selectPart } from './steps';
import { ConferenceStore } from '../../electron/node/store/conference-store';
import { assignParts, mergeKits, prepareKit } from '../../electron/node/kits';
import { docFromText } from '../../electron/node/store/testing/typing';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
  fs.mkdirSync(path.join(app.dir, 'workspace'), { recursive: true });
  fs.copyFileSync(
    samplePath(SAMPLES.find((s) => s.seed === '000')!.name),
    path.join(app.dir, 'workspace', 'desk.rapporteur'),
  );
});
afterAll(async () => {
  await app.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}
/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
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

const saved = (page: Page) =>
  expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

/** Adds `text` at the end of a part, as one input (typing key by key is not what this file tests), and waits for the save. */
async function typeInto(page: Page, title: string, text: string) {
  await selectPart(page, title);
  await page.getByLabel(`Text of ${title}`).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
  await saved(page);
}

const row = (page: Page, title: string) =>
  page
    .locator('.assignments-table tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: title, exact: true }) });

test('assign, prepare a kit, draft it in a second browser context, bring it back and settle a conflict side by side with an edit', async () => {
  // The desk's page may take axe-core's script (the app's Content Security Policy rightly refuses it otherwise).
  const desk = await app.browser.newPage({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
  const deskErrors: string[] = [];
  desk.on('pageerror', (e) => deskErrors.push(e.message));
  await desk.goto(app.server.url);
  await openFromWorkspace(desk, 'desk.rapporteur');

  // The overview: tick Abstract and Introduction, assign them to Ana with a due time.
  await desk.getByRole('button', { name: 'Assignments', exact: true }).click();
  const overview = desk.getByRole('region', { name: 'Assignments' });
  await expect
    .poll(() => overview.getByRole('status').textContent())
    .toMatch(/^\d+ parts, 0 assigned, 0 back from kits\.$/);
  await overview.getByRole('checkbox', { name: 'Tick “Abstract”' }).check();
  await overview.getByRole('checkbox', { name: 'Tick “Introduction”' }).check();
  await overview.getByLabel('Rapporteur').fill('Ana Gómez');
  await overview.getByLabel('Due').fill('2002-11-21T18:00');
  await overview.getByRole('button', { name: 'Assign 2 parts' }).click();
  await expect.poll(() => desk.locator('.notice').textContent()).toContain('2 parts assigned to Ana Gómez.');
  await expect
    .poll(() => row(desk, 'Abstract').locator('td').allTextContents())
    .toEqual(expect.arrayContaining(['Ana Gómez', 'No kit sent yet']));
  expect(await row(desk, 'Introduction').locator('td').nth(1).textContent()).toBe('Ana Gómez');
  expect(await row(desk, 'Summary').locator('td').nth(1).textContent()).toBe('Not assigned');
  expect(await overview.getByRole('status').textContent()).toMatch(/, 2 assigned, 0 back from kits\.$/);
  // One rapporteur's parts, then those no one has yet.
  await overview.getByLabel('Show the parts of').selectOption('Ana Gómez');
  await expect.poll(() => overview.getByRole('rowheader').allTextContents()).toEqual(['Abstract', 'Introduction']);
  await overview.getByLabel('Show the parts of').selectOption({ label: 'No one yet' });
  await expect.poll(() => overview.getByRole('rowheader').allTextContents()).not.toContain('Abstract');
  expect(await overview.getByRole('rowheader').allTextContents()).toContain('Summary');
  await overview.getByLabel('Show the parts of').selectOption({ label: 'Everyone' });
  expect(await seriousViolations(desk)).toEqual([]);
  await shot(desk, 'rapporteur-assignments.png');

  await desk.getByRole('button', { name: 'Prepare kit for…' }).click();
  const prepare = desk.getByRole('dialog', { name: 'Prepare a rapporteur’s kit' });
  expect(await prepare.getByLabel('Rapporteur').inputValue()).toBe('Ana Gómez');
  expect(await prepare.locator('.kit-parts li').allTextContents()).toEqual(['Abstract', 'Introduction']);
  await prepare.getByRole('button', { name: 'Save the kit…' }).click();
  // The file dialog says what it is for.
  const saveAs = desk.getByRole('dialog', { name: 'Save the rapporteur’s kit' });
  expect(await saveAs.getByLabel('File name').inputValue()).toMatch(/ – kit for Ana Gómez\.rapporteur$/);
  await saveAs.getByLabel('File name').fill('ana-kit');
  await saveAs.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => desk.locator('.notice').textContent()).toContain('Ana Gómez’s kit was saved to');
  expect(fs.existsSync(path.join(app.dir, 'workspace', 'ana-kit.rapporteur'))).toBe(true);
  await desk.getByRole('button', { name: 'Assignments', exact: true }).click();
  await desk.getByRole('button', { name: 'Assignments', exact: true }).click();
  await expect
    .poll(() => row(desk, 'Abstract').locator('td').last().textContent())
    .toMatch(/^Kit sent .+; not back yet$/);

  // Ana, in another browser context: the kit says whose it is; a part not hers is read-only.
  const ana = await app.openApp();
  await openFromWorkspace(ana, 'ana-kit.rapporteur');
  const banner = ana.getByRole('status', { name: 'Rapporteur kit' });
  await expect
    .poll(() => banner.textContent())
    .toMatch(/^This is Ana Gómez’s kit of Hemispheric Conference[^,]*, from version “Kit for Ana Gómez \(/);
  expect(await ana.getByRole('button', { name: 'Prepare kit for…' }).count()).toBe(0);
  expect(await ana.getByRole('button', { name: 'Assignments', exact: true }).count()).toBe(0);
  await selectPart(ana, 'Summary');
  expect(await ana.getByRole('note').filter({ hasText: 'Read-only in this kit' }).textContent()).toBe(
    'Read-only in this kit: “Summary” is not assigned to Ana Gómez. The editors’ desk drafts it; changes made here would not be brought in.',
  );
  const summary = ana.getByLabel('Text of Summary');
  expect(await summary.getAttribute('contenteditable')).toBe('false');
  // Her outline offers no Delete or Duplicate on a part that is not hers, and no renaming.
  const outline = ana.getByRole('navigation', { name: 'Outline of parts' });
  expect(await outline.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
  expect(await outline.getByRole('button', { name: 'Duplicate', exact: true }).count()).toBe(0);
  await shot(ana, 'rapporteur-kit-read-only.png');
  const summaryBefore = await summary.textContent();
  await summary.click();
  await ana.keyboard.type('Not hers.');
  expect(await summary.textContent()).toBe(summaryBefore);
  await typeInto(ana, 'Abstract', ' Ana drafted this in the room.');
  await typeInto(ana, 'Introduction', ' Ana on the introduction.');
  expect(await ana.getByRole('note').filter({ hasText: 'Assigned to you' }).count()).toBe(1);
  expect(await outline.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(1);
  // Her work is saved in her kit: her page has nothing more to show.
  await ana.close();

  // Meanwhile the desk harmonises the abstract: a conflict to come.
  await typeInto(desk, 'Abstract', ' The desk harmonised this.');

  await desk.getByRole('button', { name: 'Bring in returned kits…' }).click();
  const open = desk.getByRole('dialog', { name: 'Bring in returned kits' });
  await open.getByRole('option', { name: 'ana-kit.rapporteur' }).click();
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  const report = desk.getByRole('dialog', { name: 'Kits brought in' });
  await expect
    .poll(() => report.getByRole('status').textContent(), { timeout: 15_000 })
    .toBe('1 taken, 1 in conflict, 0 refused. A snapshot kept the conference as it was before (Snapshots).');
  expect(await report.getByRole('region', { name: 'Taken' }).textContent()).toContain('Introduction');
  expect(await report.getByRole('region', { name: 'Conflicts (waiting for you)' }).textContent()).toContain('Abstract');

  // Side by side: the words only the desk has, and only Ana's kit has, are marked.
  await report.getByRole('button', { name: 'Compare side by side…' }).click();
  const compare = desk.getByRole('dialog', { name: '“Abstract”: the desk’s and Ana Gómez’s versions' });
  await expect
    .poll(() =>
      desk.evaluate(() => document.activeElement?.closest('[role="dialog"]')?.getAttribute('aria-labelledby')),
    )
    .toBe('conflict-title');
  // Word by word: both sentences end in “this” and a full stop, which are not marked.
  await expect.poll(() => compare.locator('del').allTextContents()).toEqual(['The desk harmonised ']);
  expect((await compare.locator('ins').allTextContents()).join('|')).toBe('Ana drafted | in the room');
  const [deskSide, kitSide] = await compare.locator('tbody tr.conflict-changed td').allTextContents();
  expect(deskSide).toMatch(/The desk harmonised this\.$/);
  expect(kitSide).toMatch(/Ana drafted this in the room\.$/);
  expect(await compare.getByRole('columnheader').allTextContents()).toEqual([
    expect.stringMatching(/^At the desk \(\d+ words\)$/),
    expect.stringMatching(/^In Ana Gómez’s kit \(\d+ words\)$/),
  ]);
  expect(await seriousViolations(desk)).toEqual([]);
  await shot(desk, 'rapporteur-kit-side-by-side.png');

  // The editor edits a text of their own from both: the desk's sentence, then Ana's.
  await compare.getByRole('button', { name: 'Edit…' }).click();
  const edited = compare.getByLabel('Edited text of “Abstract”');
  const deskText = await edited.inputValue();
  expect(deskText).toContain('The desk harmonised this.');
  await edited.fill(
    deskText.replace('The desk harmonised this.', 'The desk harmonised this. Ana drafted this in the room.'),
  );
  await shot(desk, 'rapporteur-kit-edit.png');
  await compare.getByRole('button', { name: 'Save the edited text' }).click();
  await expect
    .poll(() => report.getByRole('region', { name: 'Decided' }).textContent())
    .toContain('Abstract: Decided: an edited text replaced the desk’s');
  expect(await report.getByRole('region', { name: 'Conflicts (waiting for you)' }).count()).toBe(0);
  // The keyboard is back in the report, on its Close button.
  await expect
    .poll(() =>
      desk.evaluate(
        () =>
          document.activeElement?.closest('[role="dialog"]')?.getAttribute('aria-labelledby') +
          ' ' +
          document.activeElement?.textContent,
      ),
    )
    .toBe('merge-report-title Close');
  await desk.keyboard.press('Enter');
  await selectPart(desk, 'Abstract');
  await expect
    .poll(() => desk.getByLabel('Text of Abstract').textContent())
    .toContain('The desk harmonised this. Ana drafted this in the room.');
  await selectPart(desk, 'Introduction');
  await expect.poll(() => desk.getByLabel('Text of Introduction').textContent()).toContain('Ana on the introduction.');

  // The overview: Ana's latest work is back, part by part.
  await desk.getByRole('button', { name: 'Assignments', exact: true }).click();
  await expect
    .poll(() => row(desk, 'Introduction').locator('td').last().textContent())
    .toMatch(/^Back .+: brought in$/);
  expect(await row(desk, 'Abstract').locator('td').last().textContent()).toMatch(/^Back .+: conflict decided$/);
  expect(await overview.getByRole('status').textContent()).toMatch(/, 2 assigned, 2 back from kits\.$/);
  expect(await seriousViolations(desk)).toEqual([]);
  await shot(desk, 'rapporteur-assignments-back.png');

  // Brought in again, the same kit changes nothing.
  await desk.getByRole('button', { name: 'Bring in returned kits…' }).click();
  await open.getByRole('option', { name: 'ana-kit.rapporteur' }).click();
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  await expect.poll(() => report.textContent(), { timeout: 15_000 }).toContain('was already brought in');
  expect(await report.getByRole('status').textContent()).toBe('0 taken, 0 in conflict, 0 refused.');
  expect(deskErrors).toEqual([]);
  await desk.close();
});

test('the merge report speaks the interface’s language: decisions, the kit already brought in, its time', async () => {
  const es = await startBrowserMode({ locale: 'es-ES' });
  try {
    const ws = path.join(es.dir, 'workspace');
    fs.mkdirSync(ws, { recursive: true });
    const deskFile = path.join(ws, 'desk.rapporteur');
    fs.copyFileSync(samplePath(SAMPLES.find((s) => s.seed === '000')!.name), deskFile);
    // The editor's side, through the services: Ana's kit drafted and brought in once (a conflict and a part taken).
    const desk = ConferenceStore.open(deskFile);
    const [p, q] = desk.listParts();
    assignParts(desk, {
      partIds: [p!.id, q!.id],
      rapporteur: 'Ana Gómez',
      participantId: null,
      dueAt: '',
      includeSubparts: false,
    });
    prepareKit(desk, { rapporteur: 'Ana Gómez', target: path.join(ws, 'ana.rapporteur') });
    const ana = ConferenceStore.open(path.join(ws, 'ana.rapporteur'));
    for (const part of [p!, q!])
      ana.savePartDoc(part.id, docFromText(`Texto de Ana para ${part.title}.`), ana.getPart(part.id).revision);
    ana.close();
    desk.savePartDoc(p!.id, docFromText('Texto de la mesa.'), desk.getPart(p!.id).revision);
    mergeKits(desk, [path.join(ws, 'ana.rapporteur')]);
    desk.close();

    const page = await es.openApp();
    await page.getByRole('button', { name: 'Abrir un archivo de conferencia…' }).click();
    await page.getByRole('option', { name: 'desk.rapporteur' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Abrir', exact: true }).click();
    await page.getByRole('button', { name: 'Incorporar kits devueltos…' }).click();
    const open = page.getByRole('dialog', { name: 'Incorporar kits devueltos' });
    await open.getByRole('option', { name: 'ana.rapporteur' }).click();
    await open.getByRole('button', { name: 'Abrir', exact: true }).click();
    const report = page.getByRole('dialog', { name: 'Kits incorporados' });
    await expect
      .poll(() => report.getByRole('status').textContent(), { timeout: 15_000 })
      .toBe('0 incorporados, 1 en conflicto, 0 rechazados.');
    expect(await report.getByRole('article').locator('> p').textContent()).toMatch(
      /^Este kit, tal como está, ya se incorporó \(\d+ \S+ \d{4}, \d+:\d+\): no se cambió nada\.$/,
    );
    expect(await report.getByRole('region', { name: 'Incorporados' }).locator('li').textContent()).toBe(
      `${q!.title}: Se incorporó el texto de Ana Gómez.`,
    );
    expect(
      await report.getByRole('region', { name: 'Conflictos (a la espera de usted)' }).locator('li').textContent(),
    ).toContain(`${p!.title}: Modificada en la mesa y en el kit de Ana Gómez: no se reemplazó ninguno;`);
    await shot(page, 'rapporteur-kit-report-es.png');
  } finally {
    await es.close();
  }
});
