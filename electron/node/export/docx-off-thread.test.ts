import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compile/compile';
import { richConference, richTemplate } from '../../../shared/compile/fixtures';
import { docxOffThread } from './docx-off-thread';

const proc = () =>
  compile(richConference(), richTemplate(), {
    partIds: null,
    annexes: true,
    watermark: false,
    issueDate: '2026-11-24',
  });

describe('DOCX in a worker thread', () => {
  it('writes the same document as in process', async () => {
    const bytes = await docxOffThread(proc(), {});
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const running = docxOffThread(proc(), { tocPageNumbers: true }, controller.signal);
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
