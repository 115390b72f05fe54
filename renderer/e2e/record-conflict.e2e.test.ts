import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ConferenceStore } from '../../electron/node/store/conference-store';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

async function call<T>(method: string, body: unknown): Promise<T> {
  const res = await fetch(`${new URL(app.server.url).origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rapporteur-token': app.server.token },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!json.ok) throw new Error(json.error?.message);
  return json.value;
}

type View = {
  handle: string;
  path: string;
  meta: { city: string; venue: string };
  participants: { name: string; organisation: string }[];
  agenda: { title: string }[];
};
const banner = (page: Page) => page.getByRole('alert').filter({ hasText: 'was changed in another window' });

test('participants, programme items and conference details: a stale change is not saved over another window’s; keep mine or use theirs, the other kept as a snapshot', async () => {
  // The conference and its registry made through the API (the first screen's Create is not the
  // subject here), so both windows open on them without a reload.
  const [template] = await call<{ id: string }[]>('listTemplates', {});
  const { handle, path: file } = await call<View>('createConference', {
    templateId: template!.id,
    title: 'Two windows, one registry',
  });
  const participant = (
    id: string,
    name: string,
    fields: { honorific?: string; organisation?: string; role?: string },
  ) => ({
    id,
    honorific: '',
    name,
    title: '',
    organisation: '',
    country: '',
    group: '',
    role: '',
    ...fields,
  });
  await call('saveParticipant', {
    handle,
    participant: participant('p1', 'Mary Robinson', {
      honorific: 'Ms.',
      organisation: 'Realizing Rights',
      role: 'Speaker',
    }),
  });
  await call('saveParticipant', { handle, participant: participant('p2', 'Jorge Bustamante', {}) });
  await call('saveAgendaItem', {
    handle,
    item: {
      id: 'a1',
      position: 0,
      day: 'Monday',
      start: '09:00',
      end: '10:00',
      title: 'Opening',
      partId: null,
      moderatorId: null,
      speakerIds: [],
    },
  });
  const at = `#conference=${encodeURIComponent(file)}`;
  const one = await app.openApp(at);
  const two = await app.openApp(at);
  for (const page of [one, two])
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Outline of parts' }).isVisible(), { timeout: 10_000 })
      .toBe(true);
  const stored = () => call<View>('getConference', { handle });
  const mary = async () => (await stored()).participants.find((p) => p.name === 'Mary Robinson')!;

  // Participants: one saves, then two (which still has the earlier version) saves the same person.
  for (const page of [one, two]) await page.getByRole('button', { name: 'Participants' }).click();
  await one.getByLabel('Organisation of Mary Robinson').fill('From window one');
  await one.getByLabel('Title of Mary Robinson').click();
  await expect.poll(async () => (await mary()).organisation).toBe('From window one');
  await two.getByLabel('Organisation of Mary Robinson').fill('From window two');
  await two.getByLabel('Title of Mary Robinson').click();
  await expect.poll(() => banner(two).count(), { timeout: 10_000 }).toBe(1);
  expect((await mary()).organisation).toBe('From window one');
  await shot(two, 'participant-conflict.png');
  // A second edit while the choice is open is refused too, and kept with the first.
  await two.getByLabel('Country of Mary Robinson').fill('Ireland');
  await two.getByLabel('Title of Mary Robinson').click();
  await banner(two).getByRole('button', { name: 'Keep my version' }).click();
  await expect.poll(() => banner(two).count()).toBe(0);
  expect(await mary()).toMatchObject({ organisation: 'From window two', country: 'Ireland' });

  // Programme: one retitles the item; two, behind, retitles it too and takes the other version.
  for (const page of [one, two]) await page.getByRole('button', { name: 'Programme', exact: true }).click();
  await one.getByLabel('Item').fill('Opening session');
  await one.getByLabel('Day').click();
  await expect.poll(async () => (await stored()).agenda[0]!.title).toBe('Opening session');
  await two.getByLabel('Item').fill('Opening by two');
  await two.getByLabel('Day').click();
  await expect.poll(() => banner(two).count(), { timeout: 10_000 }).toBe(1);
  await banner(two).getByRole('button', { name: 'Use the other version' }).click();
  await expect.poll(() => two.getByLabel('Item').inputValue()).toBe('Opening session');
  expect((await stored()).agenda[0]!.title).toBe('Opening session');

  // Conference details: one sets the venue; two, behind, sets the city.
  for (const page of [one, two]) await page.getByRole('button', { name: 'Conference details' }).click();
  await one.getByLabel('Venue').fill('ECLAC headquarters');
  await one.getByLabel('City').click();
  await expect.poll(async () => (await stored()).meta.venue).toBe('ECLAC headquarters');
  await two.getByLabel('City').fill('Santiago');
  await two.getByLabel('Venue').click();
  await expect.poll(() => banner(two).count(), { timeout: 10_000 }).toBe(1);
  await banner(two).getByRole('button', { name: 'Keep my version' }).click();
  await expect.poll(() => banner(two).count()).toBe(0);
  expect((await stored()).meta).toMatchObject({ venue: 'ECLAC headquarters', city: 'Santiago' });
  await expect.poll(() => two.getByLabel('Venue').inputValue()).toBe('ECLAC headquarters');

  // Removing: asked in the app's own dialog; a removal based on an older version is refused and the newer one shown.
  for (const page of [one, two]) await page.getByRole('button', { name: 'Participants' }).click();
  expect(await two.getByLabel('Country of Jorge Bustamante').inputValue()).toBe('');
  await one.getByLabel('Country of Jorge Bustamante').fill('Mexico');
  await one.getByLabel('Role of Jorge Bustamante').click();
  await expect.poll(async () => JSON.stringify(await stored())).toContain('Mexico');
  await two.getByRole('button', { name: 'Remove Jorge Bustamante' }).click();
  await two.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect
    .poll(() => two.getByLabel('Country of Jorge Bustamante').inputValue(), { timeout: 10_000 })
    .toBe('Mexico');
  expect((await stored()).participants.map((p) => p.name)).toContain('Jorge Bustamante');
  await one.getByRole('button', { name: 'Remove Jorge Bustamante' }).click();
  await one.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect.poll(async () => (await stored()).participants.map((p) => p.name)).toEqual(['Mary Robinson']);

  // Every version not kept is a snapshot.
  const names = (await call<{ name: string }[]>('listSnapshots', { handle })).map((s) => s.name);
  expect(names).toEqual(
    expect.arrayContaining([
      'Other version of “Mary Robinson”, replaced by yours',
      'Your version of “Opening by two”, set aside',
      'Other version of the conference details, replaced by yours',
    ]),
  );
  await shot(two, 'details-after-conflict.png');
});

test('a read-only file opens with a banner saying why, and what was set aside beside it', async () => {
  // In the workspace: browser mode takes paths only from there.
  fs.mkdirSync(path.join(app.dir, 'workspace'), { recursive: true });
  const file = path.join(app.dir, 'workspace', 'locked.rapporteur');
  const store = ConferenceStore.create(file, { title: 'Locked conference' });
  store.addPart({ parentId: null, kind: 'summary', title: 'Summary' });
  store.close();
  fs.writeFileSync(`${file}-wal`, 'a log from somewhere else');
  fs.chmodSync(file, 0o444);
  const { handle } = await call<View>('openConference', { path: file });
  const page = await app.openApp(`#conference=${encodeURIComponent(file)}`);
  const status = page.getByRole('status', { name: 'About this file' });
  await expect
    .poll(() => status.textContent(), { timeout: 10_000 })
    .toMatch(/Read-only: the file is marked read-only\./);
  expect(await status.textContent()).toMatch(/“locked\.rapporteur-wal” beside the file was not applied/);
  await shot(page, 'read-only-banner.png');
  await call('closeConference', { handle });
});
