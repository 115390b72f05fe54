/**
 * Page numbers for the Word contents, estimated from the proceedings model in
 * milliseconds: each block's height from its characters, the house style's font sizes
 * and spacing, and the page's text area; page breaks, new-page headings and sections as
 * the DOCX writer makes them. docx/layout lays the whole document out as Word would and
 * takes seconds (about 8 s on the largest sample); this estimate is checked against
 * LibreOffice's own pages in electron/node/export/docx-readers.test.ts.
 */
import type { PageNumberEstimator } from 'docx';
import type { Block, Inline, Proceedings } from '../../compile/model';
import { decodeDataUrl, fitInto } from '../image';

/** Average advance of a character of running text, in ems, spaces included: serif faces (Times, Liberation Serif) and sans (Arial, Liberation Sans). Calibrated on the samples against LibreOffice. */
const charEm = (font: string): number =>
  /sans|arial|helvetica|calibri|verdana|tahoma|segoe/i.test(font) ? 0.47 : 0.41;
/** Bold text is wider than regular by about this much (Liberation Sans and Serif Bold). */
const BOLD = 1.08;
/** Line height of "single" spacing, in ems (Liberation Serif's ascent + descent + gap). */
const LINE_EM = 1.15;
/** Space a footnote takes beyond its lines (separator and gap), in points. */
const NOTE_GAP = 4;

export interface PageGeometry {
  widthPt: number;
  heightPt: number;
}

interface Box {
  width: number;
  size: number;
  lineFactor: number;
  after: number;
}

export function estimateHeadingPages(
  proc: Proceedings,
  portrait: PageGeometry,
): { pages: Map<string, number>; pageCount: number } {
  const s = proc.style;
  const CHAR_EM = charEm(s.bodyFont);
  const HEADING_EM = charEm(s.headingFont) * BOLD;
  const pages = new Map<string, number>();
  let page = 1;
  let used = 0;
  let geo = portrait;
  const body: Box = {
    width: portrait.widthPt,
    size: s.bodySizePt,
    lineFactor: s.lineSpacing,
    after: s.paragraphSpacingPt,
  };

  const newPage = () => {
    page += 1;
    used = 0;
  };
  const room = () => geo.heightPt - used;
  const lineHeight = (b: Box) => b.size * LINE_EM * b.lineFactor;
  const linesOf = (chars: number, b: Box, em = CHAR_EM) =>
    Math.max(1, Math.ceil((chars * b.size * em) / Math.max(40, b.width)));
  // A note takes its lines at the foot of the page, and a little space between notes.
  const notes = (content: Inline[]) =>
    content
      .filter((r) => r.kind === 'note')
      .reduce(
        (h, r) =>
          h +
          NOTE_GAP +
          linesOf((r as { text: string }).text.length + 3, { ...body, size: s.bodySizePt - 2, lineFactor: 1 }) *
            (s.bodySizePt - 2) *
            LINE_EM,
        0,
      );
  const charsOf = (content: Inline[]) =>
    content.reduce(
      (n, r) =>
        n +
        (r.kind === 'text'
          ? r.text.length
          : r.kind === 'link'
            ? r.children.reduce((m, c) => m + c.text.length, 0)
            : r.kind === 'break'
              ? 60
              : 1),
      0,
    );

  /** Flows `lines` lines of height `lh` onto the pages (a paragraph splits between pages), then spacing after. */
  const flow = (lines: number, lh: number, after: number, extra = 0) => {
    let left = lines;
    while (left > 0) {
      const fit = Math.floor((room() - extra) / lh);
      if (fit >= left || (fit >= 2 && left - fit >= 2) || fit >= left - 1) {
        const n = Math.min(fit, left);
        if (n <= 0) {
          newPage();
          continue;
        }
        used += n * lh;
        left -= n;
        extra = 0;
        if (left > 0) newPage();
      } else newPage();
    }
    used = Math.min(geo.heightPt, used + after);
  };

  /** Height of blocks laid out in a box, without placing them (table cells). */
  const measure = (blocks: Block[], b: Box): number =>
    blocks.reduce((h, bl) => {
      if (bl.kind === 'para') return h + linesOf(charsOf(bl.content), b) * lineHeight(b) + b.after;
      if (bl.kind === 'list')
        return h + bl.items.reduce((m, it) => m + measure(it.blocks, { ...b, width: b.width - 28 }), 0);
      if (bl.kind === 'table') return h + bl.rows.length * 2 * lineHeight(b);
      return h + lineHeight(b);
    }, 0);

  const place = (blocks: Block[], b: Box): void => {
    for (const bl of blocks) {
      switch (bl.kind) {
        case 'heading': {
          if (bl.newPage && used > 0) newPage();
          const size = s.headingSizesPt[Math.min(bl.level - 1, s.headingSizesPt.length - 1)] ?? s.bodySizePt;
          const before = used === 0 ? 0 : bl.level === 1 ? 18 : 12;
          const h: Box = { ...b, size: size * 1.08, lineFactor: 1 };
          // headings are set bold in the heading face (often a sans, wider than the body's serif)
          const lines = linesOf(bl.label.length + 1 + bl.plain.length, h, HEADING_EM);
          // keep with next: the heading and two lines of what follows on one page
          if (room() < before + lines * lineHeight(h) + 6 + 2 * lineHeight(b)) newPage();
          else used += before;
          pages.set(bl.anchor, page);
          flow(lines, lineHeight(h), 6);
          break;
        }
        case 'para': {
          const indent =
            bl.style === 'presentation' || bl.style === 'commentator' || bl.number !== undefined
              ? 28
              : bl.style === 'quote' || bl.style === 'statement'
                ? 85
                : 0;
          const box = { ...b, width: b.width - indent };
          const before = bl.style === 'presentation' ? 12 : 0;
          used += used > 0 ? before : 0;
          flow(
            linesOf(charsOf(bl.content), box),
            lineHeight(box),
            bl.style === 'moderator' ? 12 : b.after,
            notes(bl.content),
          );
          used = Math.min(geo.heightPt, used + notes(bl.content));
          break;
        }
        case 'list':
          for (const it of bl.items)
            place(
              it.blocks.map((x) => (x.kind === 'para' ? { ...x, style: 'list-item' as const } : x)),
              { ...b, width: b.width - 28 * (bl.depth + 1), after: 3 },
            );
          break;
        case 'quote':
          if (bl.lead) flow(1, lineHeight(b), 0);
          place(bl.blocks, { ...b, width: b.width - 85 });
          if (bl.attribution) flow(1, lineHeight(b), 12);
          break;
        case 'table': {
          const total = bl.widths.reduce((a, w) => a + w, 0) || 1;
          const cell: Box = { width: 0, size: s.bodySizePt - 1, lineFactor: 1, after: 0 };
          const rowHeight = (row: (typeof bl.rows)[number]) => {
            let col = 0;
            let h = 0;
            for (const c of row.cells) {
              const w = (bl.widths.slice(col, col + c.colSpan).reduce((a, x) => a + x, 0) / total) * b.width - 8;
              col += c.colSpan;
              h = Math.max(h, measure(c.blocks, { ...cell, width: w }));
            }
            return h + 6; // cell padding and borders
          };
          // Header rows are repeated at the top of every page the table runs onto.
          const header = bl.rows.filter((r) => r.header).reduce((h, r) => h + rowHeight(r), 0);
          for (const row of bl.rows) {
            const h = rowHeight(row);
            if (h > room()) {
              newPage();
              if (!row.header) used += header;
            }
            used += h;
          }
          break;
        }
        case 'figure': {
          const img = decodeDataUrl(bl.src);
          const size = img ? fitInto(img.width, img.height, 450, 350) : { height: 0 };
          flow(bl.caption ? 2 : 1, lineHeight(b), 0);
          if (size.height * 0.75 > room()) newPage();
          used += size.height * 0.75;
          if (bl.source) flow(1, lineHeight(b), 12);
          break;
        }
        case 'page-break':
          newPage();
          break;
        case 'toc':
          flow(1, lineHeight({ ...b, size: s.headingSizesPt[0] ?? s.bodySizePt }), 12);
          flow(
            proc.sections.reduce((n, sec) => n + sec.blocks.filter((x) => x.kind === 'heading' && x.inToc).length, 0),
            lineHeight({ ...b, lineFactor: 1 }),
            0,
          );
          newPage();
          break;
      }
    }
  };

  proc.sections.forEach((section, i) => {
    geo = section.orientation === 'landscape' ? { widthPt: portrait.heightPt, heightPt: portrait.widthPt } : portrait;
    const box = { ...body, width: geo.widthPt };
    if (i === 0)
      newPage(); // the cover, then a page break
    else if (!section.restartNotes) {
      if (used > 0) newPage();
    } // a section that starts on a new page
    place(section.blocks, box);
  });
  return { pages, pageCount: page };
}

