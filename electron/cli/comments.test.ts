/** `rapporteur export <file> --docx out.docx [--comments | --no-comments]` (run in process). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tool } from '../node/export/readers.testkit';
import { writeRichConference } from '../node/export/rich-conference.testkit';
import { ConferenceStore } from '../node/store/conference-store';
import { addComment } from '../node/services/comments-service';
import { markText } from '../node/services/comments.testkit';
import { runCli } from './cli.testkit';

const READER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../node/services/comments-docx.testkit.py');
const commentsOf = (docx: string) =>
  JSON.parse(tool('/usr/bin/python3', [READER, docx])) as {
    comments: { author: string; text: string }[];
    anchored: Record<string, string>;
  };

let dir: string;

beforeAll(() => {
  dir = tempDir('cli-comments');
  const file = path.join(dir, 'rich.rapporteur');
  writeRichConference(file);
  const store = ConferenceStore.open(file);
  try {
    const part = store.getPart('unit2');
    store.savePartDoc('unit2', markText(part.doc, 'the situation of women', 'c1'), part.revision);
    addComment(store, 'Ana Editor', {
      partId: 'unit2',
      threadId: 'c1',
      quote: 'the situation of women',
      text: 'Which situation?',
    });
  } finally {
    store.close();
  }
});

describe('rapporteur export and comments', () => {
  it('writes the open comments into the DOCX by default and with --comments, with their author and anchored text', async () => {
    for (const args of [[], ['--comments']]) {
      const r = await runCli(dir, ['export', 'rich.rapporteur', '--docx', 'out.docx', ...args]);
      expect(r.code).toBe(0);
      const read = commentsOf(path.join(dir, 'out.docx'));
      expect(read.comments).toEqual([expect.objectContaining({ author: 'Ana Editor', text: 'Which situation?' })]);
      expect(Object.values(read.anchored)).toEqual(['the situation of women']);
    }
  });

  it('leaves them out with --no-comments, and refuses both options at once', async () => {
    const r = await runCli(dir, ['export', 'rich.rapporteur', '--docx', 'plain.docx', '--no-comments']);
    expect(r.code).toBe(0);
    expect(commentsOf(path.join(dir, 'plain.docx')).comments).toEqual([]);
    const both = await runCli(dir, ['export', 'rich.rapporteur', '--docx', 'x.docx', '--comments', '--no-comments']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('give either --comments or --no-comments, not both.');
  });
});
