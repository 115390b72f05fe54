/**
 * Summary reports with recommendations (seed 004): markdown whose heading marks do not
 * follow the hierarchy, footnotes as <sup>n</sup> with their texts at page ends, a
 * "Recommendations:" block i., ii., … closing each chapter or sub-section. Read as blocks
 * (tree/markdown-read.ts); the genre's words (contents, introduction, the run-in head of the
 * recommendations, the kinds of report, the annexes) come from its template.
 */
import type { DocNode } from '../model/doc-nodes';
import type { Template } from '../templates/schema';
import { blocksToNodes } from './block-nodes';
import { noteFromMarkup, plainInline } from './inline';
import type { Block } from './markdown-blocks';
import { list, runIn } from './nodes';
import { type ImportContext, type ImportedPart, setDoc } from './result';
import type { SourceLine } from './source';
import { type BodyHeading, compareContents, type ContentsEntry, contentsEntries } from './summary-report/contents';
import { labelled } from './summary-report/headings';
import { headingText, type PageNote, takePageFeet } from './summary-report/page-feet';
import { RecommendationBlock } from './summary-report/recommendations';
import { readTitleBlock, titleLines } from './summary-report/title-block';
import { isPhrase, sectionForHeading } from './template-rules';
import { MARKDOWN_PROFILE, type ReadProfile, readSourceTree } from './tree/markdown-read';
import { firstWords, organisersIn, squash } from './util';

/**
 * Markdown as everywhere, with two differences: a thematic break is kept as a paragraph
 * ("---" is the rule above a page's notes), and paragraphs keep their source lines and are
 * not rejoined across blank lines: the page feet decide where a page break cut the text.
 */
const SUMMARY_PROFILE: ReadProfile = {
  ...MARKDOWN_PROFILE,
  parse: {
    ...MARKDOWN_PROFILE.parse,
    extensions: [...(MARKDOWN_PROFILE.parse.extensions ?? []), { disable: { null: ['thematicBreak'] } }],
  },
  rejoinPages: false,
  keepLines: true,
};

export function parseSummaryReport(lines: SourceLine[], ctx: ImportContext, template?: Template): void {
  const tree = readSourceTree(lines, SUMMARY_PROFILE);
  const { body: blocks, notes } = takePageFeet(tree.blocks, ctx);
  // A mark's note: the page foot's, or a markdown footnote's ("[^1]: …", as a converted .docx writes it).
  const anchors = (label: string): DocNode | null => {
    const note = notes.get(Number(label));
    if (note) note.used = true;
    const text = note?.text ?? tree.notes.get(label)?.text;
    return text === undefined ? null : noteFromMarkup(text);
  };
  const inline = { anchors };

  // Title block: everything before the first heading.
  let i = blocks.findIndex((b) => b.t === 'heading');
  if (i < 0) i = blocks.length;
  readTitleBlock(titleLines(blocks.slice(0, i)), ctx, template);

  const toc: ContentsEntry[] = [];
  const headings: BodyHeading[] = [];
  let current: ImportedPart | null = null;
  let chapter: ImportedPart | null = null;
  let chapterLabel = '';
  let pending: Block[] = [];
  let body: DocNode[] = [];
  let recs: RecommendationBlock | null = null;
  const flushPending = () => {
    body.push(...blocksToNodes(pending, inline));
    pending = [];
  };
  const flushRecs = () => {
    const numberFormat = template?.recommendationFormat ?? 'lower-roman';
    if (recs) body.push(list(true, recs.items, { numberFormat, role: 'recommendations' }));
    recs = null;
  };
  const flushPart = () => {
    flushPending();
    flushRecs();
    if (current) setDoc(current, body);
    body = [];
  };
  const open = (parent: ImportedPart | null, kind: string, title: string, line: number): ImportedPart => {
    flushPart();
    current = ctx.part(parent, kind, title, line);
    return current;
  };
  const introduction = sectionOf(template, 'introduction');
  const introTitle = introduction?.title ?? 'Introduction';

  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    const h = headingText(b);
    if (h !== null && sectionForHeading(template, h)?.generated === 'toc') {
      // The contents page: everything up to the next heading.
      let end = i + 1;
      while (end < blocks.length && blocks[end]!.t !== 'heading') end++;
      toc.push(...contentsEntries(blocks.slice(i + 1, end)));
      i = end - 1;
      continue;
    }
    if (h !== null && isPhrase(h, template?.reading?.runInHeads)) {
      flushPending();
      flushRecs();
      const at: ImportedPart = current ?? open(null, 'introduction', introTitle, b.line);
      body.push(runIn(h.endsWith(':') ? h : `${h}:`, []));
      recs = new RecommendationBlock(at, ctx, template);
      continue;
    }
    if (h !== null) {
      const chap = labelled(h, template?.numbering[0]);
      const sub = chapter ? labelled(h, template?.numbering[1]) : null;
      if (chap) {
        chapter = open(null, 'chapter', chap.title, b.line);
        chapterLabel = chap.label;
        headings.push({ label: chap.label, title: chap.title, chapter: chap.label });
      } else if (sub && chapter) {
        open(chapter, 'subsection', sub.title, b.line);
        headings.push({ label: sub.label, title: sub.title, chapter: chapterLabel });
      } else if (sectionForHeading(template, h) === introduction && introduction) {
        // Titled as the report words it ("Introduction", "Introducción").
        open(null, introduction.id, h.replace(/:$/, '') || introduction.title, b.line);
      } else {
        const part = open(chapter, chapter ? 'subsection' : 'chapter', h.replace(/:$/, ''), b.line);
        ctx.warn(
          b.line,
          'UNNUMBERED_HEADING',
          { key: 'unnumberedHeading', values: { heading: h, level: chapter ? 'subsection' : 'chapter' } },
          { partId: part.id },
        );
      }
      continue;
    }
    const part: ImportedPart = current ?? open(null, 'introduction', introTitle, b.line);
    if (b.t === 'list' && recs) {
      const block: RecommendationBlock = recs;
      // An item without a recommendation's label ends the block; it and those after it are a list of their own.
      const end = b.items.findIndex((it) => !block.take(it.text, it.line, inline));
      if (end >= 0) {
        flushRecs();
        pending.push({ ...b, items: b.items.slice(end) });
      }
      continue;
    }
    flushRecs();
    if (b.t === 'para' && part.kind === 'introduction' && !ctx.meta.organisers) {
      const orgs = organisersIn(plainInline(b.text));
      if (orgs.length) ctx.meta.organisers = orgs;
    }
    pending.push(b);
  }
  flushPart();

  reportNotes(notes, ctx);
  compareContents(toc, headings, ctx, template);
}

const sectionOf = (template: Template | undefined, id: string) => template?.sections.find((s) => s.id === id);

/** Notes no mark points to, and notes whose text repeats another's. */
function reportNotes(notes: Map<number, PageNote>, ctx: ImportContext): void {
  for (const note of notes.values()) {
    if (!note.used)
      ctx.warn(note.line, 'NOTE_UNANCHORED', { key: 'noteUnanchored.noMark', values: { number: note.n } });
  }
  const texts = new Map<string, number>();
  for (const note of notes.values()) {
    const key = squash(plainInline(note.text)).toLowerCase();
    const first = texts.get(key);
    if (first !== undefined)
      ctx.warn(
        note.line,
        'DUPLICATE_NOTE',
        { key: 'duplicateNote', values: { first, second: note.n } },
        { quote: firstWords(plainInline(note.text)) },
      );
    else texts.set(key, note.n);
  }
}
