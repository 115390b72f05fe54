/**
 * Proceedings model → the data a Typst house style lays out (see ./types.ts). Pure: no
 * markup is built here, so no user text can ever be read as Typst code.
 */
import type {
  Block,
  HeadingBlock,
  ListBlock,
  ParaBlock,
  Proceedings,
  TableBlock,
  TableCell,
} from '../../compile/model';
import { decodeDataUrl } from '../image';
import { documentTerms, documentTypography } from '../../i18n/document-terms';
import { inlineData, type InlineContext } from './inline';
import { notesInHeadings, referencedNotes } from '../note-targets';
import type {
  TypstBlock,
  TypstCell,
  TypstDocument,
  TypstEndnote,
  TypstInput,
  TypstPara,
  TypstTable,
  TypstWords,
} from './types';

/** The words printed around the user's text, in the conference language. */
export function typstWords(language: string): TypstWords {
  const { page, of, figure, source, notes, organisedBy, draft } = documentTerms(language);
  return { page, of, figure, source, notes, organisedBy, draft };
}

/** The fonts that ship with the app, standing in (metric-compatible) for the fonts templates name. */
export function shippedFont(name: string): 'Liberation Serif' | 'Liberation Sans' {
  return /arial|helvetica|calibri|sans|verdana|tahoma/i.test(name) ? 'Liberation Sans' : 'Liberation Serif';
}

/** "es-CL" → es / cl; anything unexpected → English (Typst would refuse it). */
export function typstLanguage(tag: string): { lang: string; region: string | null } {
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{2}))?\b/i.exec(tag.trim());
  return m ? { lang: m[1]!.toLowerCase(), region: m[2]?.toLowerCase() ?? null } : { lang: 'en', region: null };
}

class DataWriter {
  readonly files: Record<string, Uint8Array> = {};
  /** PDF/UA wants heading levels without gaps: a heading goes at most one level below the last. */
  private lastLevel = 0;
  constructor(
    private readonly ctx: InlineContext,
    private readonly words: TypstWords,
  ) {}

  blocks(blocks: Block[]): TypstBlock[] {
    return blocks.map((b) => this.block(b));
  }

  private block(b: Block): TypstBlock {
    switch (b.kind) {
      case 'heading':
        return this.heading(b);
      case 'para':
        return this.para(b);
      case 'list':
        return this.list(b);
      case 'table':
        return this.table(b);
      case 'quote':
        return {
          k: 'quote',
          variant: b.variant,
          lead: b.lead,
          blocks: this.blocks(b.blocks),
          attribution: b.attribution,
        };
      case 'page-break':
        return { k: 'page-break' };
      case 'toc':
        return { k: 'toc', title: b.title };
      case 'figure': {
        const image = decodeDataUrl(b.src);
        const file = image ? `figures/${b.number}.${image.type}` : undefined;
        if (image && file) this.files[file] = image.bytes;
        return {
          k: 'figure',
          number: b.number,
          caption: b.caption,
          source: b.source,
          alt: b.alt.trim() || b.caption.trim() || `${this.words.figure} ${b.number}`,
          ...(file ? { file } : {}),
        };
      }
    }
  }

  private heading(h: HeadingBlock): TypstBlock {
    const text = inlineData(h.text, this.ctx);
    const level = Math.min(6, Math.max(1, h.level), this.lastLevel + 1);
    this.lastLevel = level;
    return {
      k: 'heading',
      level,
      label: h.label,
      text,
      plain: [h.label, h.plain].filter(Boolean).join(' '),
      anchor: h.anchor,
      inToc: h.inToc,
      newPage: Boolean(h.newPage),
    };
  }

  private para(p: ParaBlock): TypstPara {
    const out: TypstPara = { k: 'para', style: p.style, content: [] };
    let content = p.content;
    const first = content[0];
    // Presentations and comments carry their letter as a first run: it goes in the hanging indent.
    if (
      (p.style === 'presentation' || p.style === 'commentator') &&
      first?.kind === 'text' &&
      first.charStyle === 'block-label'
    ) {
      out.hangingLabel = first.text.trim();
      content = content.slice(1);
    }
    out.content = inlineData(content, this.ctx);
    if (p.number !== undefined) out.number = p.number;
    if (p.keepNext) out.keepNext = true;
    return out;
  }

