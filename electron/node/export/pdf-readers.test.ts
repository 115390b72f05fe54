/**
 * The five sample conferences exported to PDF with Typst, each laid out once, then judged by
 * programs we did not write: pdfinfo, pdffonts, pdftotext (poppler), qpdf and pypdf.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Proceedings } from '../../../shared/compile/model';
import { typstInput } from '../../../shared/export/typst/typst-data';
import type { TypstBlock, TypstDocument, TypstInline } from '../../../shared/export/typst/types';
import { compileRequest, exportBytes, type ExportOptions } from './export-service';
import { readConferenceFile } from './load-proceedings';
import { pdfStructures, type PdfStructure } from './pdf-structure.testkit';
import { pdfFonts, pdfInfo, pdfText, qpdfCheck, tempDir } from './readers.testkit';
import { sampleConferenceFiles } from './seed-conferences.testkit';
import { noteText } from '../../../shared/i18n/export-notes';

const options: ExportOptions = { partIds: null, annexes: true, watermark: false, issueDate: '2026-11-24' };

interface Sample {
  name: string;
  pdf: string;
  pages: number;
  proc: Proceedings;
  data: TypstDocument;
  structure: PdfStructure;
  /** Text of each page (index 0 = page 1). */
  text: string[];
}

const samples: Sample[] = [];

beforeAll(async () => {
  const dir = tempDir('pdf');
  const made: Omit<Sample, 'structure'>[] = [];
  for (const file of sampleConferenceFiles(dir)) {
    const source = readConferenceFile(file);
    const proc = compileRequest({ source, options });
    // In process, with the one compiler of this thread: each sample is laid out once.
    const r = await exportBytes({ source, format: 'pdf', options });
    const pdf = path.join(dir, `${path.basename(file, '.rapporteur')}.pdf`);
    fs.writeFileSync(pdf, r.bytes);
    const pages = r.pages ?? 0;
    // Pages are separated by form feeds in pdftotext's output.
    const text = pdfText(pdf).split('\f').slice(0, pages);
    made.push({
      name: path.basename(file),
      pdf,
      pages,
      proc,
      data: typstInput(proc).data,
      text,
    });
  }
  // One pypdf run reads the five PDFs: python's start-up and pypdf's import are paid once.
  const structures = pdfStructures(made.map((s) => s.pdf));
  samples.push(...made.map((s, i) => ({ ...s, structure: structures[i]! })));
  expect(samples).toHaveLength(5);
}, 600_000);

/** Every block of the data, depth first, in document order. */
function* allBlocks(blocks: TypstBlock[]): Generator<TypstBlock> {
  for (const b of blocks) {
    yield b;
    if (b.k === 'list') for (const i of b.items) yield* allBlocks(i.blocks);
    if (b.k === 'quote') yield* allBlocks(b.blocks);
    if (b.k === 'table')
      for (const row of [...b.header, ...b.rows.map((r) => r.cells)]) for (const c of row) yield* allBlocks(c.blocks);
  }
}
const blocksOf = (d: TypstDocument) => d.sections.flatMap((s) => [...allBlocks(s.blocks)]);

function* allInlines(runs: TypstInline[]): Generator<TypstInline> {
  for (const r of runs) {
    yield r;
    if (r.k === 'note') yield* allInlines(r.body);
  }
}
function urlsOf(d: TypstDocument): Set<string> {
  const out = new Set<string>();
  const visit = (runs: TypstInline[]) => {
    for (const r of allInlines(runs)) if (r.k === 'link') out.add(r.url);
  };
  for (const b of blocksOf(d)) {
    if (b.k === 'heading') visit(b.text);
    if (b.k === 'para') visit(b.content);
  }
  d.endnotes.forEach((n) => visit(n.body));
  return out;
}

/** One space between words, and straight quotes (Typst prints the language's own). */
const squash = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/[‘’]/g, "'")
    .replace(/[“”«»]/g, '"')
    .trim();
/** The bookmarks a document should have: its headings (labels included), the contents title, the endnotes title. */
function expectedBookmarks(d: TypstDocument): string[] {
  const out: string[] = [];
  for (const b of blocksOf(d)) {
    if (b.k === 'heading') out.push(squash(b.plain));
    if (b.k === 'toc') out.push(squash(b.title));
  }
  if (d.endnotes.length) out.push(d.words.notes);
  return out;
}

