// Builds the sample conferences (seeds/samples) when they are missing or older than the seeds,
// so a fresh clone's first screen offers them. Opening one works on a copy in the workspace.
import { buildSamples, samplesUpToDate } from '../../seeds/build-samples';

if (!samplesUpToDate()) {
  console.log('Building the sample conferences from the seed reports (first start)…');
  await buildSamples();
}
