/**
 * Before the tests: one Chromium for the whole run, which every end-to-end file connects to
 * (launchChromium in harness.ts) and closes only its own contexts in. Launching a browser
 * per file cost about 0.5 s of CPU and 1–2 s of waiting each, for some forty files.
 * Without Chromium nothing is started here: the first test that needs it fails, saying so.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, SHARED_CHROMIUM_ENV } from './harness';

export default async function setup(): Promise<() => Promise<void>> {
  if (!fs.existsSync(CHROMIUM)) return async () => {};
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // The test workers are started after this and inherit the variable.
  process.env[SHARED_CHROMIUM_ENV] = server.wsEndpoint();
  return async () => {
    delete process.env[SHARED_CHROMIUM_ENV];
    await server.close();
  };
}
