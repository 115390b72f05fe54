// The renderer's own cost in Chromium, per phase: first load of the largest sample, a load of the
// first screen (no conference) in the same page, opening the sample's largest part and a 300-paragraph
// part, and typing 200 characters one at a time into each.
// Reported: the CPU of every Chromium process (/proc) and the app's script (CDP profile samples
// in the bundle). BENCH_BASE_RENDERER=<a copy of an earlier dist/renderer> measures that build
// too, round by round with the current one, as the peer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../../electron/server/http-server';
import { CHROMIUM_ARGS, requireChromium } from '../../renderer/e2e/harness';
import type { LexicalDoc } from '../../shared/model/conference';
import { treeCpuMs } from './cpu';
import { doc, footnote, list, paragraph, text } from '../../shared/import/nodes';
import type { DocNode } from '../../shared/model/doc-nodes';
import { VOCABULARY } from './lexical-fixtures';
import { median } from './stats';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const KEYS = Number(process.env.BENCH_KEYSTROKES ?? 200);
const ROUNDS = Number(process.env.BENCH_RUNS ?? 2);
const PHASES = [
  'first load',
  'home screen, page already warm',
  'open sample part',
  'open 300-paragraph part',
  'type in 300-paragraph part',
  'type in sample part',
] as const;
type Phase = (typeof PHASES)[number];
type Figures = Record<Phase, { cpu: number; script: number }>;

const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const chromiumCpu = () => treeCpuMs() - ownCpu();

/** 300 paragraphs of 35 words, italics in each, a footnote in every third, a highlights list every tenth. */
function paragraphs(n: number): LexicalDoc {
  const vocab = VOCABULARY;
  const children: DocNode[] = [];
  for (let p = 0; p < n; p++) {
    const w = Array.from({ length: 35 }, (_, i) => vocab[(p * 7 + i) % vocab.length]).join(' ');
    if (p % 10 === 9) children.push(list(false, [{ children: [text(w)] }], { role: 'highlights' }));
    else
      children.push(
        paragraph([
          text(w.slice(0, 100)),
          text(w.slice(100, 140), 2),
          text(w.slice(140)),
          ...(p % 3 === 0 ? [footnote(`Note ${p}.`)] : []),
        ]),
      );
  }
  return doc(children);
}

/** Runs fn, returning Chromium's CPU ms and the app's script ms (profile samples in the bundle and its chunks). */
async function phase(page: Page, fn: () => Promise<void>): Promise<{ cpu: number; script: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const c0 = chromiumCpu();
  await fn();
  const cpu = chromiumCpu() - c0;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: { id: number; callFrame: { url: string } }[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const url = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url]));
  let us = 0;
  profile.samples.forEach((id, i) => {
    // The app's script is the entry bundle and the chunks it loads (screens, dialogs): every .js under assets/.
    if (/\/assets\/[^/]+\.js$/.test(url.get(id) ?? '')) us += profile.timeDeltas[i + 1] ?? 0;
  });
  return { cpu, script: us / 1000 };
}

