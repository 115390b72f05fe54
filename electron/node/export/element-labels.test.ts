/**
 * One rule per element, checked on every part of every sample: the outline's labels (the
 * partLabels the renderer shows), the editor's heading numbers and presentation letters (the
 * shared rules the editor plugins call) equal what the compile step prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { partLabels } from '../../../shared/elements/part-labels';
import { compile, walkInlines } from '../../../shared/compile/compile';
import { COVER_LINES_KIND } from '../../../shared/compile/cover';
import type { Block, HeadingBlock, NoteRef, ParaBlock, Proceedings } from '../../../shared/compile/model';
import type { RawNode } from '../../../shared/elements/spec';
import { walkDoc } from '../../../shared/elements/walk';
import { BlockLetters } from '../../../shared/elements/attributed';
import { docProblem } from '../../../shared/elements/doc-schema';
import { docHeadingLabels, outlineOf, sectionNumbersBody } from '../../../shared/elements/outline';
import type { ConferenceSource } from '../../../shared/compile/compile';
import type { PartSummary } from '../../../shared/model/conference';
import type { Template } from '../../../shared/templates/schema';
import { ConferenceStore } from '../store/conference-store';
import { getTemplate } from '../templates';
import { tempDir } from './readers.testkit';
import { sampleConferenceFiles } from './seed-conferences.testkit';

interface Sample {
  name: string;
  source: ConferenceSource;
  summaries: PartSummary[];
  template: Template;
  proc: Proceedings;
}
const samples: Sample[] = [];

beforeAll(() => {
  for (const file of sampleConferenceFiles(tempDir('labels'))) {
    const store = ConferenceStore.open(file);
    try {
      const source = store.readContent();
      const template = getTemplate(source.meta.templateId);
      samples.push({
        name: path.basename(file),
        source,
        summaries: store.listParts(),
        template,
        proc: compile(source, template, { partIds: null, annexes: true, watermark: false }),
      });
    } finally {
      store.close();
    }
    fs.rmSync(file, { force: true });
  }
});

const blocksOf = (p: Proceedings): Block[] => p.sections.flatMap((s) => s.blocks);

/** The compiled blocks of each part: from its heading to the next part's heading. */
function blocksByPart(p: Proceedings): Map<string, Block[]> {
  const out = new Map<string, Block[]>();
  let current: Block[] | null = null;
  for (const b of blocksOf(p)) {
    if (b.kind === 'heading' && b.partId) {
      current = [];
      out.set(b.partId, current);
      continue;
    }
    current?.push(b);
  }
  return out;
}

type Raw = { type?: string; tag?: string; children?: Raw[] };

