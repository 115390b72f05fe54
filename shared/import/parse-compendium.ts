/**
 * Best-practices compendiums (seed 001): a cover, a dotted contents page, an untitled
 * foreword, an executive summary with one digest per theme, thematic chapters with
 * "Best Practice: <case>" sub-sections, an appendix. Heading marks (#, ##, ###) are
 * unreliable between siblings, so the level comes from what the heading says.
 */
import type { DocNode } from '../model/doc-nodes';
import type { Template, TemplateSection } from '../templates/schema';
import { noteFromMarkup, plainInline } from './inline';
import { paragraph, text } from './nodes';
import { blocksToNodes } from './block-nodes';
import { type Block, readMarkdown, warnTooDeep } from './markdown-blocks';
import { type ImportContext, type ImportedPart, setDoc } from './result';
import type { SourceLine } from './source';
import { mentionsPhrase, openingPhrase, phraseInside, sectionForHeading, withoutClosingPhrase } from './template-rules';
import { parseDateRange, titleCase } from './util';

/**
 * The genre's words, from its template (best-practices-compendium.json): the headings that
 * open its sections, the "– Best Practices" closing a theme's heading, the cover's credits.
 */
class Vocabulary {
  constructor(private readonly template: Template | undefined) {}
  /** The top-level section a heading opens ("EXECUTIVE SUMMARY", "APPENDIX: …"), and the title after its words. */
  topSection(heading: string): { section: TemplateSection; rest: string } | undefined {
    const section = sectionForHeading(this.template, heading);
    if (!section || !this.template?.sections.includes(section)) return undefined;
    return { section, rest: openingPhrase(heading, section.sourceHeadings)?.rest ?? '' };
  }
  /** "Best Practice: Canadian Guest Workers" → "Canadian Guest Workers" (the case section's words, then a colon). */
  caseTitle(heading: string): string | undefined {
    const section = this.template?.sections.flatMap((s) => s.children).find((s) => s.id === 'case');
    const open = openingPhrase(heading, section?.sourceHeadings);
    return open && /^\s*:/.test(open.after) ? open.rest : undefined;
  }
  /** "MIGRATION – BEST PRACTICES" → "MIGRATION". */
  theme(heading: string): string {
    return withoutClosingPhrase(heading, this.template?.reading?.titleSuffixes);
  }
  get reading() {
    return this.template?.reading ?? {};
  }
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function parseCompendium(lines: SourceLine[], ctx: ImportContext, template?: Template): void {
  const words = new Vocabulary(template);
  const { blocks, notes, tooDeep } = readMarkdown(lines);
  if (tooDeep !== null) warnTooDeep(ctx, tooDeep);
  const anchors = (label: string): DocNode | null => {
    const x = notes.get(label);
    return x ? noteFromMarkup(x.text) : null;
  };
  const inline = { anchors };

  // Cover: everything before the contents (or before the first "real" section).
  let i = 0;
  const cover: Block[] = [];
  const opensSection = (b: Block) => b.t === 'heading' && words.topSection(plainInline(b.text)) !== undefined;
  while (i < blocks.length && blocks[i]!.t !== 'toc' && !opensSection(blocks[i]!)) cover.push(blocks[i++]!);
  readCover(cover, ctx, words);
  const toc: { text: string; line: number }[] = [];
  while (i < blocks.length && blocks[i]!.t === 'toc') {
    const b = blocks[i++]!;
    toc.push({ text: plainInline(b.t === 'toc' ? b.text.split('\t')[0]!.replace(/\.{3,}/, '') : ''), line: b.line });
  }

  let current: ImportedPart | null = null;
  let chapter: ImportedPart | null = null;
  let summary: ImportedPart | null = null;
  let pending: Block[] = [];
  const headings: { title: string; line: number }[] = [];
  const flush = () => {
    if (current)
      setDoc(
        current,
        blocksToNodes(pending, inline, () => 1),
      );
    pending = [];
  };

  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.t !== 'heading') {
      if (!current) current = ctx.part(null, 'foreword', 'About this report', b.line);
      if (b.t === 'para' && mentionsPhrase(plainInline(b.text), words.reading.attachmentMentions)) {
        ctx.warn(b.line, 'ANNEX_ABSENT', { key: 'annexAbsent.attachment' }, { partId: current.id });
      }
      pending.push(b);
      continue;
    }
    const title = plainInline(b.text);
    headings.push({ title, line: b.line });
    flush();
    const top = words.topSection(title);
    const opened = top && ['executive-summary', 'introduction', 'appendix'].includes(top.section.id) ? top : null;
    if (opened) {
      chapter = null;
      // The appendix keeps the title after its word ("APPENDIX: 1998 SOA PLAN …"); the others take the template's.
      current = ctx.part(null, opened.section.id, titleCase(opened.rest) || opened.section.title, b.line);
      summary = opened.section.id === 'executive-summary' ? current : null;
      continue;
    }
    if (summary) {
      current = ctx.part(summary, 'theme-digest', words.theme(title), b.line);
      continue;
    }
    const kase = words.caseTitle(title);
    if (kase !== undefined && chapter) {
      current = ctx.part(chapter, 'case', kase, b.line);
      continue;
    }
    if (kase !== undefined) ctx.warn(b.line, 'CASE_OUTSIDE_CHAPTER', { key: 'caseOutsideChapter', values: { title } });
    chapter = current = ctx.part(null, 'chapter', titleCase(words.theme(title)), b.line);
  }
  flush();
  compareToc(toc, headings, ctx, words);
}