/**
 * The estimate as docx's page-number hook: docx bookmarks each heading for the contents
 * (_Toc…) right before our own bookmark (the heading's anchor), so each _Toc takes the
 * page of the anchor that follows it.
 */
export function modelPageNumbers(
  proc: Proceedings,
  portrait: PageGeometry,
  listed: ReadonlyMap<string, string> = new Map(),
): PageNumberEstimator {
  const { pages, pageCount } = estimateHeadingPages(proc, portrait);
  // The numbers of headings numbered by Word's list, for their entries in the contents ("B. Trafficking…").
  const listNumbers = (body: unknown) => {
    const ordered = collectBookmarks(body);
    const out = new Map<string, { text: string; separator: 'space'; width: number }>();
    ordered.forEach((name, i) => {
      const label = listed.get(name);
      if (label === undefined) return;
      const entry = { text: label, separator: 'space' as const, width: label.length * 120 };
      out.set(name, entry);
      for (let j = i - 1; j >= 0 && ordered[j]!.startsWith('_Toc'); j--) out.set(ordered[j]!, entry);
    });
    return out;
  };
  const estimator = (body: unknown) => {
    const ordered = collectBookmarks(body);
    const bookmarks = new Map<string, string>();
    for (let i = 0; i < ordered.length; i++) {
      const name = ordered[i]!;
      const page = pages.get(name);
      if (page !== undefined) {
        bookmarks.set(name, String(page));
        for (let j = i - 1; j >= 0 && ordered[j]!.startsWith('_Toc'); j--) bookmarks.set(ordered[j]!, String(page));
      }
    }
    return { bookmarks, pageCount };
  };
  return Object.assign(estimator, { listNumbers }) as unknown as PageNumberEstimator;
}

/** Bookmark names of an XML object tree in document order (iterative). */
function collectBookmarks(body: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [body];
  while (stack.length) {
    const o = stack.pop();
    if (Array.isArray(o)) {
      for (let i = o.length - 1; i >= 0; i--) stack.push(o[i]);
      continue;
    }
    if (!o || typeof o !== 'object') continue;
    const entries = Object.entries(o as Record<string, unknown>);
    // Push in reverse so the first key is visited first; a bookmark is recorded when reached.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i]!;
      if (k === '_attr') continue;
      if (k === 'w:bookmarkStart')
        stack.push({ __bookmark: (v as { _attr?: { 'w:name'?: string } })._attr?.['w:name'] });
      else stack.push(v);
    }
    const mark = (o as { __bookmark?: string }).__bookmark;
    if (mark) out.push(mark);
  }
  return out;
}
