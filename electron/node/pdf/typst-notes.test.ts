/**
 * A speaker's heading that calls a note (an affiliation) is kept with what follows it; when
 * it moves to the next page, Typst used to leave its note behind (typst/typst#5314). The
 * heading is laid out at every height around a page's foot and its note must follow it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compile/compile';
import { richConference, richTemplate } from '../../../shared/compile/fixtures';
import type { Block, Proceedings } from '../../../shared/compile/model';
import { typstInput } from '../../../shared/export/typst/typst-data';
import { pdfStructures } from '../export/pdf-structure.testkit';
import { typstEngine } from './typst-engine';

const base = compile(richConference(), richTemplate(), {
  partIds: null,
  annexes: false,
  watermark: false,
  issueDate: '2026-11-24',
});

function speakerAfter(words: number): Proceedings {
  const blocks: Block[] = [
    { kind: 'para', style: 'body', content: [{ kind: 'text', text: 'lorem ipsum dolor sit amet '.repeat(words / 5) }] },
    {
      kind: 'para',
      style: 'presentation',
      content: [
        { kind: 'text', text: 'Miguel Villa, International migration' },
        { kind: 'note', id: 1, label: '1', text: 'Chief of the Population Division.' },
      ],
    },
    {
      kind: 'para',
      style: 'body',
      content: [{ kind: 'text', text: 'consectetur adipiscing elit sed do '.repeat(30) }],
    },
  ];
  return { ...base, footnoteCount: 1, sections: [{ orientation: 'portrait', blocks }] };
}

describe('a note called by a speaker’s heading', () => {
  it('is printed on the page of its call, wherever the heading falls near the foot of a page', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-typst-notes-'));
    const callPages = new Set<number>();
    const lengths: number[] = [];
    for (let words = 860; words <= 960; words += 8) lengths.push(words);
    const pdfs = lengths.map((words) => {
      const pdf = path.join(dir, `${words}.pdf`);
      fs.writeFileSync(pdf, typstEngine().pdf(typstInput(speakerAfter(words))).bytes);
      return pdf;
    });
    // One pypdf run reads the thirteen PDFs: python's start-up and pypdf's import are paid once.
    const structures = pdfStructures(pdfs);
    expect(structures).toHaveLength(lengths.length);
    for (const [i, words] of lengths.entries()) {
      const notes = structures[i]!.notes;
      expect(notes, `${words} words before the heading`).toHaveLength(1);
      expect(notes[0]!.page, `${words} words before the heading`).toBe(notes[0]!.callPage);
      callPages.add(notes[0]!.callPage!);
    }
    // the heading crossed a page's foot within the range
    expect(callPages.size).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