function readCover(cover: Block[], ctx: ImportContext, words: Vocabulary): void {
  const dropped: string[] = [];
  for (const b of cover) {
    if (b.t === 'list' || b.t === 'table') continue;
    const text = plainInline(b.text);
    if (b.t === 'heading' && !ctx.meta.title) {
      ctx.meta.title = text;
      continue;
    }
    if (b.t === 'heading' && !ctx.meta.subtitle) {
      ctx.meta.subtitle = text;
      continue;
    }
    const org = openingPhrase(text, words.reading.organiserLines);
    if (org?.rest) {
      const credit = phraseInside(org.rest, words.reading.creditLines);
      const by = (credit < 0 ? org.rest : org.rest.slice(0, credit)).trim();
      ctx.meta.organisers = [by];
      ctx.meta.issuingBodies = [by];
      // Cooperating institutions have no field of their own: they stay a cover line.
      if (credit >= 0) dropped.push(org.rest.slice(credit).trim());
      continue;
    }
    const dates = parseDateRange(text);
    if (dates) {
      Object.assign(ctx.meta, dates);
      const place = text.split(',')[0]!.trim();
      const m = place.match(/\sde\s+(Chile|Colombia|Cuba)$/);
      if (m) {
        ctx.meta.city = place;
        ctx.meta.country = m[1]!;
      } else ctx.meta.city = place;
      continue;
    }
    dropped.push(text);
  }
  // Cover lines the details have no field for (auspices, cooperating institutions) stay cover lines, in the title block.
  if (dropped.length)
    ctx.part(
      null,
      'title-block',
      ctx.meta.subtitle || 'Title block',
      cover[0]?.line ?? null,
      dropped.map((d) => paragraph([text(d)])),
    );
}

function compareToc(
  toc: { text: string; line: number }[],
  headings: { title: string; line: number }[],
  ctx: ImportContext,
  words: Vocabulary,
): void {
  // Only real disagreements: "X - BEST PRACTICES" against "X", or "Best Practice: Y" against "Y", is the same entry.
  const key = (s: string) => norm(words.theme(words.caseTitle(s) ?? s));
  const bodies = new Set(headings.map((h) => key(h.title)));
  for (const e of toc) {
    if (/:$/.test(e.text) || !e.text) continue;
    if (!bodies.has(key(e.text)))
      ctx.warn(e.line, 'TOC_MISMATCH', {
        key: 'tocMismatch.noMatchingHeading',
        values: { entry: e.text },
      });
  }
}
