import { defineConfig } from 'vitest/config';

const E2E_BROWSER_MODE = 'renderer/e2e/**/*.e2e.test.ts';

/**
 * Pure code and the interface's units: no files, no processes, no module state a test changes
 * without putting it back (fake timers are restored after each test). Re-importing their module
 * graphs for every file cost about 25 CPU-s a run.
 */
const UNIT_SHARED = ['shared/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}'];

/**
 * Node services, the store, exports, the server and the command line: files that import the
 * services graph and work on temporary folders of their own.
 * In the shared projects a file's module state outlives it: a test that changes process-wide state
 * (fake timers, process.env, a module's settings) and does not put it back belongs in 'isolated'.
 */
const NODE_SHARED = [
  'electron/node/{store,export,pdf,services,kits,events,files}/**/*.test.ts',
  'electron/server/**/*.test.ts',
  'electron/cli/**/*.test.ts',
];

/**
 * The importer and the seeds: what they keep between files is caches built on first use and never
 * changed after (the spelling dictionaries, the templates, each seed's kept import), and no file
 * changes process.env, timers or mocks. Imported once per worker rather than once per file, the
 * importer's graph cost about 13 CPU-s less a run.
 */
const IMPORTER_SHARED = ['electron/node/importer/**/*.test.ts', 'seeds/**/*.test.ts'];

/**
 * What every group of tests shares. Each project restates it: a project does not inherit the root
 * config, whose globalSetup then runs once for the whole run.
 */
const common = {
  environment: 'node',
  pool: 'forks',
  // Chromium, LibreOffice and killed child processes make some tests slow; they are never timed.
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // A poll waits for what the user would see; under load that can take more than a second.
  // A condition that never comes true still fails, only later. Each look into a page costs
  // about 7 ms of CPU: every 100 ms rather than vitest's 50 halves what waiting burns.
  expect: { poll: { timeout: 10_000, interval: 100 } },
} as const;

export default defineConfig({
  test: {
    // Side by side: builds seeds/samples/ (not in git) from the seed reports when missing or stale,
    // starts the one Chromium the end-to-end files share, and bundles the worker threads the tests run.
    globalSetup: ['build/testing/test-run.global-setup.ts'],
    // Most slow tests wait on another process (Chromium, LibreOffice, Typst's worker); on a
    // 2-core machine vitest's default of one worker leaves the CPU idle during those waits.
    maxWorkers: 3,
    // Transformed modules are kept on disk (node_modules/.experimental-vitest-cache), keyed by
    // each file's content and the config, and dropped when package-lock.json changes: a warm
    // run skipped about 30 CPU-s of transforms, repeated in each of the four projects.
    experimental: { fsModuleCache: true },
    projects: [
      {
        test: {
          ...common,
          name: 'isolated',
          include: ['electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'seeds/**/*.test.ts', 'build/**/*.test.ts'],
          exclude: [E2E_BROWSER_MODE, ...UNIT_SHARED, ...NODE_SHARED, ...IMPORTER_SHARED],
        },
      },
      {
        test: {
          ...common,
          name: 'unit-shared',
          include: UNIT_SHARED,
          isolate: false,
        },
      },
      {
        test: {
          ...common,
          name: 'node-shared',
          include: NODE_SHARED,
          // As browser-e2e: imported once per worker (Typst's engine too) rather than once per file.
          isolate: false,
        },
      },
      {
        test: {
          ...common,
          name: 'importer-shared',
          include: IMPORTER_SHARED,
          isolate: false,
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
