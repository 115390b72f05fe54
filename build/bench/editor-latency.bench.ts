// Editor latency in Chromium against browser mode (the built renderer, the real services):
// keystroke to next paint in a 10,000-word part and in the largest part of the largest
// sample, and opening that part until it is editable. The peer is a bare contentEditable
// holding the same HTML in the same page: the browser's own floor for a keystroke.
// "Felt" is Event Timing (what INP uses): from the key's hardware timestamp to the next
// paint after its handlers, per interaction (keydown and keyup together), rounded by the
// browser to 8 ms; a trace of more keystrokes says where the time goes.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { LexicalDoc, PartSummary } from '../../shared/model/conference';
import { startBrowserMode, type BrowserMode } from '../../renderer/e2e/harness';
import { median, ms, p95 } from './stats';
import { doc, footnote, list, paragraph, text } from '../../shared/import/nodes';
import type { DocNode } from '../../shared/model/doc-nodes';
import { VOCABULARY } from './lexical-fixtures';

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 80);
const OPENS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const SAMPLES = path.join(ROOT, 'seeds', 'samples');

/** A session summary of `words` words: paragraphs of ~100 words with some emphasis, footnotes and a list. */
function bigDoc(words: number): LexicalDoc {
  const vocab = VOCABULARY;
  const children: DocNode[] = [];
  let n = 0;
  for (let p = 0; n < words; p++) {
    const w = Array.from({ length: 100 }, (_, i) => vocab[(p * 7 + i) % vocab.length]).join(' ');
    n += 100;
    if (p % 10 === 9) {
      children.push(list(false, [{ children: [text(w)] }], { role: 'highlights' }));
    } else {
      children.push(
        paragraph([text(w.slice(0, 200)), text(w.slice(200, 260), 2), text(w.slice(260)), footnote(`Note ${p}.`)]),
      );
    }
  }
  return doc(children);
}

/** The largest part (by words) of the largest sample conference, if the samples are built. */
function largestSamplePart(app: BrowserMode): { file: string; part: PartSummary } | null {
  if (!fs.existsSync(SAMPLES)) return null;
  const files = fs
    .readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.rapporteur'))
    .map((f) => path.join(SAMPLES, f));
  if (!files.length) return null;
  const biggest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
  // Work on a copy: typing into it must not change the sample.
  const copy = path.join(app.dir, 'workspace', path.basename(biggest));
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.copyFileSync(biggest, copy);
  return { file: copy, part: null as unknown as PartSummary };
}

async function openPart(page: Page, title: string): Promise<number> {
  // Timed in the page: from the click on the outline to a content-editable root holding the text.
  return page.evaluate(async (t) => {
    const item = [...document.querySelectorAll<HTMLButtonElement>('.outline-item')].find((b) =>
      b.querySelector('.outline-title')?.textContent?.includes(t),
    );
    if (!item) throw new Error(`no outline item ${t}`);
    const t0 = performance.now();
    item.click();
    await new Promise<void>((resolve) => {
      const check = () => {
        const ed = document.querySelector<HTMLElement>(`[aria-label="Text of ${t}"]`);
        if (ed && ed.isContentEditable && (ed.textContent ?? '').length > 1000) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - t0;
  }, title);
}

/** Event Timing reports only events of at least this duration (16 ms is the lowest the API allows). */
const EVENT_THRESHOLD = 16;

/** Installs the keystroke clocks: keydown (capture) → after the next frame; Event Timing → next paint. */
async function installClock(page: Page) {
  await page.evaluate((threshold) => {
    const w = window as unknown as {
      __lat: number[];
      __proc: number[];
      __t0: number;
      __keys: number;
      __felt: Map<number, number>;
      __since: number;
    };
    w.__lat = [];
    w.__proc = [];
    w.__keys = 0;
    w.__felt = new Map();
    w.__since = 0;
    // An interaction's duration is its longest event's (keydown, keypress, keyup), as INP counts it.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEventTiming & { interactionId?: number })[]) {
        // Entries of keys typed before the counters were reset can arrive after it: they are not counted.
        if (e.interactionId && e.startTime >= w.__since)
          w.__felt.set(e.interactionId, Math.max(w.__felt.get(e.interactionId) ?? 0, e.duration));
      }
    }).observe({ type: 'event', durationThreshold: threshold } as PerformanceObserverInit);
    window.addEventListener(
      'keydown',
      () => {
        w.__keys++;
      },
      true,
    );
    window.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        w.__t0 = t0;
        // Frame-aligned: includes waiting for the next vsync (0–16.7 ms at 60 Hz).
        requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
      },
      true,
    );
    // Processing: keydown → input handled, the editor's update committed to the DOM, style and layout done.
    window.addEventListener(
      'input',
      () => {
        const t0 = w.__t0;
        setTimeout(() => {
          void document.body.offsetHeight;
          w.__proc.push(performance.now() - t0);
        }, 0);
      },
      true,
    );
  }, EVENT_THRESHOLD);
}

