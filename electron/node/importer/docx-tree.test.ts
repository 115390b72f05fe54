/**
 * A .docx of another program read through the tree (mammoth → hast → mdast → markdown):
 * what the tokenizer before it lost comes through — an address in a footnote stays a link of
 * the note, a nested list keeps its levels, bold and italics keep their words.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedPart } from '../../../shared/import';
import { parseReport } from './parse-report';

interface N {
  type: string;
  text?: string;
  url?: string;
  format?: number;
  listType?: string;
  children?: N[];
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rap-docx-tree-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const nodes = (parts: ImportedPart[]): N[] => {
  const out: N[] = [];
  const walk = (n: N) => {
    out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  const part = (p: ImportedPart) => {
    walk(p.doc.root as unknown as N);
    p.children.forEach(part);
  };
  parts.forEach(part);
  return out;
};

const REPORT = `# Regional Meeting on Records

## 1. Background

The meeting was opened by **Ms. Ana Pérez**, *Director*, who recalled the study.[^1]

- Registration
  - Civil records
  - Consular records
- Statistics

The second note is here.[^2]

## 2. Conclusions

Nothing more.

[^1]: The study is available at <http://www.example.org/study.pdf>. Also see <https://example.net/annex>.
[^2]: A note with *italics* and no address.
`;

describe('a .docx of another program, through the tree', () => {
  it('keeps the addresses of its footnotes as links, its nested list and its emphasis', async () => {
    const md = path.join(dir, 'report.md');
    fs.writeFileSync(md, REPORT);
    const docx = path.join(dir, 'report.docx');
    execFileSync('pandoc', [md, '-o', docx]);
    const r = await parseReport({ bytes: fs.readFileSync(docx), fileName: 'report.docx' });
    const all = nodes(r.parts);
    const notes = all.filter((n) => n.type === 'footnote');
    expect(notes.map((n) => n.text)).toEqual([
      'The study is available at http://www.example.org/study.pdf. Also see https://example.net/annex.',
      'A note with italics and no address.',
    ]);
    expect((notes[0]!.children ?? []).filter((k) => k.type === 'link').map((k) => k.url)).toEqual([
      'http://www.example.org/study.pdf',
      'https://example.net/annex',
    ]);
    expect((notes[1]!.children ?? []).find((k) => k.text === 'italics')?.format).toBe(2);
    const lists = all.filter((n) => n.type === 'list');
    expect(lists.map((l) => l.listType)).toEqual(['bullet', 'bullet']);
    // The nested list hangs under "Registration" (Lexical's form: the next item holds only the list).
    expect(lists[0]!.children![1]!.children![0]).toBe(lists[1]);
    expect(lists[1]!.children!.map((li) => li.children![0]!.text)).toEqual(['Civil records', 'Consular records']);
    const texts = all.filter((n) => n.type === 'text');
    expect(texts.find((t) => t.text === 'Ms. Ana Pérez')?.format).toBe(1);
    expect(texts.find((t) => t.text === 'Director')?.format).toBe(2);
  });
});
