/**
 * A part's paragraphs and tables, read by their styles, → the part's document nodes:
 * each element kind comes back from the style the exporter gave it.
 */
import { listFormat, type ListRole } from '../../elements/list';
import type { OwnStyle } from '../../export/docx/own-marks';
import type { DocNode, NumberFormat, TableCellJSON, TableRowJSON } from '../../model/doc-nodes';
import type { Template } from '../../templates/schema';
import { formatOfMarker } from '../block-nodes';
import {
  commentator,
  delegationStatement,
  epigraph,
  heading,
  list,
  moderator,
  paragraph,
  presentation,
  quote,
  runIn,
  type ListItemInput,
} from '../nodes';
import { romanValue } from '../util';
import { type Block, type Para, type Piece, plainText, type Table } from './body';
import { hasContent, inlineNodes, type InlineReader, trimNodes } from './inline';

export interface BlockReader extends InlineReader {
  template: Template;
  /** A person's id by the name as the export prints it (honorific and name), if the registry has them. */
  personId(displayName: string): string | null;
  /** The longest registry name (as printed) a text starts with, followed by a comma or its end. */
  personStarting(text: string): string | null;
  /** Images as data URLs, by relationship id. */
  image(relId: string): string;
  /** "Statement by the delegation of" as the export writes it. */
  statementLead: string;
}

const LIST_ROLES: Partial<Record<OwnStyle, ListRole>> = {
  listItem: 'plain',
  highlights: 'highlights',
  recommendation: 'recommendations',
  conclusion: 'conclusions',
};
const isList = (b: Block | undefined): boolean => b?.t === 'p' && b.role !== null && b.role in LIST_ROLES;
const textOf = (p: Piece): string => (p.kind === 'text' ? p.text : '');
const onlyPageBreak = (p: Para) => p.pieces.some((x) => x.kind === 'page-break') && !plainText(p.pieces).trim();
/** Indent of one list level in the export (styles.ts levelIndent). */
const LEVEL_TWIPS = 567;

/** Document nodes of a part whose heading is at outline level `partLevel`. */
export function convertBlocks(blocks: Block[], partLevel: number, r: BlockReader): DocNode[] {
  const out: DocNode[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.t === 'toc') continue;
    if (b.t === 'table') {
      out.push(tableNode(b, partLevel, r));
      continue;
    }
    if (b.heading) {
      out.push(
        heading(
          Math.max(1, b.heading - partLevel),
          trimNodes(
            inlineNodes(
              b.pieces.filter((x) => !(x.kind === 'text' && x.charStyle === 'headingLabel')),
              r,
            ),
          ),
        ),
      );
      continue;
    }
    if (isList(b)) {
      const end = listEnd(blocks, i);
      out.push(...lists(blocks.slice(i, end) as Para[], r));
      i = end - 1;
      continue;
    }
    switch (b.role) {
      case 'presentation':
      case 'commentator':
      case 'moderator':
        out.push(attributed(b, r));
        break;
      case 'runIn': {
        const label = b.pieces
          .filter((x) => x.kind === 'text' && x.charStyle === 'runInLabel')
          .map(textOf)
          .join('')
          .trim();
        out.push(
          runIn(
            label,
            trimNodes(
              inlineNodes(
                b.pieces.filter((x) => !(x.kind === 'text' && x.charStyle === 'runInLabel')),
                r,
              ),
            ),
          ),
        );
        break;
      }
      case 'epigraph': {
        const next = blocks[i + 1];
        const attribution =
          next?.t === 'p' && next.role === 'attribution'
            ? plainText(next.pieces)
                .replace(/^\s*—\s*/, '')
                .trim()
            : '';
        if (attribution) i++;
        out.push(epigraph(trimNodes(inlineNodes(b.pieces, r)), attribution));
        break;
      }
      case 'quote':
        out.push(quote(trimNodes(inlineNodes(b.pieces, r))));
        break;
      case 'statementHeading':
      case 'statement': {
        const lead = b.role === 'statementHeading' ? plainText(b.pieces).trim() : '';
        const delegation = lead.startsWith(r.statementLead) ? lead.slice(r.statementLead.length).trim() : lead;
        let j = b.role === 'statementHeading' ? i + 1 : i;
        const paras: Para[] = [];
        for (; blocks[j]?.t === 'p' && (blocks[j] as Para).role === 'statement'; j++) paras.push(blocks[j] as Para);
        i = j - 1;
        const kids =
          paras.length === 1
            ? trimNodes(inlineNodes(paras[0]!.pieces, r))
            : paras.map((p) => paragraph(trimNodes(inlineNodes(p.pieces, r))));
        out.push(delegationStatement(delegation, kids));
        break;
      }
      case 'caption': {
        // "Figure 3", a line break, the caption; then the image and the source, when there are.
        const cut = b.pieces.findIndex((x) => x.kind === 'break');
        const caption = cut < 0 ? '' : plainText(b.pieces.slice(cut + 1)).trim();
        let src = '';
        let alt = caption;
        let source = '';
        const img = blocks[i + 1];
        const image = img?.t === 'p' ? img.pieces.find((x) => x.kind === 'image') : undefined;
        if (image?.kind === 'image') {
          src = r.image(image.relId);
          alt = image.alt || caption;
          i++;
        }
        const src2 = blocks[i + 1];
        if (src2?.t === 'p' && src2.role === 'figureSource') {
          source = plainText(src2.pieces.filter((x) => !(x.kind === 'text' && x.charStyle === 'sourceLabel'))).trim();
          i++;
        }
        out.push({ type: 'figure', src, caption, source, alt, version: 1 });
        break;
      }
      case 'tableSpacer':
      case 'attribution':
      case 'tocHeading':
        break;
      default: {
        if (onlyPageBreak(b)) {
          out.push({ type: 'page-break', version: 1 });
          break;
        }
        const kids = trimNodes(inlineNodes(b.pieces, r));
        if (hasContent(kids)) out.push(paragraph(kids));
      }
    }
  }
  return out;
}

