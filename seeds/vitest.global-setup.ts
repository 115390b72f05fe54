/** Before the tests: the sample conferences exist and are up to date (see seeds/build-samples.ts). */
import { buildSamples, samplesUpToDate } from './build-samples';

export default async function setup(): Promise<void> {
  if (samplesUpToDate()) return;
  try {
    await buildSamples();
  } catch (err) {
    // The importer's own tests say what is wrong; the other tests still run.
    process.stderr.write(
      `Building the sample conferences failed: ${err instanceof Error ? err.message : String(err)}\n`,
    );
  }
}
