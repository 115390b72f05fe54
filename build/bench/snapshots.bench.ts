// The conference file's growth from automatic snapshots, with and without retention: 90
// simulated days of use on a copy of the largest sample (seed 000), 200 automatic snapshots
// spread evenly over them plus a named one every 15 days, each a full copy of the content as
// the store writes it. Two copies take the same snapshots, interleaved; one thins after each
// automatic snapshot (the store's own pruneSnapshots, with the simulated clock), the other
// keeps everything (as before). Sizes come from SQLite's page_count and freelist_count (no
// VACUUM: freed pages are reused by the next snapshots). `npm run bench -- snapshots`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConferenceStore } from '../../electron/node/store/conference-store';
import { pruneSnapshots } from '../../electron/node/store/snapshot-retention';
import { median, ms, p95, ratio } from './stats';

const DAY = 86_400_000;
const AUTOMATIC = 200;
const DAYS = 90;
const root = process.cwd();

function largestSample(dir: string, name: string): string {
  const samples = path.join(root, 'seeds', 'samples');
  const found = fs.existsSync(samples)
    ? fs.readdirSync(samples).find((f) => f.startsWith('Hemispheric Conference') && f.endsWith('.rapporteur'))
    : undefined;
  if (!found) throw new Error('The sample conference of seed 000 is missing: run npm run samples first.');
  const copy = path.join(dir, name);
  fs.copyFileSync(path.join(samples, found), copy);
  return copy;
}

function pages(file: string): { pageCount: number; freelist: number; pageSize: number } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      pageCount: db.pragma('page_count', { simple: true }) as number,
      freelist: db.pragma('freelist_count', { simple: true }) as number,
      pageSize: db.pragma('page_size', { simple: true }) as number,
    };
  } finally {
    db.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

export default async function snapshotsBench(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-snapshots-'));
  const loadBefore = load();
  try {
    const files = { kept: largestSample(dir, 'kept.rapporteur'), thinned: largestSample(dir, 'thinned.rapporteur') };
    const start = pages(files.kept);
    const stores = { kept: ConferenceStore.open(files.kept), thinned: ConferenceStore.open(files.thinned) };
    const data = JSON.stringify(stores.kept.readContent());
    const times = { kept: [] as number[], thinned: [] as number[] };
    const rows: string[] = [];
    const t0 = Date.parse('2026-01-01T09:00:00.000Z');
    const snapshot = (which: 'kept' | 'thinned', at: number, reason: 'manual' | 'before-import') => {
      const began = performance.now();
      stores[which].writeWith((db) => {
        db.prepare('INSERT INTO snapshots (name, reason, created_at, data) VALUES (?, ?, ?, ?)').run(
          `Bench ${reason}`,
          reason,
          new Date(at).toISOString(),
          data,
        );
        if (which === 'thinned' && reason !== 'manual') pruneSnapshots(db, new Date(at));
      });
      if (reason !== 'manual') times[which].push(performance.now() - began);
    };
    let named = 0;
    for (let i = 0; i < AUTOMATIC; i++) {
      const at = t0 + (i * DAYS * DAY) / (AUTOMATIC - 1);
      const order = i % 2 === 0 ? (['kept', 'thinned'] as const) : (['thinned', 'kept'] as const);
      for (const which of order) snapshot(which, at, 'before-import');
      if (Math.floor((at - t0) / (15 * DAY)) >= named) {
        named++;
        for (const which of order) snapshot(which, at + 1000, 'manual');
      }
      const day = Math.round((at - t0) / DAY);
      if ([30, 60, 90].includes(day) && !rows.some((r) => r.startsWith(`| ${day} `))) {
        for (const which of ['kept', 'thinned'] as const) {
          stores[which].close();
          const p = pages(files[which]);
          const count = (
            new Database(files[which], { readonly: true }).prepare('SELECT count(*) AS n FROM snapshots').get() as {
              n: number;
            }
          ).n;
          rows.push(
            `| ${day} | ${which === 'kept' ? 'every snapshot kept (before)' : 'retention'} | ${count} | ${p.pageCount.toLocaleString('en')} | ${p.freelist.toLocaleString('en')} | ${mb(p.pageCount * p.pageSize)} | ${mb((p.pageCount - start.pageCount) * p.pageSize)} |`,
          );
          stores[which] = ConferenceStore.open(files[which]);
        }
      }
    }
    stores.kept.close();
    stores.thinned.close();
    return [
      "### Snapshot retention: the file's growth",
      '',
      `Largest sample (seed 000): ${mb(start.pageCount * start.pageSize)} before any snapshot, content ${mb(data.length)} as JSON per snapshot; ${AUTOMATIC} automatic snapshots over ${DAYS} simulated days plus a named one every 15 days.`,
      `Load average before: ${loadBefore}; after: ${load()}.`,
      '',
      '| day | snapshots | rows | page_count | freelist_count | file | growth |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
      '| automatic snapshot transaction | median | p95 | vs every snapshot kept |',
      '|---|---|---|---|',
      `| every snapshot kept (before) | ${ms(median(times.kept))} | ${ms(p95(times.kept))} | 1.00× |`,
      `| retention (insert + thinning) | ${ms(median(times.thinned))} | ${ms(p95(times.thinned))} | ${ratio(median(times.thinned), median(times.kept))} |`,
    ].join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