/** `felt`: Event Timing durations of the keystrokes that reached the threshold; `keys`: how many keystrokes there were. */
interface Latency {
  frame: number[];
  proc: number[];
  felt: number[];
  keys: number;
}

const WARM_UP = 5;

async function typeAndMeasure(page: Page): Promise<Latency> {
  const type = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await page.keyboard.press(i % 6 === 5 ? 'Space' : 'KeyA');
      await page.waitForTimeout(40); // one keystroke at a time: typing speed, not a queue
    }
  };
  await type(WARM_UP);
  await page.waitForTimeout(200);
  await page.evaluate(() => {
    const w = window as unknown as {
      __lat: number[];
      __proc: number[];
      __keys: number;
      __felt: Map<number, number>;
      __since: number;
    };
    w.__lat = [];
    w.__proc = [];
    w.__keys = 0;
    w.__felt.clear();
    w.__since = performance.now();
  });
  await type(KEYSTROKES - WARM_UP);
  // Event Timing entries arrive after the paint they wait for.
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __proc: number[]; __keys: number; __felt: Map<number, number> };
    return { frame: w.__lat, proc: w.__proc, felt: [...w.__felt.values()], keys: w.__keys };
  });
}

/**
 * A quantile of the felt latency: keystrokes that Event Timing did not report took less than
 * the threshold, so a quantile that falls among them reads "< 16 ms".
 */
function feltQuantile(l: Latency, q: number): string {
  const unreported = Math.max(0, l.keys - l.felt.length);
  const all = [...Array<number>(unreported).fill(-1), ...l.felt].sort((a, b) => a - b);
  const v = all[Math.min(all.length - 1, Math.ceil(q * all.length) - 1)];
  return v === undefined ? 'n/a' : v < 0 ? `< ${EVENT_THRESHOLD} ms` : `${v} ms`;
}
const feltShare = (l: Latency): string => `${Math.round((100 * l.felt.length) / Math.max(1, l.keys))}%`;

async function caretInMiddle(page: Page, label: string) {
  const editor = page.getByLabel(label);
  const blocks = editor.locator(':scope > p');
  const mid = blocks.nth(Math.floor((await blocks.count()) / 2));
  await mid.scrollIntoViewIfNeeded();
  await mid.click();
  await page.keyboard.press('End');
}

/** The same HTML in a bare contentEditable, in the same page: the floor a browser gives. */
async function peer(page: Page, label: string, then: () => Promise<void>): Promise<Latency> {
  await page.evaluate((l) => {
    const html = document.querySelector(`[aria-label="${l}"]`)!.innerHTML;
    const div = document.createElement('div');
    div.contentEditable = 'true';
    div.id = 'bench-peer';
    div.className = 'editor-content';
    div.innerHTML = html;
    document.querySelector('.workspace')!.prepend(div);
  }, label);
  const mid = page.locator('#bench-peer > p').nth(Math.floor((await page.locator('#bench-peer > p').count()) / 2));
  await mid.scrollIntoViewIfNeeded();
  await mid.click();
  await page.keyboard.press('End');
  const lat = await typeAndMeasure(page);
  await then();
  await page.evaluate(() => document.getElementById('bench-peer')?.remove());
  return lat;
}

/**
 * The editor's own script time per keystroke: a CPU profile of a second typing round, counting
 * samples in the app's bundle only (not the browser's style, layout and paint, not idle time).
 */
async function scriptPerKeystroke(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const n = 40;
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('KeyB');
    await page.waitForTimeout(40);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: { id: number; callFrame: { url: string } }[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const url = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (/\/assets\/index-[^/]+\.js$/.test(url.get(id) ?? '')) us += profile.timeDeltas[i + 1] ?? 0;
  });
  return us / 1000 / n;
}

