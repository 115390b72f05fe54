import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

test('the programme: items with times, part, moderator and speakers, kept in order across a reload', async () => {
  const call = async (method: string, body: unknown) => {
    const res = await fetch(`${new URL(app.server.url).origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rapporteur-token': app.server.token },
      body: JSON.stringify(body),
    });
    return ((await res.json()) as { value: { handle: string } }).value;
  };
  const page = await app.openApp();
  await page.getByLabel('Title').fill('Programme test');
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect.poll(() => page.getByRole('navigation', { name: 'Outline of parts' }).isVisible()).toBe(true);
  // The registry is filled through the API, as an import would; the programme through the UI.
  const path = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('conference')!;
  const { handle } = await call('openConference', { path });
  for (const [id, name] of [
    ['p1', 'Mary Robinson'],
    ['p2', 'Jorge Bustamante'],
  ]) {
    await call('saveParticipant', {
      handle,
      participant: { id, honorific: '', name, title: '', organisation: '', country: '', group: '', role: 'Speaker' },
    });
  }
  await page.reload();

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
