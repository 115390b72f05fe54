import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConferenceStore } from '../electron/node/store/conference-store';
import { AppServices } from '../electron/node/services/app-services';
import { defaultDirs } from '../electron/node/paths';
import type { ImportResult } from '../shared/import';
import { parseReport } from '../electron/node/importer/parse-report';
import { SAMPLES, SAMPLES_DIR, buildSamples, samplePath, samplesUpToDate } from './build-samples';
import { keptImport } from './testing/seed-imports';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rap-samples-'));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What a sample holds, in outline. */
const outline = (where: string) =>
  SAMPLES.map(({ name }) => {
    const s = ConferenceStore.open(samplePath(name, where));
    const o = {
      template: s.getMeta().meta.templateId,
      parts: s.listParts().map((p) => `${p.kind}:${p.title}:${p.wordCount}`),
      people: s.listParticipants().length,
      agenda: s.listAgenda().length,
      warnings: s.listWarnings().length,
    };
    s.close();
    return o;
  });

describe('sample conferences', () => {
  it('are rebuilt from the five seeds the same way each time: as the run’s own build, from the same imports', async () => {
    // Imported here in process (one load of the dictionaries, not one per worker); the global setup's
    // imports ran in workers, as the app's do: the two must agree.
    const fresh = new Map<string, ImportResult>();
    const lines = await buildSamples(dir, async (prefix, file) => {
      const r = await parseReport({ bytes: fs.readFileSync(file), fileName: path.basename(file) });
      fresh.set(prefix, r);
      return r;
    });
    expect(lines.length).toBe(5);
    const built = outline(dir);
    expect(built.map((o) => o.template)).toEqual([
      'conference-proceedings',
      'best-practices-compendium',
      'annual-activity-report',
      'workshop-report',
      'summary-report',
    ]);
    expect(built.map((o) => o.parts.length)).toEqual([45, 26, 22, 8, 14]);
    expect(built[0]).toMatchObject({ agenda: 21 });
    expect(built[3]).toMatchObject({ people: 12 });
    // The samples the global setup built, and the imports it kept for the other tests, are these.
    expect(outline(SAMPLES_DIR)).toEqual(built);
    for (const { seed } of SAMPLES)
      expect(keptImport(seed), `the kept import of seed ${seed}`).toEqual(JSON.parse(JSON.stringify(fresh.get(seed))));
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.build-'))).toEqual([]);
    expect(samplesUpToDate(dir)).toBe(true);
  });

  it('are what the first screen lists (seeds/samples, built before the tests)', async () => {
    const services = new AppServices({
      dataDir: path.join(dir, 'data'),
      workspaceDir: path.join(dir, 'ws'),
      samplesDir: defaultDirs().samplesDir,
    });
    expect(defaultDirs().samplesDir).toBe(SAMPLES_DIR);
    const list = await services.api.listSamples({});
    expect(list.map((s) => s.title)).toEqual(SAMPLES.map((s) => s.name).sort());
    const opened = await services.api.openConference({ path: list[0]!.path });
    expect(opened.parts.length).toBeGreaterThan(0);
    services.closeAll();
  });
});