describe('PDF export through Typst, read back by poppler, qpdf and pypdf', () => {
  it('writes a valid, tagged PDF/UA-1 with the title, the language and XMP identification', () => {
    for (const s of samples) {
      const info = pdfInfo(s.pdf);
      expect(info.Tagged, s.name).toBe('yes');
      expect(squash(info.Title ?? ''), s.name).toBe(squash(s.data.title));
      expect(Number(info.Pages), s.name).toBe(s.pages);
      expect(qpdfCheck(s.pdf), s.name).toMatch(/No syntax or stream encoding errors found/);
      expect(s.structure.lang, s.name).toBe(s.data.lang);
      // The PDF/UA identification schema, part 1, in the XMP metadata.
      expect(s.structure.xmp, s.name).toMatch(/pdfuaid:part(?:>|=")1/);
      expect(
        s.proc.notes.filter((n) => /PDF\/UA/.test(noteText(n, 'en'))),
        s.name,
      ).toEqual([]);
    }
  });

  it('embeds every font, and only the fonts that ship with the app', () => {
    for (const s of samples) {
      const fonts = pdfFonts(s.pdf);
      expect(fonts.length, s.name).toBeGreaterThan(0);
      expect(
        fonts.filter((f) => !f.embedded),
        s.name,
      ).toEqual([]);
      expect(
        fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).filter((n) => !/^Liberation(Serif|Sans)/.test(n)),
        s.name,
      ).toEqual([]);
    }
  });

  it('tags each footnote as a note, at the foot of the page that calls it', () => {
    let total = 0;
    for (const s of samples) {
      const expected = s.data.noteMode === 'footnotes' ? s.proc.footnoteCount : 0;
      expect(s.structure.notes.length, s.name).toBe(expected);
      expect(s.structure.roles['/Note'] ?? 0, s.name).toBe(expected);
      for (const n of s.structure.notes) expect(n.page, s.name).not.toBeNull();
      expect(
        s.structure.notes.filter((n) => n.page !== n.callPage),
        s.name,
      ).toEqual([]);
      total += expected;
    }
    expect(total).toBeGreaterThan(50);
  });

  it('gathers endnotes at the end where the template says so, each call linked to its note', () => {
    const s = samples.find((x) => x.data.noteMode === 'endnotes')!;
    expect(s, 'a sample with endnotes').toBeDefined();
    expect(s.data.endnotes.length).toBe(s.proc.footnoteCount);
    const last = squash(s.text.slice(-3).join(' '));
    expect(last).toContain(s.data.words.notes);
    const internal = s.structure.links.filter((l) => !l.uri && l.destPage !== null);
    expect(internal.filter((l) => l.destPage! >= s.pages - 2).length).toBeGreaterThanOrEqual(s.data.endnotes.length);
  });

  it('tags each table once across its pages, with a header row repeated and no row split', () => {
    for (const s of samples) {
      const tables = blocksOf(s.data).filter((b) => b.k === 'table');
      expect(s.structure.tables.length, s.name).toBe(tables.length);
      s.structure.tables.forEach((t, i) => {
        const model = tables[i]!;
        expect(t.thead, `${s.name} table ${i + 1}`).toBe(model.header.length > 0);
        expect(t.rows.length, `${s.name} table ${i + 1}`).toBe(model.header.length + model.rows.length);
        // A row whose content sits on two pages was split.
        expect(
          t.rows.filter((pages) => pages.length !== 1),
          `${s.name} table ${i + 1}`,
        ).toEqual([]);
        // The header row is printed again on every page the table runs over.
        const pages = [...new Set(t.rows.flat())];
        const headerText = model.header[0]
          ?.map((c) =>
            c.blocks
              .flatMap((b) => (b.k === 'para' ? b.content : []))
              .flatMap((r) => (r.k === 'text' ? r.parts.filter((p) => typeof p === 'string') : []))
              .join(''),
          )
          .find((x) => x.trim());
        if (headerText)
          for (const p of pages)
            expect(squash(s.text[p - 1]!), `${s.name} table ${i + 1} page ${p}`).toContain(squash(headerText));
      });
    }
    const spanning = samples.flatMap((s) => s.structure.tables).filter((t) => new Set(t.rows.flat()).size > 1);
    expect(spanning.length).toBeGreaterThanOrEqual(2);
  });

  it('tags headings, lists and figures with their alternative text', () => {
    for (const s of samples) {
      const blocks = blocksOf(s.data);
      const headings = expectedBookmarks(s.data).length;
      expect(s.structure.headings.length, s.name).toBe(headings);
      const lists = blocks.filter((b) => b.k === 'list').length;
      expect(s.structure.roles['/L'] ?? 0, s.name).toBe(lists);
      const figures = blocks.filter((b) => b.k === 'figure');
      expect(s.structure.figures, s.name).toEqual(figures.map((f) => (f.k === 'figure' ? f.alt : '')));
    }
    expect(samples.some((s) => s.structure.figures.length > 0)).toBe(true);
  });

  it('has bookmarks equal to the headings, labels included', () => {
    for (const s of samples) {
      expect(
        s.structure.outline.map((o) => squash(o.title)),
        s.name,
      ).toEqual(expectedBookmarks(s.data));
      // Each bookmark opens the page its heading is printed on.
      for (const o of s.structure.outline) {
        expect(o.page, `${s.name}: ${o.title}`).not.toBeNull();
        const words = squash(o.title).split(' ').slice(-3).join(' ');
        expect(squash(s.text[o.page! - 1]!), `${s.name}: ${o.title}`).toContain(words);
      }
    }
  });

  it('prints a contents page whose page numbers are right and linked', () => {
    let checked = 0;
    for (const s of samples) {
      if (!blocksOf(s.data).some((b) => b.k === 'toc')) continue;
      const bookmarks = s.structure.outline.map((o) => ({ title: squash(o.title), page: o.page }));
      // Contents lines end in dot leaders and the page number.
      const lines = s.text.slice(0, 6).join('\n').split('\n');
      const entries: { title: string; page: number }[] = [];
      let pending = '';
      for (const line of lines) {
        const m = /^(.*?)[\s.]*\.\s*\u2060?(\d+)\s*$/.exec(line);
        if (m && / \. \./.test(line)) {
          entries.push({ title: squash(`${pending} ${m[1]}`), page: Number(m[2]) });
          pending = '';
        } else pending = line.trim() && entries.length ? `${pending} ${line}` : '';
      }
      expect(entries.length, s.name).toBeGreaterThan(5);
      // Entries and bookmarks are both in document order (titles repeat: match them in turn).
      let at = 0;
      for (const e of entries) {
        while (at < bookmarks.length && !(bookmarks[at]!.title === e.title || bookmarks[at]!.title.endsWith(e.title)))
          at++;
        expect(at < bookmarks.length, `${s.name}: contents line “${e.title}” has a bookmark`).toBe(true);
        expect(e.page, `${s.name}: ${e.title}`).toBe(bookmarks[at]!.page);
        at++;
        checked++;
      }
      // The entries are links to the pages they name.
      const tocPages = new Set(
        s.structure.links
          .filter((l) => !l.uri && l.destPage !== null && entries.some((e) => e.page === l.destPage))
          .map((l) => l.page),
      );
      expect(tocPages.size, s.name).toBeGreaterThan(0);
      const targets = new Set(s.structure.links.filter((l) => tocPages.has(l.page) && !l.uri).map((l) => l.destPage));
      for (const e of entries) expect(targets.has(e.page), `${s.name}: link to page ${e.page}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('makes every web and e-mail address a link annotation with its URL', () => {
    let total = 0;
    for (const s of samples) {
      const uris = new Set(s.structure.links.flatMap((l) => (l.uri ? [l.uri] : [])));
      for (const url of urlsOf(s.data)) expect(uris.has(url), `${s.name}: ${url}`).toBe(true);
      for (const uri of uris) expect(uri, s.name).toMatch(/^(https?:|mailto:)/);
      total += uris.size;
    }
    expect(samples.some((s) => [...urlsOf(s.data)].some((u) => u.startsWith('mailto:')))).toBe(true);
    expect(total).toBeGreaterThan(3);
  });

  it('prints landscape pages where the template puts a wide annex, and only there', () => {
    for (const s of samples) {
      const landscape = s.structure.pageSizes.map(([w, h], i) => (w > h ? i + 1 : 0)).filter(Boolean);
      const wants = s.data.sections.some((x) => x.landscape);
      expect(landscape.length > 0, s.name).toBe(wants);
      if (!wants) continue;
      const first = s.data.sections.find((x) => x.landscape)!.blocks.find((b) => b.k === 'heading');
      if (first?.k === 'heading') expect(squash(s.text[landscape[0]! - 1]!), s.name).toContain(squash(first.plain));
      // No blank page where the orientation changes.
      for (const p of landscape)
        expect(squash(s.text[p - 1]!.replace(/Page \d+ of \d+/, '')).length, `${s.name} page ${p}`).toBeGreaterThan(
          squash(s.data.runningHead).length + 20,
        );
    }
    expect(samples.some((s) => s.structure.pageSizes.some(([w, h]) => w > h))).toBe(true);
  });

  it('prints the cover without running head, and the short title with page N of M on every other page, as artifacts', () => {
    for (const s of samples) {
      expect(s.text[0], s.name).not.toMatch(/Page \d+ of/);
      s.structure.artifacts
        .slice(1)
        .forEach((a, i) => expect(a, `${s.name} page ${i + 2}`).toEqual(expect.arrayContaining(['Header', 'Footer'])));
      expect(squash(s.text[0]!), s.name).toContain(squash(s.data.cover.title).slice(0, 40));
      for (let p = 2; p <= s.pages; p++) {
        const page = squash(s.text[p - 1]!);
        expect(page, `${s.name} page ${p}`).toContain(`Page ${p} of ${s.pages}`);
        expect(page, `${s.name} page ${p}`).toContain(squash(s.data.runningHead).slice(0, 30));
      }
    }
  });
});
