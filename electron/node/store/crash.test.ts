import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ConferenceStore } from './conference-store';
import { textFromDoc, TYPED_TEXT } from './testing/typing';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-crash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TSX = path.resolve('node_modules/.bin/tsx');
const TYPIST = path.resolve('electron/node/store/testing/typist.ts');

/** Runs the typist until it has typed a while, kills it with SIGKILL, and reports what it had typed. */
function typeThenKill(file: string, partId: string, typeFor: number): Promise<{ typed: number; typedAt: Map<number, number> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [TYPIST, file, partId], { stdio: ['ignore', 'pipe', 'pipe'] });
    let typed = 0;
    let first = 0;
    const typedAt = new Map<number, number>();
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().trim().split('\n')) {
        const [count, at] = line.split(' ').map(Number) as [number, number];
        typedAt.set(count, at);
        typed = count;
      }
      if (!first) {
        first = typed;
        setTimeout(() => { killed = true; child.kill('SIGKILL'); }, typeFor);
      }
    });
    child.on('exit', () => (killed ? resolve({ typed, typedAt }) : reject(new Error(`typist ended by itself: ${stderr}`))));
  });
}

test('killing the process while typing loses at most the last second and never corrupts the file', async () => {
  const file = path.join(dir, 'crash.rapporteur');
  const store = ConferenceStore.create(file);
  const part = store.addPart({ parentId: null, kind: 'summary', title: 'Summary' });
  store.close();

  const kills = [1300, 700, 2100, 450, 1600, 950];
  for (const after of kills) {
    const { typed, typedAt } = await typeThenKill(file, part.id, after);
    const reopened = ConferenceStore.open(file); // throws if the file were damaged
    const saved = textFromDoc(reopened.getPart(part.id).doc);
    reopened.close();

    // What is on disk is exactly what was typed, up to some point...
    expect(TYPED_TEXT.startsWith(saved)).toBe(true);
    // ...and the first character lost was typed less than a second before the last keystroke.
    expect(saved.length).toBeGreaterThan(0);
    if (saved.length < typed) {
      const firstLost = typedAt.get(saved.length + 1);
      const last = typedAt.get(typed)!;
      if (firstLost !== undefined) expect(last - firstLost).toBeLessThanOrEqual(1000);
      else expect(saved.length).toBeGreaterThanOrEqual(Math.min(...typedAt.keys()) - 1);
    }
  }
});
