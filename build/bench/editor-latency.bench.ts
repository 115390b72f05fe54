// Editor latency in Chromium against browser mode (the built renderer, the real services):
// keystroke to next paint in a 10,000-word part and in the largest part of the largest
// sample, and opening that part until it is editable. The peer is a bare contentEditable
// holding the same HTML in the same page: the browser's own floor for a keystroke.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { LexicalDoc, PartSummary } from '../../shared/model/conference';
import { startBrowserMode, type BrowserMode } from '../../renderer/e2e/harness';
import { median, ms, p95 } from './stats';

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 80);
const OPENS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const SAMPLES = path.join(ROOT, 'seeds', 'samples');

const text = (t: string, format = 0) => ({ type: 'text', text: t, format, style: '', mode: 'normal', detail: 0, version: 1 });
const el = { direction: 'ltr', format: '', indent: 0, version: 1 };

/** A session summary of `words` words: paragraphs of ~100 words with some emphasis, footnotes and a list. */
function bigDoc(words: number): LexicalDoc {
  const vocab = 'the delegates stressed that migration policies must protect the rights of migrant workers and their families in countries of origin transit and destination'.split(' ');
  const children: unknown[] = [];
  let n = 0;
  for (let p = 0; n < words; p++) {
    const w = Array.from({ length: 100 }, (_, i) => vocab[(p * 7 + i) % vocab.length]).join(' ');
    n += 100;
    if (p % 10 === 9) {
      children.push({ type: 'list', listType: 'bullet', start: 1, tag: 'ul', ...el, $: { role: 'highlights' },
        children: [{ type: 'listitem', value: 1, ...el, children: [text(w)] }] });
    } else {
      children.push({ type: 'paragraph', ...el, textFormat: 0, textStyle: '', children: [
        text(w.slice(0, 200)), text(w.slice(200, 260), 2), text(w.slice(260)), { type: 'footnote', text: `Note ${p}.`, version: 1 },
      ] });
    }
  }
  return { root: { type: 'root', ...el, direction: null, children } } as unknown as LexicalDoc;
}

/** The largest part (by words) of the largest sample conference, if the samples are built. */
function largestSamplePart(app: BrowserMode): { file: string; part: PartSummary } | null {
  if (!fs.existsSync(SAMPLES)) return null;
  const files = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.rapporteur')).map((f) => path.join(SAMPLES, f));
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
    const item = [...document.querySelectorAll<HTMLButtonElement>('.outline-item')].find((b) => b.querySelector('.outline-title')?.textContent?.includes(t));
    if (!item) throw new Error(`no outline item ${t}`);
    const t0 = performance.now();
    item.click();
    await new Promise<void>((resolve) => {
      const check = () => {
        const ed = document.querySelector<HTMLElement>(`[aria-label="Text of ${t}"]`);
        if (ed && ed.isContentEditable && (ed.textContent ?? '').length > 1000) resolve(); else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - t0;
  }, title);
}

/** Installs the keystroke clock: keydown (capture) → after the next frame is painted. */
async function installClock(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __proc: number[]; __t0: number };
    w.__lat = [];
    w.__proc = [];
    window.addEventListener('keydown', () => {
      const t0 = performance.now();
      w.__t0 = t0;
      // Frame-aligned: includes waiting for the next vsync (0–16.7 ms at 60 Hz).
      requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
    }, true);
    // Processing: keydown → input handled, the editor's update committed to the DOM, style and layout done.
    window.addEventListener('input', () => {
      const t0 = w.__t0;
      setTimeout(() => { void document.body.offsetHeight; w.__proc.push(performance.now() - t0); }, 0);
    }, true);
  });
}

interface Latency { frame: number[]; proc: number[] }

async function typeAndMeasure(page: Page): Promise<Latency> {
  await page.evaluate(() => { const w = window as unknown as { __lat: number[]; __proc: number[] }; w.__lat = []; w.__proc = []; });
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(i % 6 === 5 ? 'Space' : 'KeyA');
    await page.waitForTimeout(40); // one keystroke at a time: typing speed, not a queue
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __proc: number[] };
    return { frame: w.__lat.slice(5), proc: w.__proc.slice(5) };
  });
}

