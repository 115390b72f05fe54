import { defineConfig } from 'vitest/config';

const E2E_BROWSER_MODE = 'renderer/e2e/**/*.e2e.test.ts';

/** What every group of tests shares; each project restates it (a project does not inherit the root config, whose globalSetup then runs once). */
const common = {
  environment: 'node',
  pool: 'forks',
  // Chromium, LibreOffice and killed child processes make some tests slow; they are never timed.
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // A poll waits for what the user would see; under load that can take more than a second.
  // A condition that never comes true still fails, only later.
  expect: { poll: { timeout: 10_000 } },
} as const;

export default defineConfig({
  test: {
    // Builds seeds/samples/ (not in git) from the seed reports when missing or stale, and starts
    // the one Chromium the end-to-end files share.
    globalSetup: ['seeds/vitest.global-setup.ts', 'renderer/e2e/chromium-server.global-setup.ts'],
    // Most slow tests wait on another process (Chromium, LibreOffice, Typst's worker); on a
    // 2-core machine vitest's default of one worker leaves the CPU idle during those waits.
    maxWorkers: 3,
    projects: [
      {
        test: {
          ...common,
          name: 'isolated',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
            'seeds/**/*.test.ts',
            'build/**/*.test.ts',
          ],
          exclude: [E2E_BROWSER_MODE],
        },
      },
      {
        test: {
          ...common,
          name: 'browser-e2e',
          include: [E2E_BROWSER_MODE],
          // The browser-mode files run one after another in a worker without a fresh module graph:
          // each starts its own server and browser contexts on temporary folders and closes them,
          // and the app's imports run in worker threads of their own. Importing the server, the
          // services and Playwright again for every file cost more CPU than many of the tests.
          isolate: false,
        },
      },
    ],
  },
});