async function measureBuild(staticDir: string): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-renderer-cpu-'));
  const server = await startServer({
    dataDir: path.join(dir, 'data'),
    workspaceDir: path.join(dir, 'workspace'),
    port: 0,
    staticDir,
  });
  const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
  try {
    const samples = path.join(ROOT, 'seeds', 'samples');
    const files = fs
      .readdirSync(samples)
      .filter((f) => f.endsWith('.rapporteur'))
      .map((f) => path.join(samples, f));
    if (!files.length) throw new Error('seeds/samples is not built: run npm run samples first.');
    const biggest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
    const copy = path.join(dir, 'workspace', 'sample.rapporteur');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(biggest, copy);
    const api = server.services.api;
    const view = await api.openConference({ path: copy });
    const sample = [...view.parts].sort((x, y) => y.wordCount - x.wordCount)[0]!;
    // A short part of the same conference (its import warnings stay) holds the 300 paragraphs.
    const long = view.parts.find((p) => p.id !== sample.id && p.wordCount < 500) ?? view.parts[1]!;
    await api.savePart({ handle: view.handle, partId: long.id, doc: paragraphs(300), baseRevision: long.revision });

    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto('about:blank');
    const out = {} as Figures;
    out['first load'] = await phase(page, async () => {
      await page.goto(`${server.url}&conference=${view.handle}`);
      await page.waitForSelector('.outline-item');
      await page.waitForTimeout(1500);
    });
    // As the end-to-end tests open most apps: a renderer already started, the first screen without a conference.
    out['home screen, page already warm'] = await phase(page, async () => {
      await page.goto(server.url);
      await page.waitForSelector('main.home h1');
      await page.waitForTimeout(1500);
    });
    await page.goto(`${server.url}&conference=${view.handle}`);
    await page.waitForSelector('.outline-item');
    const open = async (title: string) => {
      await page.locator('.outline-item', { hasText: title }).first().click();
      await page.waitForFunction((t) => {
        const e = document.querySelector<HTMLElement>(`[aria-label="Text of ${t}"]`);
        return !!e && e.isContentEditable && (e.textContent ?? '').length > 1000;
      }, title);
      await page.waitForTimeout(800);
    };
    const type = async (title: string) => {
      const blocks = page.getByLabel(`Text of ${title}`).locator(':scope > p');
      const mid = blocks.nth(Math.floor((await blocks.count()) / 2));
      await mid.scrollIntoViewIfNeeded();
      await mid.click();
      await page.keyboard.press('End');
      return () =>
        (async () => {
          const sentence = 'The delegates agreed that the report would be adopted. ';
          for (let i = 0; i < KEYS; i++) {
            await page.keyboard.type(sentence[i % sentence.length]!);
            await page.waitForTimeout(30);
          }
          await page.waitForTimeout(1500); // the last autosave
        })();
    };
    out['open sample part'] = await phase(page, () => open(sample.title));
    out['open 300-paragraph part'] = await phase(page, () => open(long.title));
    out['type in 300-paragraph part'] = await phase(page, await type(long.title));
    await open(sample.title);
    out['type in sample part'] = await phase(page, await type(sample.title));
    return out;
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default async function rendererCpuBench(): Promise<string> {
  const current = path.join(ROOT, 'dist', 'renderer');
  if (!fs.existsSync(path.join(current, 'index.html')))
    throw new Error('dist/renderer is not built: npm run build:renderer');
  const base = process.env.BENCH_BASE_RENDERER;
  const builds = base
    ? [
        { name: 'base', dir: base },
        { name: 'current', dir: current },
      ]
    : [{ name: 'current', dir: current }];
  const runs = new Map<string, Figures[]>(builds.map((b) => [b.name, []]));
  const loadBefore = os.loadavg();
  for (let r = 0; r < ROUNDS; r++) for (const b of builds) runs.get(b.name)!.push(await measureBuild(b.dir));
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(', ');
  const cell = (name: string, p: Phase, k: 'cpu' | 'script') =>
    `${(median(runs.get(name)!.map((f) => f[p][k])) / 1000).toFixed(2)} s`;
  return [
    "### Renderer: Chromium's CPU and the app's script per phase",
    '',
    `${KEYS} characters typed one at a time (30 ms apart), medians of ${ROUNDS} runs${base ? ` per build, the base build (${base}) and the current one interleaved` : ''}. Load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(os.loadavg())} after; ${os.cpus().length} cores.`,
    '',
    `| phase | ${builds.map((b) => `${b.name}: Chromium CPU | ${b.name}: app script`).join(' | ')} |`,
    `|---|${builds.map(() => '---|---|').join('')}`,
    ...PHASES.map(
      (p) => `| ${p} | ${builds.map((b) => `${cell(b.name, p, 'cpu')} | ${cell(b.name, p, 'script')}`).join(' | ')} |`,
    ),
  ].join('\n');
}
