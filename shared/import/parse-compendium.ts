/**
 * Best-practices compendiums (seed 001): a cover, a dotted contents page, an untitled
 * foreword, an executive summary with one digest per theme, thematic chapters with
 * "Best Practice: <case>" sub-sections, an appendix. Heading marks (#, ##, ###) are
 * unreliable between siblings, so the level comes from what the heading says.
 */
import type { DocNode } from '../model/doc-nodes';
import { noteFromMarkup, plainInline } from './inline';
import { paragraph, text } from './nodes';
import { blocksToNodes } from './block-nodes';
import { type Block, readMarkdown, warnTooDeep } from './markdown-blocks';
import { type ImportContext, type ImportedPart, setDoc } from './result';
import type { SourceLine } from './source';
import { parseDateRange, titleCase } from './util';

/** "MIGRATION – BEST PRACTICES" → "MIGRATION" (trimmed step by step: one pattern of \\s* around an optional dash is polynomial). */
function stripTheme(s: string): string {
  const t = s.trimEnd();
  const m = /BEST PRACTICES?$/i.exec(t);
  if (!m) return t.trim();
  const before = t.slice(0, m.index).trimEnd();
  return (/[-–—]$/.test(before) ? before.slice(0, -1) : before).trim();
}
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function parseCompendium(lines: SourceLine[], ctx: ImportContext): void {
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
  while (i < blocks.length && blocks[i]!.t !== 'toc' && !isSectionHeading(blocks[i]!)) cover.push(blocks[i++]!);
  readCover(cover, ctx);
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
      if (b.t === 'para' && /attached spreadsheet|annexed hereto|see annex/i.test(b.text)) {
        ctx.warn(b.line, 'ANNEX_ABSENT', { key: 'annexAbsent.attachment' }, { partId: current.id });
      }
      pending.push(b);
      continue;
    }
    const title = plainInline(b.text);
    headings.push({ title, line: b.line });
    flush();
    if (/^EXECUTIVE SUMMARY$/i.test(title)) {
      summary = current = ctx.part(null, 'executive-summary', 'Executive summary', b.line);
      chapter = null;
      continue;
    }
    if (/^INTRODUCTION$/i.test(title)) {
      summary = null;
      chapter = null;
      current = ctx.part(null, 'introduction', 'Introduction', b.line);
      continue;
    }
    const appendix = title.match(/^APPENDIX(?:\s*[:.-])?\s*(\S.*|)$/i);
    if (appendix) {
      chapter = null;
      summary = null;
      current = ctx.part(null, 'appendix', titleCase(appendix[1]!.trim()) || 'Appendix', b.line);
      continue;
    }
    if (summary) {
      current = ctx.part(summary, 'theme-digest', stripTheme(title), b.line);
      continue;
    }
    const kase = title.match(/^Best Practices?\s*:\s*(\S.*|)$/i);
    if (kase && chapter) {
      current = ctx.part(chapter, 'case', kase[1]!.trim(), b.line);
      continue;
    }
    if (kase) ctx.warn(b.line, 'CASE_OUTSIDE_CHAPTER', { key: 'caseOutsideChapter', values: { title } });
    chapter = current = ctx.part(null, 'chapter', titleCase(stripTheme(title)), b.line);
  }
  flush();
  compareToc(toc, headings, ctx);
}

function isSectionHeading(b: Block): boolean {
  return (
    b.t === 'heading' && /^(EXECUTIVE SUMMARY|INTRODUCTION|CONTENTS|TABLE OF CONTENTS)$/i.test(plainInline(b.text))
  );
}

function readCover(cover: Block[], ctx: ImportContext): void {
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
    const org = text.match(/^Organi[sz]ed by\s+(\S.*)$/i);
    if (org) {
      const coop = org[1]!.search(/\sWith the cooperation of\s/i);
      const by = (coop < 0 ? org[1]! : org[1]!.slice(0, coop)).trim();
      ctx.meta.organisers = [by];
      ctx.meta.issuingBodies = [by];
      // Cooperating institutions have no field of their own: they stay a cover line.
      if (coop >= 0) dropped.push(org[1]!.slice(coop).trim());
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
): void {
  // Only real disagreements: "X - BEST PRACTICES" against "X", or "Best Practice: Y" against "Y", is the same entry.
  const key = (s: string) => norm(stripTheme(s).replace(/^Best Practices?\s*:\s*/i, ''));
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
