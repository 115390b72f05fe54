// The desktop app as built (dist/electron), through the Chromium-backed stand-in for 'electron':
// "Bring in returned kits…" shows one multi-select open dialog; both kits chosen in it (outside
// the workspace) are granted and brought in together; a choice with a system file among them is
// refused by name and brings nothing in.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { samplePath, SAMPLES } from '../../seeds/build-samples';
import { ConferenceStore } from '../node/store/conference-store';
import { assignParts, prepareKit } from '../node/kits';
import { docFromText } from '../node/store/testing/typing';
import { startDesktopApp, type DesktopApp } from './testing/desktop-harness';

let app: DesktopApp;
let page: Page;
let out: string;
let deskFile: string;

beforeAll(async () => {
  app = await startDesktopApp();
  page = await app.mainPage();
  out = path.join(app.dir, 'returned');
  fs.mkdirSync(out);
  deskFile = path.join(out, 'desk.rapporteur');
  fs.copyFileSync(samplePath(SAMPLES.find((s) => s.seed === '000')!.name), deskFile);
  const desk = ConferenceStore.open(deskFile);
  const id = (title: string) => desk.listParts().find((p) => p.title === title)!.id;
  for (const [who, file, title] of [
    ['Ana Gómez', 'ana.rapporteur', 'Introduction'],
    ['Ben Okafor', 'ben.rapporteur', 'Summary'],
  ] as const) {
    assignParts(desk, {
      partIds: [id(title)],
      rapporteur: who,
      participantId: null,
      dueAt: '',
      includeSubparts: false,
    });
    prepareKit(desk, { rapporteur: who, target: path.join(out, file) });
    const kit = ConferenceStore.open(path.join(out, file));
    kit.savePartDoc(id(title), docFromText(`${who} drafted this in the room.`), kit.getPart(id(title)).revision);
    kit.close();
  }
  desk.close();
});
afterAll(async () => {
  await app?.close();
});

const report = () => page.getByRole('dialog', { name: 'Kits brought in' });

test('two kits chosen in one multi-select dialog are brought in together', async () => {
  app.electron.answerDialogs({ kind: 'open', answer: { canceled: false, filePaths: [deskFile] } });
  app.electron.clickMenu('&File', 'Open…');
  await expect
    .poll(() => page.getByRole('button', { name: 'Bring in returned kits…' }).count(), { timeout: 15_000 })
    .toBe(1);

  // A system file among the chosen ones: refused by name, nothing brought in.
  app.electron.answerDialogs({
    kind: 'open',
    answer: { canceled: false, filePaths: [path.join(out, 'ana.rapporteur'), '/etc/passwd'] },
  });
  await page.getByRole('button', { name: 'Bring in returned kits…' }).click();
  await expect
    .poll(() => page.locator('.notice').textContent(), { timeout: 15_000 })
    .toContain('folder of the operating system');
  expect(await report().count()).toBe(0);

  app.electron.answerDialogs({
    kind: 'open',
    answer: { canceled: false, filePaths: [path.join(out, 'ana.rapporteur'), path.join(out, 'ben.rapporteur')] },
  });
  await page.getByRole('button', { name: 'Bring in returned kits…' }).click();
  await expect
    .poll(() => report().getByRole('status').textContent(), { timeout: 15_000 })
    .toBe('2 taken, 0 in conflict, 0 refused. A snapshot kept the conference as it was before (Snapshots).');
  const call = app.electron.dialogCalls.at(-1)!;
  expect(call.kind).toBe('open');
  expect(call.options).toMatchObject({ title: 'Bring in returned kits', properties: ['openFile', 'multiSelections'] });
  expect(call.options.filters[0].extensions).toEqual(['rapporteur']);
  expect(await report().locator('article h4').allTextContents()).toEqual([
    'ana.rapporteur: Ana Gómez',
    'ben.rapporteur: Ben Okafor',
  ]);
  expect(
    await report()
      .getByRole('article', { name: 'ben.rapporteur' })
      .getByRole('region', { name: 'Taken' })
      .textContent(),
  ).toContain('Summary');
  expect(app.electron.unansweredDialogs()).toBe(0);
  await page.screenshot({ path: path.join(app.dir, '..', 'rapporteur-desktop-two-kits.png') });
});
