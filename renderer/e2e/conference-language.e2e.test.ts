/** Issue 14.2: the conference language is chosen from a list of tags, named by Intl, and stored canonical. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode, shot } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

test('the details panel offers the listed languages by name; choosing one stores its tag', async () => {
  const page = await app.openApp();
  await page.getByLabel('Title').fill('Conferencia regional');
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect
    .poll(() => page.getByRole('navigation', { name: 'Outline of parts' }).isVisible(), { timeout: 15_000 })
    .toBe(true);
  await page.getByRole('button', { name: 'Conference details' }).click();
  const select = page.getByRole('combobox', { name: 'Language' });
  const options = await select.locator('option').allTextContents();
  expect(options).toContain('Spanish (Chile) — Español (Chile)');
  expect(options).toContain('Canadian French — Français canadien');
  expect(options).toContain('English');
  expect(await select.inputValue()).toBe('en');
  await select.selectOption('es-CL');

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
  const stored = async () => (await call<{ meta: { language: string } }>('getConference', { handle })).meta.language;
  await expect.poll(stored, { timeout: 10_000 }).toBe('es-CL');
  await shot(page, 'conference-language.png');
}, 60_000);
