/**
 * Kits in Chromium (browser mode), the two things a single kit does not show: in Ana's kit a part
 * assigned to Ben is read-only everywhere (its status and rapporteur fields disabled, Live mode not
 * offered, each saying why), and the editors' desk brings Ana's and Ben's kits in with one choice
 * of two files: one snapshot, then each kit's outcome in the report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { samplePath, SAMPLES } from '../../seeds/build-samples';
import { startBrowserMode, type BrowserMode, shot } from './harness';
import { openFromWorkspace, selectPart } from './steps';
import { ConferenceStore } from '../../electron/node/store/conference-store';
import { assignParts, prepareKit } from '../../electron/node/kits';
import { docFromText } from '../../electron/node/store/testing/typing';

let app: BrowserMode;
let ws: string;
beforeAll(async () => {
  app = await startBrowserMode();
  ws = path.join(app.dir, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  const deskFile = path.join(ws, 'desk.rapporteur');
  fs.copyFileSync(samplePath(SAMPLES.find((s) => s.seed === '000')!.name), deskFile);
  // The editor's side, through the services: Abstract and Introduction are Ana's, Summary is Ben's;
  // each drafts one of theirs in their kit.
  const desk = ConferenceStore.open(deskFile);
  const id = (title: string) => desk.listParts().find((p) => p.title === title)!.id;
  const assign = (titles: string[], rapporteur: string) =>
    assignParts(desk, { partIds: titles.map(id), rapporteur, participantId: null, dueAt: '', includeSubparts: false });
  assign(['Abstract', 'Introduction'], 'Ana Gómez');
  assign(['Summary'], 'Ben Okafor');
  for (const [who, file, title, text] of [
    ['Ana Gómez', 'ana.rapporteur', 'Introduction', 'Ana drafted the introduction in the room.'],
    ['Ben Okafor', 'ben.rapporteur', 'Summary', 'Ben drafted the summary in the room.'],
  ] as const) {
    prepareKit(desk, { rapporteur: who, target: path.join(ws, file) });
    const kit = ConferenceStore.open(path.join(ws, file));
    kit.savePartDoc(id(title), docFromText(text), kit.getPart(id(title)).revision);
    kit.close();
  }
  desk.close();
});
afterAll(async () => {
  await app.close();
});

test('in a kit, a part outside the rapporteur’s assignment is read-only everywhere: fields and Live mode say why', async () => {
  const ana = await app.openApp();
  await openFromWorkspace(ana, 'ana.rapporteur');
  await expect
    .poll(() => ana.getByRole('status', { name: 'Rapporteur kit' }).textContent())
    .toMatch(/^This is Ana Gómez’s kit/);
  const status = ana.locator('.part-status-bar').getByLabel('Status');
  const rapporteur = ana.locator('.part-status-bar').getByLabel('Rapporteur');
  const live = ana.locator('.header-actions').getByRole('button', { name: 'Live mode', exact: true });

  await selectPart(ana, 'Summary');
  await expect.poll(() => status.isDisabled()).toBe(true);
  expect(await rapporteur.isDisabled()).toBe(true);
  expect(await rapporteur.inputValue()).toBe('Ben Okafor');
  const kept = '“Summary” is not assigned to Ana Gómez: its status and rapporteur are kept by the editors’ desk.';
  expect(await status.getAttribute('title')).toBe(kept);
  expect(await rapporteur.getAttribute('title')).toBe(kept);
  expect(await live.isDisabled()).toBe(true);
  expect(await live.getAttribute('title')).toBe(
    'Live mode drafts only the parts assigned to Ana Gómez: “Summary” is read-only in this kit.',
  );
  await shot(ana, 'rapporteur-kit-part-not-hers.png');

  // Her own part: the fields and Live mode are hers, and Live mode opens on it.
  await selectPart(ana, 'Introduction');
  await expect.poll(() => status.isDisabled()).toBe(false);
  expect(await rapporteur.isDisabled()).toBe(false);
  expect(await live.isDisabled()).toBe(false);
  expect(await live.getAttribute('title')).toBe('A focused view for drafting in the room');
  await live.click();
  await expect.poll(() => ana.locator('.live').getByLabel('Text of Introduction').isVisible()).toBe(true);
  await ana.close();
});

test('the desk brings in two kits with one choice: one snapshot, each kit’s outcome in the report', async () => {
  const desk = await app.openApp();
  const errors: string[] = [];
  desk.on('pageerror', (e) => errors.push(e.message));
  await openFromWorkspace(desk, 'desk.rapporteur');
  await desk.getByRole('button', { name: 'Bring in returned kits…' }).click();
  const open = desk.getByRole('dialog', { name: 'Bring in returned kits' });
  const list = open.getByRole('listbox');
  expect(await list.getAttribute('aria-multiselectable')).toBe('true');
  expect(await open.getByRole('button', { name: 'Open', exact: true }).isDisabled()).toBe(true);
  await list.getByRole('option', { name: 'ana.rapporteur' }).click();
  await expect.poll(() => open.textContent()).toContain('1 kit ticked; click another to bring it in too.');
  await list.getByRole('option', { name: 'ben.rapporteur' }).click();
  // A second click unticks, a third ticks again.
  await list.getByRole('option', { name: 'desk.rapporteur' }).click();
  await list.getByRole('option', { name: 'desk.rapporteur' }).click();
  await expect
    .poll(() => list.locator('[aria-selected="true"]').allTextContents())
    .toEqual(['ana.rapporteur', 'ben.rapporteur']);
  expect(await open.textContent()).toContain('2 kits ticked, brought in one after the other.');
  await shot(desk, 'rapporteur-kits-choose-two.png');
  await open.getByRole('button', { name: 'Open', exact: true }).click();

  const report = desk.getByRole('dialog', { name: 'Kits brought in' });
  await expect
    .poll(() => report.getByRole('status').textContent(), { timeout: 15_000 })
    .toBe('2 taken, 0 in conflict, 0 refused. A snapshot kept the conference as it was before (Snapshots).');
  expect(await report.getByRole('article').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
    'ana.rapporteur',
    'ben.rapporteur',
  ]);
  const anaKit = report.getByRole('article', { name: 'ana.rapporteur' });
  const benKit = report.getByRole('article', { name: 'ben.rapporteur' });
  expect(await anaKit.locator('h4').textContent()).toBe('ana.rapporteur: Ana Gómez');
  expect(await anaKit.getByRole('region', { name: 'Taken' }).locator('li').allTextContents()).toEqual([
    expect.stringMatching(/^Introduction: /),
  ]);
  expect(await benKit.locator('h4').textContent()).toBe('ben.rapporteur: Ben Okafor');
  expect(await benKit.getByRole('region', { name: 'Taken' }).locator('li').allTextContents()).toEqual([
    expect.stringMatching(/^Summary: /),
  ]);
  await shot(desk, 'rapporteur-kits-two-report.png');
  // More kits from the report: the same multi-select chooser, nothing ticked; cancelled here.
  await report.getByRole('button', { name: 'Bring in more kits…' }).click();
  await expect.poll(() => open.getByRole('listbox').getAttribute('aria-multiselectable')).toBe('true');
  expect(await open.locator('[aria-selected="true"]').count()).toBe(0);
  await open.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => open.count()).toBe(0);

  // Both texts arrived, after one snapshot for the two kits.
  await selectPart(desk, 'Introduction');
  await expect
    .poll(() => desk.getByLabel('Text of Introduction').textContent())
    .toContain('Ana drafted the introduction in the room.');
  await selectPart(desk, 'Summary');
  await expect
    .poll(() => desk.getByLabel('Text of Summary').textContent())
    .toContain('Ben drafted the summary in the room.');
  await desk.getByRole('button', { name: 'Snapshots', exact: true }).click();
  await expect
    .poll(() => desk.getByText(/^Before bringing in kits of/).allTextContents())
    .toEqual(['Before bringing in kits of Ana Gómez and Ben Okafor']);
  expect(errors).toEqual([]);
  await desk.close();
});
