/**
 * Imports that once killed or froze the app (issue 17): a zip bomb, a package of
 * countless entries, pathological lines, thousands of headings and nested lists. Each
 * is replayed through the worker: the process lives, the message is clear, nothing is
 * written, and the event loop keeps turning meanwhile. Speed is measured in
 * build/bench/import.bench.ts, not here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { ImportedPart, ImportResult } from '../../../shared/import';
import { AppServices } from '../services/app-services';
import { importReportBytes } from '.';
import { DOCX_LIMITS, checkDocxPackage } from './docx-package';
import { docxOfParagraphs, zipOf } from './zip.testkit';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rap-robust-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Counts turns of the event loop while `p` runs: a blocked loop counts none. */
async function ticksDuring<T>(p: Promise<T>): Promise<{ value: T | AppError; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
  }, 5);
  try {
    const value = await p.then(
      (v) => v,
      (e: AppError) => e,
    );
    return { value, ticks };
  } finally {
    clearInterval(timer);
  }
}

const all = (parts: ImportedPart[]): ImportedPart[] => parts.flatMap((p) => [p, ...all(p.children)]);

describe('DOCX packages are checked before anything unpacks them', () => {
  it('a 535 KB .docx expanding to 150 MB is refused with a message, and nothing is written', async () => {
    const bomb = docxOfParagraphs(150 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
    const err = await failure(
      Promise.resolve().then(() =>
        services.api.importReport({ content: bomb.toString('base64'), fileName: 'bomb.docx' }),
      ),
    );
    expect(err.code).toBe('IMPORT_FAILED');
    expect(err.message).toMatch(/“bomb\.docx” cannot be imported: the \.docx would expand to more than 100 MB/);
    expect(fs.existsSync(path.join(dir, 'ws')) ? fs.readdirSync(path.join(dir, 'ws')) : []).toEqual([]);
    services.closeAll();
  });
  it('a package of 10,001 entries, or one entry expanding 1,000 times, is refused; an honest one passes', async () => {
    const many = zipOf(
      Array.from({ length: DOCX_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('<a/>') })),
    );
    expect((await failure(importReportBytes({ bytes: many, fileName: 'many.docx' }))).message).toMatch(
      /more than 10,000 files/,
    );
    const dense = zipOf([{ name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) }]);
    expect((await failure(importReportBytes({ bytes: dense, fileName: 'dense.docx' }))).message).toMatch(
      /“word\/document\.xml” expands [\d,]+ times/,
    );
    expect(checkDocxPackage(docxOfParagraphs(200_000))).toMatchObject({ entries: 3 });
    const r = await importReportBytes({ bytes: docxOfParagraphs(200_000), fileName: 'honest.docx' });
    expect(JSON.stringify(r.parts)).toContain('All work and no play');
  });
  it('a damaged table of contents is named as such', async () => {
    const good = docxOfParagraphs(10_000);
    const cut = Buffer.from(good);
    cut.writeUInt32LE(0xdeadbeef, cut.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect((await failure(importReportBytes({ bytes: cut, fileName: 'cut.docx' }))).message).toMatch(
      /damaged or truncated/,
    );
  });
});

describe('the worker holds its limits', () => {
  it('the event loop turns while a worker parses 10,000 headings, which all import', async () => {
    const text = `# Report\n\n${Array.from({ length: 10000 }, (_, i) => `## Heading ${i}\n\nText ${i}.\n`).join('\n')}`;
    const { value, ticks } = await ticksDuring(importReportBytes({ bytes: Buffer.from(text), fileName: 'h.md' }));
    expect(value).not.toBeInstanceOf(AppError);
    expect(all((value as ImportResult).parts).length).toBe(10000);
    expect(ticks).toBeGreaterThan(5);
  });
  it('past its time limit a worker is stopped with a message', async () => {
    const text = `# Report\n\n${Array.from({ length: 10000 }, (_, i) => `## Heading ${i}\n\nText ${i}.\n`).join('\n')}`;
    const err = await failure(
      importReportBytes({ bytes: Buffer.from(text), fileName: 'slow.md' }, { limits: { timeMs: 100 } }),
    );
    expect(err.message).toBe(
      '“slow.md” cannot be imported: reading it took longer than 0.1 seconds, so it was stopped. Nothing was written.',
    );
  });
  it('a file of a kind never read is refused before a worker starts: a 1 ms limit never fires', async () => {
    // A worker takes far longer than 1 ms to start, so a refusal made in it would lose to the time limit.
    const quick = { limits: { timeMs: 1 } };
    const pdf = await failure(importReportBytes({ bytes: Buffer.from('%PDF-1.7\n'), fileName: 'r.pdf' }, quick));
    expect(pdf.message).toMatch(/“r\.pdf”.*PDF/);
    const fake = await failure(importReportBytes({ bytes: Buffer.from('just text'), fileName: 'fake.docx' }, quick));
    expect(fake.message).toMatch(/not a Word \.docx/);
    const old = await failure(
      importReportBytes({ bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), fileName: 'o.doc' }, quick),
    );
    expect(old.message).toMatch(/\.docx/);
  });
  it('past its memory limit a worker is stopped with a message', async () => {
    const err = await failure(
      importReportBytes({ bytes: docxOfParagraphs(900_000), fileName: 'heavy.docx' }, { limits: { memoryMb: 8 } }),
    );
    expect(err.message).toMatch(/“heavy\.docx” cannot be imported: reading it needed more than 8 MB of memory/);
  });
  it('cancel stops the worker', async () => {
    const controller = new AbortController();
    const p = importReportBytes(
      { bytes: docxOfParagraphs(200_000), fileName: 'x.docx' },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    const err = await failure(p);
    expect(err.code).toBe('CANCELLED');
  });
});

describe('inputs that were quadratic or ran away', () => {
  // 10,000 headings: with the event loop, above.
  it('100,000 spaces, a 1 MB line and 3,000 nested list levels import', async () => {
    const spaces = await importReportBytes({
      bytes: Buffer.from(`Report\n\n${' '.repeat(100_000)}x\n`),
      fileName: 'spaces.md',
    });
    expect(JSON.stringify(spaces.parts)).toContain('"x"');
    const line = await importReportBytes({
      bytes: Buffer.from(`# Report\n\n${'word '.repeat(200_000)}\n`),
      fileName: 'line.md',
    });
    expect(JSON.stringify(line.parts).length).toBeGreaterThan(1_000_000);
    const nested = `# Report\n\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`;
    const deep = await importReportBytes({ bytes: Buffer.from(nested), fileName: 'nested.md' });
    expect(JSON.stringify(deep.parts)).toContain('item 2999');
    expect(deep.warnings.find((w) => w.code === 'LIST_TOO_DEEP')).toMatchObject({ line: 3 + 9 });
  });
});