/** Main-thread time per keystroke by kind (self time of the trace's events), and raster on any thread. */
type Breakdown = Record<'script' | 'style' | 'layout' | 'paint' | 'commit' | 'raster' | 'other', number>;

const KIND_OF: [RegExp, keyof Breakdown][] = [
  [
    /^(EventDispatch|FunctionCall|TimerFire|FireAnimationFrame|RunMicrotasks|V8\.|v8\.|EvaluateScript|ProfileCall|HandlePostMessage|MajorGC|MinorGC|BlinkGC)/,
    'script',
  ],
  [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)/, 'style'],
  [/^(Layout|UpdateLayout|IntersectionObserverController|ComputeIntersections)/, 'layout'],
  [
    /^(Paint|PrePaint|PaintImage|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|PaintArtifactCompositor)/,
    'paint',
  ],
  [/^(Commit|ProxyMain::BeginMainFrame::commit|Animation)/, 'commit'],
  [/^(RasterTask|Rasterize|ImageDecodeTask|DisplayItemList|RasterSource)/, 'raster'],
];

/** A Chromium trace of `n` keystrokes: where the time goes, per keystroke. */
async function whereTimeGoes(page: Page, n: number): Promise<Breakdown> {
  const cdp = await page.context().newCDPSession(page);
  const events: {
    name: string;
    ph: string;
    ts: number;
    dur?: number;
    pid: number;
    tid: number;
    args?: { name?: string };
  }[] = [];
  cdp.on('Tracing.dataCollected', (d) => {
    events.push(...(d.value as unknown as typeof events));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,cc,viz',
    transferMode: 'ReportEvents',
  } as never);
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('KeyC');
    await page.waitForTimeout(40);
  }
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const threadName = new Map(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name')
      .map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']),
  );
  const out: Breakdown = { script: 0, style: 0, layout: 0, paint: 0, commit: 0, raster: 0, other: 0 };
  const kind = (name: string): keyof Breakdown => KIND_OF.find(([re]) => re.test(name))?.[1] ?? 'other';
  // Self time of complete events on each renderer main thread (children subtracted), so nothing counts twice.
  const byThread = new Map<string, typeof events>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    const tname = threadName.get(key) ?? '';
    if (tname === 'CrRendererMain') (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
    else if (kind(e.name) === 'raster' && /Raster|Compositor/i.test(tname)) out.raster += e.dur;
  }
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { end: number; name: string; child: number; dur: number }[] = [];
    const close = (upTo: number) => {
      while (stack.length && stack[stack.length - 1]!.end <= upTo) {
        const top = stack.pop()!;
        const k = kind(top.name);
        // The task around everything is not work of its own.
        if (top.name !== 'RunTask' && top.name !== 'ThreadControllerImpl::RunTask')
          out[k] += Math.max(0, top.dur - top.child);
        if (stack.length) stack[stack.length - 1]!.child += top.dur;
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ end: e.ts + e.dur!, name: e.name, child: 0, dur: e.dur! });
    }
    close(Number.POSITIVE_INFINITY);
  }
  for (const k of Object.keys(out) as (keyof Breakdown)[]) out[k] = out[k] / 1000 / n;
  return out;
}

async function measure(
  app: BrowserMode,
  handle: string,
  title: string,
): Promise<{
  open: number[];
  keys: Latency;
  peerKeys: Latency;
  words: number;
  script: number;
  trace: Breakdown;
  peerTrace: Breakdown;
}> {
  const page = await app.openApp(`&conference=${handle}`);
  // tsx keeps function names with a __name helper that does not exist in the page.
  await page.evaluate('window.__name = (f) => f');
  await page.waitForSelector('.outline-item');
  const open: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    // Open another part first so each run opens the measured one from scratch.
    const other = await page.locator('.outline-item').first().textContent();
    if (!other?.includes(title)) await page.locator('.outline-item').first().click();
    await page.waitForTimeout(300);
    open.push(await openPart(page, title));
  }
  const label = `Text of ${title}`;
  let peerTrace: Breakdown | undefined;
  await installClock(page);
  await caretInMiddle(page, label);
  const keys = await typeAndMeasure(page);
  const script = await scriptPerKeystroke(page);
  const trace = await whereTimeGoes(page, 40);
  const peerKeys = await peer(page, label, async () => {
    peerTrace = await whereTimeGoes(page, 40);
  });
  const words = await page.getByLabel(label).evaluate((e) => (e.textContent ?? '').split(/\s+/).filter(Boolean).length);
  await page.close();
  return { open, keys, peerKeys, words, script, trace, peerTrace: peerTrace! };
}

