/**
 * Any other markdown, plain text or .docx: headings become parts of the chosen
 * template (a heading named like a section becomes that section; others become
 * instances of its repeatable group), lists, tables and footnotes are kept. Levels
 * come from the numbering labels when the headings have them ("1." > "a." > "i."),
 * else from the heading marks.
 */
import type { DocNode } from '../model/doc-nodes';
import { findSection, type Template, type TemplateSection } from '../templates/schema';
import { blocksToNodes } from './block-nodes';
import { noteFromMarkup, plainInline } from './inline';
import { type Block, readMarkdown, warnTooDeep } from './markdown-blocks';
import { type ImportContext, type ImportedPart, setDoc } from './result';
import type { SourceLine } from './source';

const LABEL = /^((?:\d+\.)+\d*|[A-Z]\.|[IVXLC]+\.|[a-z]\.|[ivx]+\.|\([a-z]\)|\([ivx]+\)|\d+\))\s+(\S.*|)$/;

function labelClass(label: string): string {
  if (/^\d+\.\d/.test(label)) return `dotted${label.split('.').filter(Boolean).length}`;
  if (/^\d/.test(label)) return 'decimal';
  if (/^[IVXLC]+\.$/.test(label) && label !== 'C.') return 'upper-roman';
  if (/^[A-Z]\.$/.test(label)) return 'upper-alpha';
  if (/^\(?[ivx]+[.)]$/.test(label) && label.length > 2) return 'lower-roman';
  return 'lower-alpha';
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function parseGeneric(lines: SourceLine[], ctx: ImportContext, template: Template | undefined): void {
  const { blocks, notes, tooDeep } = readMarkdown(lines);
  if (tooDeep !== null) warnTooDeep(ctx, tooDeep);
  const used = new Set<string>();
  const anchors = (id: string): DocNode | null => {
    const n = notes.get(id);
    if (!n) return null;
    used.add(id);
    return noteFromMarkup(n.text);
  };
  const inline = { anchors };
  const sections = (template?.sections ?? []).filter((s) => !s.generated);
  const group = sections.find((s) => s.repeatable) ?? sections[0];
  const topKind = group?.id ?? 'chapter';
  const childKind = (kind: string): TemplateSection | undefined =>
    findSection(template?.sections ?? [], kind)?.children.find((c) => c.repeatable && !c.generated);

  const headings = blocks.filter((b): b is Block & { t: 'heading' } => b.t === 'heading');
  // A single first-level heading at the very top is the document's title.
  let start = 0;
  const first0 = blocks[0];
  if (first0?.t === 'heading' && headings.filter((h) => h.level === first0.level).length === 1) {
    ctx.meta.title = plainInline((blocks[0] as { text: string }).text);
    start = 1;
  }
  const classes: string[] = [];
  // Once, not per heading (that was quadratic: 10,000 headings took seconds here alone).
  const minLevel = headings.slice(start ? 1 : 0).reduce((m, x) => Math.min(m, x.level), Infinity);
  const levelOf = (h: Block & { t: 'heading' }): { level: number; title: string } => {
    const text = plainInline(h.text);
    const m = text.match(LABEL);
    if (m) {
      const c = labelClass(m[1]!);
      if (!classes.includes(c)) classes.push(c);
      return { level: classes.indexOf(c) + 1, title: m[2]!.trim() };
    }
    return { level: h.level - minLevel + 1, title: text };
  };

  let top: ImportedPart | null = null;
  let current: ImportedPart | null = null;
  let pending: Block[] = [];
  const flush = () => {
    if (current)
      setDoc(
        current,
        blocksToNodes(pending, inline, (b) => (b as { docLevel?: number }).docLevel ?? 1),
      );
    pending = [];
  };
  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.t !== 'heading') {
      if (!current) {
        const first = sections[0];
        current = top = ctx.part(null, first?.id ?? topKind, first?.title ?? 'Introduction', b.line);
      }
      pending.push(b);
      continue;
    }
    const { level, title } = levelOf(b);
    if (level === 1) {
      flush();
      const named = sections.find((s) => !s.repeatable && norm(s.title) === norm(title.replace(/:$/, '')));
      current = top = ctx.part(null, named?.id ?? topKind, title.replace(/:$/, ''), b.line);
      continue;
    }
    const child = top ? childKind(top.kind) : undefined;
    if (level === 2 && top && child) {
      flush();
      current = ctx.part(top, child.id, title, b.line);
      continue;
    }
    if (!current) current = top = ctx.part(null, topKind, title, b.line);
    else pending.push({ ...b, text: title, docLevel: Math.max(1, level - (child ? 2 : 1)) } as Block);
  }
  flush();
  for (const [id, n] of notes)
    if (!used.has(id))
      ctx.warn(n.line, 'NOTE_UNANCHORED', {
        key: 'noteUnanchored.noReference',
        values: { number: id },
      });
  for (const b of blocks)
    if (b.t === 'toc') {
      ctx.warn(b.line, 'TOC_SKIPPED', { key: 'tocSkipped' });
      break;
    }
}
