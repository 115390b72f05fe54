/** Accessibility checked by axe-core in a real Chromium: no serious or critical violation on the first screen, the conference view and its dialogs, the editor with every element kind, participants, programme and live mode. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { LexicalDoc, Participant } from '../../shared/model/conference';
import { everyElement } from '../src/editor/__tests__/every-element.fixture';
import { startBrowserMode, type BrowserMode } from './harness';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations on the page as it is now, in words a failing test can show. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the app's Content Security Policy does not govern
  // (a script tag would rightly be refused), so the page is checked under its real policy.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
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

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

test('axe-core: the first screen, the conference view, the export dialog and replace in all parts', async () => {
  const page = await app.openApp();
  await page.getByRole('button', { name: 'Create conference' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  const view = await app.server.services.api.createConference({
    templateId: 'conference-proceedings',
    title: 'Accessibility test',
  });
  await page.goto(`${app.server.url}&conference=${view.handle}`);
  await page.getByLabel(/^Text of /).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('dialog', { name: 'Export proceedings' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Find and replace' }).click();
  await page.getByLabel('Find', { exact: true }).fill('the');
  await page.getByRole('button', { name: 'Replace in all parts…' }).click();
  await page.getByRole('dialog', { name: 'Replace in all parts' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe-core: the editor with every element kind, participants, programme and live mode', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({
    templateId: 'conference-proceedings',
    title: 'Accessibility of every element',
  });
  const h = view.handle;
  const person = (id: string, honorific: string, name: string, organisation: string): Participant => ({
    id,
    honorific,
    name,
    title: '',
    organisation,
    country: '',
    group: '',
    role: 'Speaker',
  });
  for (const p of [
    person('p1', 'Mr.', 'José Miguel Guzmán', 'CELADE'),
    person('p2', 'Ms.', 'Ana Ruiz', 'FLACSO'),
    person('p3', 'Mr.', 'Tom Li', 'IOM'),
  ]) {
    await api.saveParticipant({ handle: h, participant: p });
  }
  const intro = view.parts.find((p) => p.kind === 'introduction')!;
  const unit = view.parts.find((p) => p.kind === 'unit')!;
  await api.savePart({
    handle: h,
    partId: intro.id,
    doc: everyElement as unknown as LexicalDoc,
    baseRevision: intro.revision,
  });
  await api.saveAgendaItem({
    handle: h,
    item: {
      id: 'a1',
      position: 0,
      day: 'Wednesday 20 November',
      start: '09:30',
      end: '11:00',
      title: 'Unit I',
      partId: unit.id,
      moderatorId: 'p1',
      speakerIds: ['p2', 'p3'],
    },
  });

  const page = await app.openApp(`&conference=${h}`);
  await page.getByRole('treeitem').filter({ hasText: 'Introduction' }).locator('.outline-item').click();
  const editor = page.getByLabel('Text of Introduction');
  await expect.poll(() => editor.locator('.ed-presentation').count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => editor.locator('.figure-block img').count()).toBe(1);
  // The caret in a list shows the block inspector's controls too.
  await editor.locator('li').first().click();
  expect(await seriousViolations(page)).toEqual([]);
  // The speaker dialog with its list of matches open.
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await page.getByRole('menuitem', { name: /Presentation summary/ }).click();
  await page
    .getByRole('dialog', { name: 'Presentation summary' })
    .getByRole('combobox', { name: 'Speaker' })
    .fill('An');
  await page.getByRole('option', { name: /Ana Ruiz/ }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('dialog', { name: 'Presentation summary' }).getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Participants', exact: true }).click();
  await page.getByRole('region', { name: 'Participants registry' }).waitFor();
  await page.getByLabel('Select Ana Ruiz').check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Import participants…' }).click();
  await page.getByLabel('Participants to import').fill('Nombre;Organización;Correo\nLuis Díaz;FLACSO;ld@example.org');
  await page.getByRole('button', { name: 'Preview…' }).click();
  await page.getByRole('region', { name: 'Import preview' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Participants', exact: true }).click();

  await page.getByRole('button', { name: 'Programme', exact: true }).click();
  await page.getByRole('region', { name: 'Programme' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Programme', exact: true }).click();

  await page.getByRole('treeitem').filter({ hasText: 'Speakers' }).first().locator('.outline-item').click();
  await page.getByRole('button', { name: 'Live mode' }).click();
  await expect.poll(() => page.getByLabel('Live mode').locator('.live-speakers li').count()).toBe(2);
  expect(await seriousViolations(page)).toEqual([]);
});