// ---- attributed blocks ------------------------------------------------------------------

const NAME_STYLES = new Set<OwnStyle | null>(['speakerName', 'moderatorName']);
const isName = (p: Piece | undefined) => p?.kind === 'text' && NAME_STYLES.has(p.charStyle);

/** Presentation, commentator and moderator lines: the label, the names (registry people), the rest. */
function attributed(b: Para, r: BlockReader): DocNode {
  const type = b.role as 'presentation' | 'commentator' | 'moderator';
  const pieces = b.pieces.filter(
    (p) =>
      !((p.kind === 'text' || p.kind === 'tab') && (p.charStyle === 'blockLabel' || p.charStyle === 'moderatorLabel')),
  );
  const names: string[] = [];
  const lead: Piece[] = [];
  let k = 0;
  while (k < pieces.length) {
    const p = pieces[k]!;
    if (isName(p)) {
      names.push(textOf(p).trim());
      k++;
      continue;
    }
    if (p.kind === 'note' && names.length) {
      lead.push(p);
      k++;
      continue;
    }
    // ", " and " and " between two names.
    if (names.length && p.kind === 'text' && /^(?:,\s*|\s+and\s+)$/.test(p.text) && isName(pieces[k + 1])) {
      k++;
      continue;
    }
    break;
  }
  let rest = pieces.slice(k);
  // The separator the export puts between the names and the text.
  if (names.length && rest[0]?.kind === 'text' && /^\s*[,:]\s*$/.test(rest[0].text)) rest = rest.slice(1);
  else if (names.length && rest[0]?.kind === 'text')
    rest = [{ ...rest[0], text: rest[0].text.replace(/^\s*[,:]\s*/, '') }, ...rest.slice(1)];
  const kids = [...inlineNodes(lead, r), ...trimNodes(inlineNodes(rest, r))];
  // A moderator line written out in full ("Ana Ruiz, Director of …") names its person first.
  if (type === 'moderator' && !names.length) {
    const who = r.personStarting(plainText(rest).trim());
    if (who) names.push(who);
  }
  const ids = names.map((n) => r.personId(n));
  const speakerIds = ids.every((id) => id !== null) ? (ids as string[]) : [];
  const build = type === 'presentation' ? presentation : type === 'commentator' ? commentator : moderator;
  return build(speakerIds, names, kids);
}

// ---- lists ------------------------------------------------------------------------------

function listEnd(blocks: Block[], from: number): number {
  let j = from;
  while (isList(blocks[j])) j++;
  return j;
}

/** Depth of a list paragraph: its numbering level, or (a list written with its labels) its indent. */
const depthOf = (p: Para): number =>
  p.list ? p.list.ilvl : Math.max(0, Math.round((p.indent?.left ?? LEVEL_TWIPS) / LEVEL_TWIPS) - 1);
/** A paragraph that continues the item before it (a second paragraph of one item): no number, no label. */
const continues = (p: Para): boolean => !p.list && !(p.indent && p.indent.hanging > 0);
/** A label written as text ("(iv)" then a tab), when the list's numbers are not a sequence. */
function writtenLabel(p: Para): { label: string; rest: Piece[] } | null {
  const tab = p.pieces.findIndex((x) => x.kind === 'tab');
  if (p.list || tab < 0) return null;
  return { label: plainText(p.pieces.slice(0, tab)).trim(), rest: p.pieces.slice(tab + 1) };
}

function markerValue(marker: string): number | undefined {
  const core = marker.replace(/[().]/g, '');
  if (/^\d+$/.test(core)) return Number(core);
  if (/^[ivxlc]+$/.test(core) && (core.length > 1 || marker.startsWith('('))) return romanValue(core);
  if (/^[IVXLC]+$/.test(core)) return romanValue(core.toLowerCase());
  if (/^[a-z]$/.test(core)) return core.charCodeAt(0) - 96;
  if (/^[A-Z]$/.test(core)) return core.charCodeAt(0) - 64;
  return undefined;
}

