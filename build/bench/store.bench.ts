// Autosave cost: saving one part into the conference file (a SQLite transaction that also
// rewrites its full-text index entry, fsync'd), against the same JSON written to a plain
// file with fsync — the least a "save" can cost on this disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConferenceStore } from '../../electron/node/store/conference-store';
import { docFromText } from '../../electron/node/store/testing/typing';
import { median, ms, p95, ratio, timeRuns } from './stats';

export default async function storeBench(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-store-'));
  const rows: string[] = [];
  try {
    const store = ConferenceStore.create(path.join(dir, 'bench.rapporteur'));
    for (const words of [1_000, 10_000]) {
      const text = Array.from({ length: words }, (_, i) => `word${i % 997}`).join(' ');
      const part = store.addPart({ parentId: null, kind: 'summary', title: `${words} words` });
      let revision = part.revision;
      let n = 0;
      const ours = await timeRuns(() => {
        revision = store.savePartDoc(part.id, docFromText(`${text} ${n++}`), revision).revision;
      }, 30);
      const peerFile = path.join(dir, `peer-${words}.json`);
      const peer = await timeRuns(() => {
        const fd = fs.openSync(peerFile, 'w');
        fs.writeSync(fd, JSON.stringify(docFromText(`${text} ${n++}`)));
        fs.fsyncSync(fd);
        fs.closeSync(fd);
      }, 30);
      rows.push(
        `| save a ${words.toLocaleString('en')}-word part | ${ms(median(ours))} | ${ms(p95(ours))} | ${ms(median(peer))} | ${ratio(median(ours), median(peer))} |`,
      );
    }
    store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    '### Store: autosave of one part',
    '',
    '| operation | median | p95 | peer: JSON + fsync, median | ratio |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
