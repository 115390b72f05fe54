// What "one file, whole at every moment" costs per save: the same autosave transaction
// (a part's JSON and its full-text entry, synchronous=FULL) under each way of keeping every
// committed save in the main file, against the earlier WAL without checkpoints (whose
// saves sat in the -wal) and a plain JSON file with fsync. Rounds are interleaved, so
// every mode sees the same moments of the disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConferenceStore } from '../../electron/node/store/conference-store';
import { docFromText } from '../../electron/node/store/testing/typing';
import { median, ms, p95, ratio } from './stats';

interface Mode {
  name: string;
  setup(db: Database.Database): void;
  after?(db: Database.Database): void;
}

const MODES: Mode[] = [
  {
    name: 'WAL, no checkpoint (before: saves in the -wal)',
    setup: (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
    },
  },
  {
    name: 'WAL + checkpoint(PASSIVE) after each save',
    setup: (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
    },
    after: (db) => db.pragma('wal_checkpoint(PASSIVE)'),
  },
  {
    name: 'WAL + checkpoint(TRUNCATE) after each save',
    setup: (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
    },
    after: (db) => db.pragma('wal_checkpoint(TRUNCATE)'),
  },
  {
    name: 'rollback journal (DELETE), chosen',
    setup: (db) => {
      db.pragma('journal_mode = DELETE');
    },
  },
];

export default async function journalBench(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-journal-'));
  const rows: string[] = [];
  const load = os.loadavg()[0]!.toFixed(1);
  try {
    for (const words of [1_000, 10_000]) {
      const text = Array.from({ length: words }, (_, i) => `word${i % 997}`).join(' ');
      const runners = MODES.map((mode, i) => {
        const file = path.join(dir, `m${i}-${words}.rapporteur`);
        const store = ConferenceStore.create(file);
        const id = store.addPart({ parentId: null, kind: 'summary', title: 'Part' }).id;
        store.close();
        const db = new Database(file);
        db.pragma('synchronous = FULL');
        mode.setup(db);
        const update = db.prepare(
          'UPDATE parts SET doc = ?, word_count = ?, revision = revision + 1, updated_at = ? WHERE id = ?',
        );
        const unindex = db.prepare('DELETE FROM parts_fts WHERE part_id = ?');
        const index = db.prepare('INSERT INTO parts_fts (part_id, title, body) VALUES (?, ?, ?)');
        const save = db.transaction((doc: string, body: string) => {
          update.run(doc, words, new Date().toISOString(), id);
          unindex.run(id);
          index.run(id, 'Part', body);
        });
        return {
          mode,
          db,
          times: [] as number[],
          run: (n: number) => {
            const body = `${text} ${n}`;
            save(JSON.stringify(docFromText(body)), body);
            mode.after?.(db);
          },
        };
      });
      // The real store, as the app saves (its revision check included).
      const realFile = path.join(dir, `store-${words}.rapporteur`);
      const store = ConferenceStore.create(realFile);
      const part = store.addPart({ parentId: null, kind: 'summary', title: 'Part' });
      let revision = part.revision;
      const real: number[] = [];
      const peer: number[] = [];
      const peerFile = path.join(dir, `peer-${words}.json`);
      for (let n = -1; n < 40; n++) {
        // round -1 warms up
        for (const r of runners) {
          const t0 = performance.now();
          r.run(n);
          if (n >= 0) r.times.push(performance.now() - t0);
        }
        let t0 = performance.now();
        revision = store.savePartDoc(part.id, docFromText(`${text} ${n}`), revision).revision;
        if (n >= 0) real.push(performance.now() - t0);
        t0 = performance.now();
        const fd = fs.openSync(peerFile, 'w');
        fs.writeSync(fd, JSON.stringify(docFromText(`${text} ${n}`)));
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        if (n >= 0) peer.push(performance.now() - t0);
      }
      const base = median(runners[0]!.times);
      for (const r of runners) {
        rows.push(
          `| ${words.toLocaleString('en')} words | ${r.mode.name} | ${ms(median(r.times))} | ${ms(p95(r.times))} | ${ratio(median(r.times), base)} | ${ratio(median(r.times), median(peer))} |`,
        );
        r.db.close();
      }
      rows.push(
        `| ${words.toLocaleString('en')} words | ConferenceStore.savePartDoc (as the app saves) | ${ms(median(real))} | ${ms(p95(real))} | ${ratio(median(real), base)} | ${ratio(median(real), median(peer))} |`,
      );
      rows.push(
        `| ${words.toLocaleString('en')} words | peer: JSON + fsync | ${ms(median(peer))} | ${ms(p95(peer))} | ${ratio(median(peer), base)} | 1.00× |`,
      );
      store.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    '### Store: what keeping every save in the main file costs',
    '',
    `40 interleaved rounds per size, load average ${load} when started.`,
    '',
    '| part | mode | median | p95 | vs WAL without checkpoint | vs JSON + fsync |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
