import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'seeds/**/*.test.ts',
      'build/**/*.test.ts',
    ],
    environment: 'node',
    // Builds seeds/samples/ (not in git) from the seed reports when missing or stale, and starts
    // the one Chromium the end-to-end files share.
    globalSetup: ['seeds/vitest.global-setup.ts', 'renderer/e2e/chromium-server.global-setup.ts'],
    // Chromium, LibreOffice and killed child processes make some tests slow; they are never timed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most slow tests wait on another process (Chromium, LibreOffice, Typst's worker); on a
    // 2-core machine vitest's default of one worker leaves the CPU idle during those waits.
    maxWorkers: 3,
    // A poll waits for what the user would see; under load that can take more than a second.
    // A condition that never comes true still fails, only later.
    expect: { poll: { timeout: 10_000 } },
  },
});