describe('the outline, the editor and the exports label every element alike (all samples)', () => {
  it('finds the five samples', () => expect(samples.length).toBe(5));

  it('part labels: outline = export', () => {
    for (const s of samples) {
      const outline = partLabels(s.summaries, s.template);
      const printed = new Map(
        blocksOf(s.proc)
          .filter((b): b is HeadingBlock => b.kind === 'heading' && !!b.partId)
          .map((h) => [h.partId!, h.label]),
      );
      const generated = new Set(
        s.summaries.filter((p) => outlineOf(s.summaries, s.template).get(p.id)?.role === 'toc').map((p) => p.id),
      );
      for (const p of s.summaries) {
        if (generated.has(p.id)) continue;
        // A title block of plain lines prints on the cover, without a heading (issue 12, seed 001's credits).
        if (p.kind === COVER_LINES_KIND && !printed.has(p.id) && s.proc.cover.lines?.length) continue;
        expect({ sample: s.name, part: p.title, label: printed.get(p.id) }).toEqual({
          sample: s.name,
          part: p.title,
          label: outline.get(p.id) ?? '',
        });
      }
    }
  });

  it('names the disagreements the issue found, now settled', () => {
    const workshop = samples.find((s) => s.template.id === 'workshop-report')!;
    const sessions = blocksOf(workshop.proc).filter(
      (b): b is HeadingBlock => b.kind === 'heading' && /^Session /.test(b.label),
    );
    expect(sessions.map((h) => h.label)).toEqual(['Session I:', 'Session II:', 'Session III:']);
    const compendium = samples.find((s) => s.template.id === 'best-practices-compendium')!;
    const appendix = compendium.summaries.find((p) => p.kind === 'appendix')!;
    expect(partLabels(compendium.summaries, compendium.template).get(appendix.id)).toBe('Appendix:');
  });

  it('headings inside documents: the editor’s numbers = export', () => {
    let checked = 0;
    for (const s of samples) {
      const byPart = blocksByPart(s.proc);
      const outline = outlineOf(s.summaries, s.template);
      for (const part of s.source.parts) {
        const entry = outline.get(part.id)!;
        const tags = ((part.doc.root.children ?? []) as Raw[])
          .filter((n) => n.type === 'heading')
          .map((n) => Number(String(n.tag).slice(1)));
        if (!tags.length) continue;
        // The editor knows its part's section only: its rule must agree with the tree's.
        const editor = docHeadingLabels(tags, entry.level, sectionNumbersBody(s.template, part.kind), s.template);
        const printed = (byPart.get(part.id) ?? [])
          .filter((b): b is HeadingBlock => b.kind === 'heading')
          .map((h) => h.label);
        expect({ part: part.title, labels: printed }).toEqual({ part: part.title, labels: editor });
        checked += tags.length;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('presentation and commentator letters: the editor’s = export', () => {
    let checked = 0;
    for (const s of samples) {
      const byPart = blocksByPart(s.proc);
      for (const part of s.source.parts) {
        // As the editor's numbering plugin steps through a document.
        const letters = new BlockLetters();
        const editor: string[] = [];
        for (const n of (part.doc.root.children ?? []) as Raw[]) {
          if (n.type === 'heading') letters.heading();
          else if (n.type === 'presentation' || n.type === 'commentator') editor.push(letters.next(n.type));
        }
        if (!editor.length) continue;
        const printed = (byPart.get(part.id) ?? [])
          .filter((b): b is ParaBlock => b.kind === 'para' && (b.style === 'presentation' || b.style === 'commentator'))
          .map((b) => (b.content[0]?.kind === 'text' ? b.content[0].text.trim() : ''));
        expect({ part: part.title, letters: printed }).toEqual({ part: part.title, letters: editor });
        checked += editor.length;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('every part of every sample is valid under the document schema', () => {
    const problems = samples.flatMap((s) =>
      s.source.parts
        .map((p) => ({ sample: s.name, part: p.title, problem: docProblem(p.doc) }))
        .filter((x) => x.problem),
    );
    expect(problems).toEqual([]);
    expect(samples.reduce((a, s) => a + s.source.parts.length, 0)).toBeGreaterThan(100);
  });

  it('notes: the conference’s own, plus one affiliation note per person at most, none beside a note the text has, none inside a name', () => {
    for (const s of samples) {
      let stored = 0;
      for (const part of s.source.parts)
        walkDoc(part.doc.root as RawNode, {
          enter: (n) => {
            if (n.type === 'footnote' && String(n.text ?? '').trim()) stored++;
          },
        });
      const notes = [...walkInlines(blocksOf(s.proc))].filter((i): i is NoteRef => i.kind === 'note');
      expect({ sample: s.name, own: notes.filter((n) => n.origin !== 'affiliation').length }).toEqual({
        sample: s.name,
        own: stored,
      });
      expect(s.proc.footnoteCount).toBe(notes.length);
      const noted = new Map<string, number>();
      const names = s.source.participants.map((p) => p.name.trim()).filter((n) => n.includes(' '));
      for (const b of blocksOf(s.proc)) {
        if (b.kind !== 'para') continue;
        b.content.forEach((r, i) => {
          if (r.kind !== 'note') return;
          const before = b.content[i - 1];
          const after = b.content[i + 1];
          if (r.origin === 'affiliation' && before?.kind === 'text' && before.charStyle === 'speaker-name')
            noted.set(before.text, (noted.get(before.text) ?? 0) + 1);
          // never two identical notes side by side ("Fernández², ³")
          if (after?.kind === 'note') expect(after.text).not.toBe(r.text);
          // never inside a name ("Florizelle O⁵¹ Connor")
          if (before?.kind === 'text' && after?.kind === 'text') {
            for (const name of names)
              for (let k = 1; k < name.length; k++) {
                if (before.text.endsWith(name.slice(0, k)) && after.text.startsWith(name.slice(k)))
                  expect.fail(`${s.name}: a note inside “${name}”`);
              }
          }
        });
        // an attributed block whose text notes the speaker gets no note of ours as well
        if (
          (b.style === 'commentator' || b.style === 'presentation') &&
          b.content.some((r) => r.kind === 'note' && r.origin === 'affiliation')
        ) {
          const own = b.content.filter((r) => r.kind === 'note' && r.origin !== 'affiliation');
          const name = b.content.find((r) => r.kind === 'text' && r.charStyle === 'speaker-name');
          const last = name?.kind === 'text' ? name.text.split(/\s+/).pop()! : '';
          const textBeforeOwn = b.content
            .map((r, i) =>
              r.kind === 'note' && own.includes(r) && b.content[i - 1]?.kind === 'text'
                ? (b.content[i - 1] as { text: string }).text
                : '',
            )
            .join(' ');
          expect(textBeforeOwn.replace(/[\s.,;:]+$/u, '').endsWith(last) && last !== '').toBe(false);
        }
      }
      for (const [name, n] of noted)
        expect({ sample: s.name, name, affiliationNotes: n }).toEqual({ sample: s.name, name, affiliationNotes: 1 });
    }
  });
});
