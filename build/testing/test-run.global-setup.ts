/**
 * Before the tests, side by side: the seeds' imports and samples, the run's shared Chromium and
 * the built worker threads (each file says what it prepares). vitest runs its global setups one
 * after another; these three do not depend on each other, and each mostly waits on something
 * else (a disk, Chromium's launch, esbuild's process), so together they take the longest one's time.
 * Torn down in the reverse order, as vitest would.
 */
import seeds from '../../seeds/vitest.global-setup';
import chromium from '../../renderer/e2e/chromium-server.global-setup';
import builtWorkers from '../../electron/node/testing/built-workers.global-setup';

type Teardown = (() => void | Promise<void>) | void;

export default async function setup(): Promise<() => Promise<void>> {
  const teardowns: Teardown[] = await Promise.all([seeds(), chromium(), builtWorkers()]);
  return async () => {
    for (const teardown of teardowns.reverse()) if (teardown) await teardown();
  };
}
