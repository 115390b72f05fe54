import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConferenceStore } from '../electron/node/store/conference-store';
import { AppServices } from '../electron/node/services/app-services';
import { defaultDirs } from '../electron/node/paths';
import { SAMPLES, SAMPLES_DIR, buildSamples, samplePath } from './build-samples';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rap-samples-'));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sample conferences', () => {
  it('are rebuilt from the five seeds, the same way each time', async () => {
    const lines = await buildSamples(dir);
    expect(lines.length).toBe(5);
    const outline = () =>
      SAMPLES.map(({ name }) => {
        const s = ConferenceStore.open(samplePath(name, dir));
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
    const first = outline();
    expect(first.map((o) => o.template)).toEqual([
      'conference-proceedings',
      'best-practices-compendium',
      'annual-activity-report',
      'workshop-report',
      'summary-report',
    ]);
    expect(first.map((o) => o.parts.length)).toEqual([45, 26, 22, 8, 14]);
    expect(first[0]).toMatchObject({ agenda: 21 });
    expect(first[3]).toMatchObject({ people: 12 });
    await buildSamples(dir);
    expect(outline()).toEqual(first);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.build-'))).toEqual([]);
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
