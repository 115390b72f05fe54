import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'seeds/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
    // Builds seeds/samples/ (not in git) from the seed reports when missing or stale.
    globalSetup: ['seeds/vitest.global-setup.ts'],
    // Chromium, LibreOffice and killed child processes make some tests slow; they are never timed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