async function caretInMiddle(page: Page, label: string) {
  const editor = page.getByLabel(label);
  const blocks = editor.locator(':scope > p');
  const mid = blocks.nth(Math.floor((await blocks.count()) / 2));
  await mid.scrollIntoViewIfNeeded();
  await mid.click();
  await page.keyboard.press('End');
}

/** The same HTML in a bare contentEditable, in the same page: the floor a browser gives. */
async function peer(page: Page, label: string): Promise<Latency> {
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
  for (let i = 0; i < n; i++) { await page.keyboard.press('KeyB'); await page.waitForTimeout(40); }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: { id: number; callFrame: { url: string } }[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const url = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
  let us = 0;
  profile.samples.forEach((id, i) => { if (/\/assets\/index-[^/]+\.js$/.test(url.get(id) ?? '')) us += profile.timeDeltas[i + 1] ?? 0; });
  return us / 1000 / n;
}

async function measure(app: BrowserMode, handle: string, title: string): Promise<{ open: number[]; keys: Latency; peerKeys: Latency; words: number; script: number }> {
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
  await installClock(page);
  await caretInMiddle(page, label);
  const keys = await typeAndMeasure(page);
  const script = await scriptPerKeystroke(page);
  const peerKeys = await peer(page, label);
  const words = await page.getByLabel(label).evaluate((e) => (e.textContent ?? '').split(/\s+/).filter(Boolean).length);
  await page.close();
  return { open, keys, peerKeys, words, script };
}

export default async function editorLatencyBench(): Promise<string> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) execSync('npm run build:renderer', { cwd: ROOT, stdio: 'inherit' });
  const app = await startBrowserMode();
  const rows: string[] = [];
  try {
    const api = app.server.services.api;
    // 1. A 10,000-word part.
    const view = await api.createConference({ templateId: 'workshop-report', title: 'Latency' });
    const part = view.parts.find((p) => p.kind === 'background')!;
    await api.savePart({ handle: view.handle, partId: part.id, doc: bigDoc(10_000), baseRevision: part.revision });
    const a = await measure(app, view.handle, part.title);
    rows.push(row(`${a.words.toLocaleString('en')}-word part (generated)`, a));

    // 2. The largest part of the largest sample.
    const sample = largestSamplePart(app);
    if (sample) {
      const sv = await api.openConference({ path: sample.file });
      const biggest = [...sv.parts].sort((x, y) => y.wordCount - x.wordCount)[0]!;
      const b = await measure(app, sv.handle, biggest.title);
      rows.push(row(`largest sample part: “${biggest.title}” in ${path.basename(sample.file, '.rapporteur')} (${biggest.wordCount.toLocaleString('en')} words)`, b));
    } else {
      rows.push('| largest sample part | seeds/samples not built | | | | | | | |');
    }
  } finally {
    await app.close();
  }
  return [
    '### Editor: keystroke latency, and opening a part',
    '',
    `Chromium (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}, headless, 60 Hz frames), browser mode, the built renderer; ${KEYSTROKES} keystrokes typed mid-part one at a time (first 5 dropped), ${OPENS} opens.`,
    '- *processing*: keydown → input handled, the editor state committed to the DOM, style and layout forced: the work the editor adds before a frame can be painted;',
    '- *to next frame*: keydown → first task after the next animation frame: processing plus the wait for vsync (up to 16.7 ms), what the eye sees;',
    '- *peer*: a bare contentEditable holding the same HTML, in the same page (the browser alone);',
    '- *script*: the app\'s own JavaScript per keystroke (Lexical, plugins, React), from a CPU profile of 40 more keystrokes;',
    '- *open*: click in the outline → editable root holding the text (fetch over HTTP, parse, first render).',
    '',
    '| part | processing median | processing p95 | peer processing p95 | to next frame median | to next frame p95 | peer to next frame p95 | script per keystroke | open to editable, median (max) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function row(name: string, r: { open: number[]; keys: Latency; peerKeys: Latency; script: number }): string {
  return `| ${name} | ${ms(median(r.keys.proc))} | ${ms(p95(r.keys.proc))} | ${ms(p95(r.peerKeys.proc))} | ${ms(median(r.keys.frame))} | ${ms(p95(r.keys.frame))} | ${ms(p95(r.peerKeys.frame))} | ${ms(r.script)} | ${ms(median(r.open))} (${ms(Math.max(...r.open))}) |`;
}
