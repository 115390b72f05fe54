import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDesktopApp, type DesktopApp } from './testing/desktop-harness';

let app: DesktopApp;
beforeAll(async () => { app = await startDesktopApp(); });
afterAll(async () => { await app?.close(); });

test('smoke', async () => {
  const page = await app.mainPage();
  await expect.poll(() => page.getByRole('radio').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: '/tmp/desktop-home.png' });
});
