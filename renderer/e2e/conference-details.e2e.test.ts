/** Issue 13.6: the details form says what is wrong beside the field and sends nothing the service would refuse. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

test('an end date before the start date is refused beside the field; putting it right saves both', async () => {
  const page = await app.openApp();
  await page.getByLabel('Title').fill('Regional seminar');
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect
    .poll(() => page.getByRole('navigation', { name: 'Outline of parts' }).isVisible(), { timeout: 15_000 })
    .toBe(true);
  await page.getByRole('button', { name: 'Conference details' }).click();

  const file = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('conference')!;
  const call = async <T>(method: string, body: unknown): Promise<T> => {
    const res = await fetch(`${new URL(app.server.url).origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rapporteur-token': app.server.token },
      body: JSON.stringify(body),
    });
    return ((await res.json()) as { value: T }).value;
  };
  const { handle } = await call<{ handle: string }>('openConference', { path: file });
  const stored = async () =>
    await call<{ meta: { startDate: string; endDate: string; title: string }; metaRevision: number }>('getConference', {
      handle,
    });

  const form = page.getByRole('form', { name: 'Conference details' });
  const start = form.getByLabel('Start date', { exact: true });
  const end = form.getByLabel('End date', { exact: true });
  await start.fill('2025-03-12');
  await start.blur();
  await expect.poll(async () => (await stored()).meta.startDate, { timeout: 10_000 }).toBe('2025-03-12');
  const revision = (await stored()).metaRevision;

  await end.fill('2025-03-10');
  await end.blur();
  const message = form.getByRole('alert');
  await expect.poll(() => message.textContent()).toBe('The end date is before the start date.');
  expect(await end.getAttribute('aria-invalid')).toBe('true');
  expect(await end.getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));
  await shot(page, 'conference-details-dates.png');
  // Nothing was sent: the stored details did not move.
  expect(await stored()).toMatchObject({ metaRevision: revision, meta: { startDate: '2025-03-12', endDate: '' } });

  // Moving the start back puts the two in order: the message goes and both dates are saved.
  await start.fill('2025-03-09');
  await start.blur();
  await expect
    .poll(async () => (await stored()).meta, { timeout: 10_000 })
    .toMatchObject({ startDate: '2025-03-09', endDate: '2025-03-10' });
  expect(await form.getByRole('alert').count()).toBe(0);

  // A blank title is refused the same way.
  const title = form.getByLabel('Title', { exact: true });
  await title.fill('  ');
  await title.blur();
  await expect.poll(() => form.getByRole('alert').textContent()).toBe('The conference needs a title.');
  expect((await stored()).meta.title).toBe('Regional seminar');
}, 60_000);