export default async function editorLatencyBench(): Promise<string> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html')))
    execSync('npm run build:renderer', { cwd: ROOT, stdio: 'inherit' });
  const loadBefore = os.loadavg();
  const app = await startBrowserMode();
  const rows: { name: string; r: Measured }[] = [];
  try {
    const api = app.server.services.api;
    // 1. A 10,000-word part.
    const view = await api.createConference({ templateId: 'workshop-report', title: 'Latency' });
    const part = view.parts.find((p) => p.kind === 'background')!;
    await api.savePart({ handle: view.handle, partId: part.id, doc: bigDoc(10_000), baseRevision: part.revision });
    const a = await measure(app, view.handle, part.title);
    rows.push({ name: `${a.words.toLocaleString('en')}-word part (generated)`, r: a });

    // 2. The largest part of the largest sample.
    const sample = largestSamplePart(app);
    if (!sample) throw new Error('seeds/samples is not built: run npm run samples first.');
    const sv = await api.openConference({ path: sample.file });
    const biggest = [...sv.parts].sort((x, y) => y.wordCount - x.wordCount)[0]!;
    const b = await measure(app, sv.handle, biggest.title);
    rows.push({
      name: `largest sample part: “${biggest.title}” in ${path.basename(sample.file, '.rapporteur')} (${biggest.wordCount.toLocaleString('en')} words)`,
      r: b,
    });
  } finally {
    await app.close();
  }
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(', ');
  const felt = (l: Latency) =>
    `${feltQuantile(l, 0.5)} / ${feltQuantile(l, 0.95)} / ${l.felt.length ? `${Math.max(...l.felt)} ms` : `< ${EVENT_THRESHOLD} ms`} (${feltShare(l)})`;
  const split = (b: Breakdown) =>
    (['script', 'style', 'layout', 'paint', 'commit', 'raster', 'other'] as const).map((k) => ms(b[k])).join(' | ');
  return [
    '### Editor: keystroke latency, and opening a part',
    '',
    `Chromium (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}, headless, 60 Hz frames), browser mode, the built renderer; ${KEYSTROKES - WARM_UP} keystrokes typed mid-part one at a time after ${WARM_UP} unmeasured, ${OPENS} opens. Load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(os.loadavg())} after; ${os.cpus().length} cores.`,
    '- *felt*: Event Timing (`PerformanceObserver` type `event`, durationThreshold 16 ms, the lowest allowed): the key\'s timestamp → the next paint after its handlers, the longest event of each keystroke as INP counts it, rounded by Chromium to 8 ms. Keystrokes under 16 ms are not reported by the API, hence "< 16 ms"; in brackets the share of keystrokes at 16 ms or more;',
    '- *to next frame*: keydown → first task after the next animation frame (the measure used before); *processing*: keydown → input handled, state committed to the DOM, style and layout forced;',
    '- *peer*: a bare contentEditable holding the same HTML, in the same page (the browser alone);',
    "- *script*: the app's own JavaScript per keystroke (Lexical, plugins, React), from a CPU profile of 40 more keystrokes;",
    '- *open*: click in the outline → editable root holding the text (fetch over HTTP, parse, first render).',
    '',
    '| part | felt median / p95 / max (≥ 16 ms) | peer felt median / p95 / max (≥ 16 ms) | to next frame p95 (peer) | processing p95 (peer) | script per keystroke | open to editable, median (max) |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      ({ name, r }) =>
        `| ${name} | ${felt(r.keys)} | ${felt(r.peerKeys)} | ${ms(p95(r.keys.frame))} (${ms(p95(r.peerKeys.frame))}) | ${ms(p95(r.keys.proc))} (${ms(p95(r.peerKeys.proc))}) | ${ms(r.script)} | ${ms(median(r.open))} (${ms(Math.max(...r.open))}) |`,
    ),
    '',
    "Where the time goes: a Chromium trace of 40 more keystrokes, self time per keystroke on the page's main thread by kind (raster: on the raster threads).",
    '',
    '| part | typed into | script | style | layout | paint | commit | raster | other |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.flatMap(({ name, r }) => [
      `| ${name} | editor | ${split(r.trace)} |`,
      `| | peer | ${split(r.peerTrace)} |`,
    ]),
  ].join('\n');
}

type Measured = Awaited<ReturnType<typeof measure>>;