/** Consecutive list paragraphs → one or more lists (a new list where the numbering instance or the role changes). */
function lists(paras: Para[], r: BlockReader): DocNode[] {
  const out: DocNode[] = [];
  let i = 0;
  while (i < paras.length) {
    const [node, next] = listAt(paras, i, depthOf(paras[i]!), r);
    out.push(node);
    i = next;
  }
  return out;
}

function listAt(paras: Para[], from: number, depth: number, r: BlockReader): [DocNode, number] {
  const first = paras[from]!;
  const role = LIST_ROLES[first.role!] ?? 'plain';
  const numId = first.list?.numId ?? null;
  const level = first.list ? r.pkg.lists.get(first.list.numId)?.get(first.list.ilvl) : undefined;
  const written = writtenLabel(first);
  const ordered = level ? !level.bullet : written ? /\w/.test(written.label) : false;
  let format: NumberFormat | undefined =
    level?.format ?? (written ? formatOfMarker(written.label) : undefined) ?? undefined;
  const items: ListItemInput[] = [];
  let i = from;
  for (; i < paras.length; i++) {
    const p = paras[i]!;
    const d = depthOf(p);
    if (d < depth) break;
    if (d > depth && !continues(p)) {
      const [nested, next] = listAt(paras, i, d, r);
      // A first item with no text of its own holds the list (the export wrote an empty numbered line for it).
      const only = items.length === 1 && items[0]!.children.length === 0 ? items[0]! : null;
      if (only) only.children.push(nested);
      else items.push({ children: [nested], nestedOnly: true });
      i = next - 1;
      continue;
    }
    if (i > from && continues(p) && items.length) {
      const last = items[items.length - 1]!;
      last.children.push({ type: 'linebreak', version: 1 }, ...trimNodes(inlineNodes(p.pieces, r)));
      continue;
    }
    if (i > from && (LIST_ROLES[p.role!] ?? 'plain') !== role) break;
    // Another list definition, or an instance that counts from its start again, begins a new list.
    if (i > from && (p.list?.numId ?? null) !== numId) {
      const other = p.list ? r.pkg.lists.get(p.list.numId)?.get(p.list.ilvl) : undefined;
      if (!level || !other || other.abstractId !== level.abstractId || other.restart) break;
    }
    const label = writtenLabel(p);
    if (label) {
      const value = markerValue(label.label);
      format ??= formatOfMarker(label.label);
      items.push({ children: trimNodes(inlineNodes(label.rest, r)), ...(value !== undefined ? { value } : {}) });
    } else items.push({ children: trimNodes(inlineNodes(p.pieces, r)) });
  }
  const values = items.filter((x) => !x.nestedOnly).map((x) => x.value);
  const start = level?.start ?? values[0] ?? 1;
  const sequential = values.every((v, k) => v === undefined || v === start + k);
  if (!sequential)
    items.forEach((x) => {
      if (!x.nestedOnly) x.explicit = true;
    });
  // The format is stored only where it is not the one the template gives such a list.
  const fallback = listFormat({ role, depth, subparagraphs: false }, r.template);
  const numberFormat = ordered && format && format !== fallback ? format : undefined;
  return [list(ordered, items, { role, start, depth, ...(numberFormat ? { numberFormat } : {}) }), i];
}

// ---- tables -----------------------------------------------------------------------------

const el = { direction: 'ltr' as const, format: '', indent: 0, version: 1 };

function tableNode(t: Table, partLevel: number, r: BlockReader): DocNode {
  if (t.role === 'recommendationsTable')
    return { type: 'table', ...el, $: { role: 'recommendations' }, children: [] } as DocNode;
  // Cells merged downwards (vMerge) are one cell with a row span, as the editor holds them.
  const rows: TableRowJSON[] = [];
  const openMerge = new Map<number, TableCellJSON>();
  for (const row of t.rows) {
    const cells: TableCellJSON[] = [];
    let col = 0;
    for (const c of row.cells) {
      if (c.vMerge === 'continue') {
        const above = openMerge.get(col);
        if (above) above.rowSpan = (above.rowSpan ?? 1) + 1;
        col += c.colSpan;
        continue;
      }
      const kids = convertBlocks(c.blocks, partLevel, r);
      const cell: TableCellJSON = {
        type: 'tablecell',
        headerState: row.header ? 1 : 0,
        colSpan: c.colSpan,
        rowSpan: 1,
        backgroundColor: null,
        ...el,
        children: kids.length ? kids : [paragraph([])],
      } as TableCellJSON;
      if (c.vMerge === 'restart') openMerge.set(col, cell);
      else openMerge.delete(col);
      cells.push(cell);
      col += c.colSpan;
    }
    rows.push({ type: 'tablerow', ...el, children: cells });
  }
  return { type: 'table', ...el, children: rows } as DocNode;
}
