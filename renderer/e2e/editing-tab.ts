/**
 * One browser tab for all the tests of a file: the first test opens it, each later one loads the
 * app afresh in it (a new page load, the app's state gone). A new tab is a new browser context and
 * renderer process, about 2 CPU-s each; a load in a tab already open costs about a third of that.
 */
import type { Page } from 'playwright-core';
import type { BrowserMode } from './harness';

export type AppTab = (extraHash?: string) => Promise<Page>;

export function appTab(app: () => BrowserMode): AppTab {
  let page: Page | undefined;
  return async (extraHash = '') => {
    if (!page || page.isClosed()) {
      page = await app().openApp(extraHash);
      // The editor asks before leaving a part whose save is still pending (it flushes it first):
      // a test leaving its tab is done with it, so the next one goes.
      page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()));
      return page;
    }
    await page.goto(app().server.url + extraHash);
    return page;
  };
}
