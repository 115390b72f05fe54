import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compile/compile';
import { richConference, richTemplate } from '../../../shared/compile/fixtures';
import { typstInput } from '../../../shared/export/typst/typst-data';
import { TypstWorker } from './typst-off-thread';

// A long report: the unit repeated, so laying it out takes a noticeable while.
const input = typstInput(
  compile(richConference(30), richTemplate(), {
    partIds: null,
    annexes: true,
    watermark: false,
    issueDate: '2026-11-24',
  }),
);
const worker = new TypstWorker();
afterAll(() => worker.close());

describe('Typst in a worker thread', () => {
  it('lays out a PDF off the event loop, reporting its stages', async () => {
    const stages: string[] = [];
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 5);
    try {
      const pdf = await worker.render(input, { onStage: (s) => stages.push(s.message) });
      expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(pdf.pages).toBeGreaterThan(30);
      expect(stages[0]).toBe('Laying out the pages');
      expect(stages[1]).toBe(`Writing the PDF (${pdf.pages} pages)`);
    } finally {
      clearInterval(timer);
    }
    // The event loop kept turning while Typst worked (it would not tick once if Typst ran here).
    expect(ticks).toBeGreaterThan(10);
  });

  it('cancels a layout under way, then serves the next export from a fresh worker', async () => {
    const controller = new AbortController();
    // Cancelled as soon as the worker says it is laying out the pages.
    const cancelled = worker.render(input, { signal: controller.signal, onStage: () => controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    // An export asked for after a cancel does not start.
    await expect(worker.render(input, { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    const again = await worker.render(input);
    expect(again.pages).toBeGreaterThan(30);
  });
});