  private list(l: ListBlock): TypstBlock {
    return {
      k: 'list',
      ordered: l.ordered,
      role: l.role,
      depth: l.depth,
      items: l.items.map((it) => ({ label: it.label, blocks: this.blocks(it.blocks) })),
    };
  }

  private cell(c: TableCell): TypstCell {
    return { blocks: this.blocks(c.blocks), colSpan: Math.max(1, c.colSpan), rowSpan: Math.max(1, c.rowSpan) };
  }

  private table(t: TableBlock): TypstTable {
    const total = t.widths.reduce((a, w) => a + (w > 0 ? w : 0), 0);
    const widths = Array.from({ length: t.columns }, (_, i) =>
      total > 0 ? Math.max(0, t.widths[i] ?? 0) / total : 1 / t.columns,
    );
    return {
      k: 'table',
      role: t.role,
      widths,
      header: t.rows.filter((r) => r.header).map((r) => r.cells.map((c) => this.cell(c))),
      rows: t.rows
        .filter((r) => !r.header)
        .map((r) => ({ cells: r.cells.map((c) => this.cell(c)), group: Boolean(r.group) })),
      ...(t.caption ? { caption: t.caption } : {}),
    };
  }
}

/** Every heading anchor, so internal links can be checked before Typst sees them. */
function anchorsOf(proc: Proceedings): Set<string> {
  const out = new Set<string>();
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'heading') out.add(b.anchor);
      else if (b.kind === 'list') b.items.forEach((i) => walk(i.blocks));
      else if (b.kind === 'quote') walk(b.blocks);
      else if (b.kind === 'table') b.rows.forEach((r) => r.cells.forEach((c) => walk(c.blocks)));
    }
  };
  proc.sections.forEach((s) => walk(s.blocks));
  return out;
}

export function typstInput(proc: Proceedings): TypstInput {
  const endnotes: TypstEndnote[] = [];
  const words = typstWords(proc.language);
  const typography = (text: string) => documentTypography(text, proc.language, true);
  const referenced = referencedNotes(proc.sections);
  const writer = new DataWriter(
    {
      anchors: anchorsOf(proc),
      typography,
      referencedNotes: referenced,
      notesInHeadings: notesInHeadings(proc.sections, referenced),
      ...(proc.noteMode === 'endnotes' ? { endnotes } : {}),
    },
    words,
  );
  const s = proc.style;
  const { lang, region } = typstLanguage(proc.language);
  const data: TypstDocument = {
    title: proc.cover.title.trim() || proc.cover.symbol.trim() || 'Proceedings',
    lang,
    region,
    runningHead: proc.runningHeader,
    keywords: [proc.cover.symbol, proc.cover.series].filter((k) => k.trim()),
    author: proc.cover.issuingBodies.length ? proc.cover.issuingBodies : proc.cover.organisers,
    templateId: proc.templateId,
    style: {
      bodyFont: shippedFont(s.bodyFont),
      headingFont: shippedFont(s.headingFont),
      bodySize: s.bodySizePt,
      headingSizes: s.headingSizesPt,
      lineSpacing: s.lineSpacing,
      paragraphSpacing: s.paragraphSpacingPt,
      paper: s.pageSize === 'Letter' ? 'us-letter' : 'a4',
    },
    noteMode: proc.noteMode,
    endnotes,
    watermark: proc.watermark,
    cover: proc.cover,
    sections: proc.sections.map((sec) => ({
      landscape: sec.orientation === 'landscape',
      restartNotes: Boolean(sec.restartNotes),
      blocks: writer.blocks(sec.blocks),
    })),
    words,
  };
  return { data, files: writer.files };
}
