/**
 * The body of a .docx as a flat list of paragraphs and tables, each paragraph with the
 * element kind its style names, its list place, its bookmarks and its inline pieces.
 */
import type { OwnStyle } from '../../export/docx/own-marks';
import type { DocxPackage } from './package';
import { attr, child, childrenNamed, descendants, elements, onOff, val, type XmlElement } from './xml';

export interface Format {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  sup?: boolean;
  sub?: boolean;
}
export type Piece =
  | { kind: 'text'; text: string; format: Format; charStyle: OwnStyle | null }
  | { kind: 'tab'; charStyle: OwnStyle | null }
  | { kind: 'break' }
  | { kind: 'page-break' }
  | { kind: 'note'; id: string; endnote: boolean }
  | { kind: 'link'; url: string; pieces: Piece[] }
  | { kind: 'image'; relId: string; alt: string };

export interface Para {
  t: 'p';
  role: OwnStyle | null;
  /** 1..6 for a heading style. */
  heading: number | null;
  list: { numId: string; ilvl: number } | null;
  /** Left indent and hanging indent given on the paragraph (twips), for lists written with their labels. */
  indent: { left: number; hanging: number } | null;
  bookmarks: string[];
  pieces: Piece[];
}
export interface Cell {
  blocks: Block[];
  colSpan: number;
  vMerge: 'restart' | 'continue' | null;
}
export interface Row {
  header: boolean;
  cells: Cell[];
}
export interface Table {
  t: 'table';
  role: OwnStyle | null;
  rows: Row[];
}
/** The contents (a field in a content control), skipped: the export writes it again. */
export interface Toc {
  t: 'toc';
}
export type Block = Para | Table | Toc;

export function readBody(pkg: DocxPackage): Block[] {
  const body = child(pkg.document, 'w:body');
  return body ? blocksOf(body, pkg) : [];
}

function blocksOf(container: XmlElement, pkg: DocxPackage): Block[] {
  const out: Block[] = [];
  for (const el of elements(container)) {
    if (el.name === 'w:p') out.push(paragraph(el, pkg));
    else if (el.name === 'w:tbl') out.push(table(el, pkg));
    else if (el.name === 'w:sdt') {
      const gallery = val(child(child(el, 'w:sdtPr'), 'w:docPartObj'), 'w:docPartGallery');
      if (gallery === 'Table of Contents') out.push({ t: 'toc' });
      else {
        const content = child(el, 'w:sdtContent');
        if (content) out.push(...blocksOf(content, pkg));
      }
    } else if (el.name === 'w:ins' || el.name === 'w:customXml' || el.name === 'w:smartTag')
      out.push(...blocksOf(el, pkg));
  }
  return out;
}

function paragraph(p: XmlElement, pkg: DocxPackage): Para {
  const pPr = child(p, 'w:pPr');
  const styleId = val(pPr, 'w:pStyle');
  const numPr = child(pPr, 'w:numPr');
  const numId = val(numPr, 'w:numId');
  const ind = child(pPr, 'w:ind');
  const bookmarks: string[] = [];
  const pieces = inlinePieces(p, pkg, bookmarks);
  return {
    t: 'p',
    role: styleId ? (pkg.styleRole.get(styleId) ?? null) : null,
    heading: styleId ? (pkg.headingLevel.get(styleId) ?? null) : null,
    // numId 0 takes the numbering away (a heading outside the headings list).
    list: numId && numId !== '0' ? { numId, ilvl: Number(val(numPr, 'w:ilvl') ?? 0) } : null,
    indent: ind
      ? { left: Number(attr(ind, 'w:left') ?? attr(ind, 'w:start') ?? 0), hanging: Number(attr(ind, 'w:hanging') ?? 0) }
      : null,
    bookmarks,
    pieces,
  };
}

/** The inline pieces of a paragraph (or of a hyperlink, a tracked insertion…), in order. */
export function inlinePieces(el: XmlElement, pkg: DocxPackage, bookmarks: string[] = []): Piece[] {
  const out: Piece[] = [];
  for (const c of elements(el)) {
    switch (c.name) {
      case 'w:r':
        out.push(...runPieces(c, pkg));
        break;
      case 'w:bookmarkStart':
        if (c.attrs['w:name']) bookmarks.push(c.attrs['w:name']);
        break;
      case 'w:hyperlink': {
        const rel = c.attrs['r:id'] ? pkg.rels.get(c.attrs['r:id']) : undefined;
        const url = rel?.external ? rel.target : c.attrs['w:anchor'] ? `#${c.attrs['w:anchor']}` : '';
        const inner = inlinePieces(c, pkg, bookmarks);
        if (url) out.push({ kind: 'link', url, pieces: inner });
        else out.push(...inner);
        break;
      }
      // Tracked changes are read as accepted (insertions and moves kept, deletions left out); fields written
      // simply, content controls and smart tags by their content.
      case 'w:ins':
      case 'w:moveTo':
      case 'w:fldSimple':
      case 'w:smartTag':
      case 'w:customXml':
        out.push(...inlinePieces(c, pkg, bookmarks));
        break;
      case 'w:sdt': {
        const content = child(c, 'w:sdtContent');
        if (content) out.push(...inlinePieces(content, pkg, bookmarks));
        break;
      }
      default:
        break;
    }
  }
  return joinRuns(out);
}

