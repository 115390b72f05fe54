/** Steps several end-to-end tests take the way a user does (the kits' desk and rapporteur). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** File → Open a conference file…, chosen in browser mode's chooser from the workspace. */
export async function openFromWorkspace(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Open a conference file…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Open conference' });
  await chooser.getByRole('option', { name }).click();
  await chooser.getByRole('button', { name: 'Open', exact: true }).click();
  await expect
    .poll(() => page.getByRole('navigation', { name: 'Outline of parts' }).isVisible(), { timeout: 15_000 })
    .toBe(true);
}

/** Opens a part from the outline and waits for its text. */
export async function selectPart(page: Page, title: string): Promise<void> {
  await page.getByRole('treeitem').filter({ hasText: title }).first().locator('.outline-item').first().click();
  await page.getByLabel(`Text of ${title}`).waitFor();
}
