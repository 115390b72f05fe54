import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ConferenceStore } from './conference-store';
import { textFromDoc, TYPED_TEXT } from './testing/typing';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-crash-'));
const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-typist-'));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

// Node itself runs the typist, bundled once by esbuild (the tsx command would run it in a child
// process that SIGKILL on the command does not reach, leaving a typist writing on; tsx as a
// loader cost each start about a second of CPU transpiling the store). better-sqlite3 stays
// outside the bundle and is found through NODE_PATH, as the bundle lives in a temporary folder.
const TYPIST = path.join(bundleDir, 'typist.cjs');
const CHILD_ENV = { ...process.env, NODE_PATH: path.resolve('node_modules') };
beforeAll(async () => {
  await build({
    entryPoints: [path.resolve('electron/node/store/testing/typist.ts')],
    outfile: TYPIST,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
});

/** Runs the typist, kills it with SIGKILL a while after its first acknowledged save, and reports what it had typed and saved. */
function typeThenKill(file: string, partId: string, typeFor: number): Promise<{ typed: number; acknowledged: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TYPIST, file, partId], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: CHILD_ENV,
    });
    let typed = 0;
    let acknowledged = 0;
    let buffered = '';
    let stderr = '';
    let killed = false;
    let started = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // A typist that never hears back about a save is a failure, not a wait.
    const noSave = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no save acknowledged: ${stderr}`));
    }, 60_000);
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [what, n] = line.split(' ') as [string, string];
        if (what === 'typed') typed = Number(n);
        // Lines still arriving after the kill were written before it: those saves were acknowledged too.
        if (what === 'saved') acknowledged = Math.max(acknowledged, Number(n));
      }
      // The kill comes a while after the first acknowledged save, so every run has one to check.
      if (!started && acknowledged > 0) {
        started = true;
        clearTimeout(noSave);
        setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, typeFor);
      }
    });
    child.on('exit', () =>
      killed ? resolve({ typed, acknowledged }) : reject(new Error(`typist ended by itself: ${stderr}`)),
    );
  });
}

test('killing the process while typing keeps every acknowledged save, never corrupts the file and leaves no log beside it', async () => {
  const file = path.join(dir, 'crash.rapporteur');
  const store = ConferenceStore.create(file);
  const part = store.addPart({ parentId: null, kind: 'summary', title: 'Summary' });
  store.close();

  // Three kills at different moments of typing: the first on a file that was never interrupted,
  // the later ones on a file a kill left (its journal to apply), each at a different text length.
  const kills = [450, 1300, 800];
  for (const after of kills) {
    const { typed, acknowledged } = await typeThenKill(file, part.id, after);
    expect(typed).toBeGreaterThan(0);
    const beside = fs.readdirSync(dir);
    const reopened = ConferenceStore.open(file); // throws if the file were damaged
    const saved = textFromDoc(reopened.getPart(part.id).doc);
    // An interrupted save's journal belongs: applied, not set aside.
    expect(reopened.problems, `killed ${after} ms after a save; beside the file: ${beside.join(', ')}`).toEqual([]);
    reopened.close();

    // What is on disk is exactly what was typed, up to some point...
    expect(TYPED_TEXT.startsWith(saved)).toBe(true);
    // ...and holds at least every save the typist heard back about before it was killed.
    expect(acknowledged).toBeGreaterThan(0);
    expect(saved.length, `killed ${after} ms after a save`).toBeGreaterThanOrEqual(acknowledged);
    expect(fs.readdirSync(dir).filter((f) => f !== 'crash.rapporteur' && f !== 'crash.rapporteur-journal')).toEqual([]);
  }
});