/** Word splits text into runs as it edits (a name typed in two goes is two runs): runs of one style and format are one. */
function joinRuns(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (
      p.kind === 'text' &&
      last?.kind === 'text' &&
      last.charStyle === p.charStyle &&
      JSON.stringify(last.format) === JSON.stringify(p.format)
    ) {
      out[out.length - 1] = { ...last, text: last.text + p.text };
    } else out.push(p);
  }
  return out;
}

function runPieces(r: XmlElement, pkg: DocxPackage): Piece[] {
  const rPr = child(r, 'w:rPr');
  const styleId = val(rPr, 'w:rStyle');
  const charStyle = styleId ? (pkg.styleRole.get(styleId) ?? null) : null;
  const format: Format = {};
  if (onOff(rPr, 'w:b')) format.bold = true;
  if (onOff(rPr, 'w:i')) format.italic = true;
  const u = val(rPr, 'w:u');
  if (child(rPr, 'w:u') && u !== 'none') format.underline = true;
  if (onOff(rPr, 'w:strike')) format.strike = true;
  const vert = val(rPr, 'w:vertAlign');
  if (vert === 'superscript') format.sup = true;
  if (vert === 'subscript') format.sub = true;
  const out: Piece[] = [];
  // Inside a field (between its begin and separate marks) the text is the field's code, not content.
  let inCode = false;
  for (const c of elements(r)) {
    switch (c.name) {
      case 'w:t':
        if (!inCode)
          out.push({
            kind: 'text',
            text: c.children.filter((x): x is string => typeof x === 'string').join(''),
            format,
            charStyle,
          });
        break;
      case 'w:tab':
        out.push({ kind: 'tab', charStyle });
        break;
      case 'w:br':
      case 'w:cr':
        out.push(c.attrs['w:type'] === 'page' ? { kind: 'page-break' } : { kind: 'break' });
        break;
      case 'w:noBreakHyphen':
        out.push({ kind: 'text', text: '\u2011', format, charStyle });
        break;
      case 'w:footnoteReference':
        out.push({ kind: 'note', id: c.attrs['w:id'] ?? '', endnote: false });
        break;
      case 'w:endnoteReference':
        out.push({ kind: 'note', id: c.attrs['w:id'] ?? '', endnote: true });
        break;
      case 'w:fldChar':
        inCode = c.attrs['w:fldCharType'] === 'begin';
        break;
      case 'w:drawing': {
        const blip = descendants(c, 'a:blip')[0];
        const docPr = descendants(c, 'wp:docPr')[0];
        const relId = blip?.attrs['r:embed'];
        if (relId) out.push({ kind: 'image', relId, alt: docPr?.attrs.descr ?? docPr?.attrs.title ?? '' });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function table(tbl: XmlElement, pkg: DocxPackage): Table {
  const styleId = val(child(tbl, 'w:tblPr'), 'w:tblStyle');
  const rows: Row[] = childrenNamed(tbl, 'w:tr').map((tr) => {
    const header = onOff(child(tr, 'w:trPr'), 'w:tblHeader') === true;
    const cells = childrenNamed(tr, 'w:tc').map((tc): Cell => {
      const tcPr = child(tc, 'w:tcPr');
      const merge = child(tcPr, 'w:vMerge');
      return {
        blocks: blocksOf(tc, pkg),
        colSpan: Math.max(1, Number(val(tcPr, 'w:gridSpan') ?? 1) || 1),
        vMerge: merge ? (merge.attrs['w:val'] === 'restart' ? 'restart' : 'continue') : null,
      };
    });
    return { header, cells };
  });
  return { t: 'table', role: styleId ? (pkg.styleRole.get(styleId) ?? null) : null, rows };
}

/** Plain text of pieces (notes and images left out; tabs and breaks as spaces unless kept). */
export function plainText(pieces: Piece[], opts: { tabs?: boolean } = {}): string {
  return pieces
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return p.text;
        case 'tab':
          return opts.tabs ? '\t' : ' ';
        case 'break':
          return ' ';
        case 'link':
          return plainText(p.pieces, opts);
        default:
          return '';
      }
    })
    .join('');
}

export const paraText = (b: Block): string =>
  b.t === 'p'
    ? plainText(b.pieces)
    : b.t === 'table'
      ? b.rows.map((r) => r.cells.map((c) => c.blocks.map(paraText).join(' ')).join(' ')).join(' ')
      : '';
