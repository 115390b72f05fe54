/** Inline pieces of a .docx paragraph → the document's inline nodes (text, links, notes, breaks). */
import type { DocNode, FootnoteJSON } from '../../model/doc-nodes';
import { TEXT_FORMAT } from '../../model/doc-nodes';
import { link, personRef, text } from '../nodes';
import { type Format, inlinePieces, type Piece, plainText } from './body';
import type { DocxPackage } from './package';

const formatBits = (f: Format): number =>
  (f.bold ? TEXT_FORMAT.bold : 0) |
  (f.italic ? TEXT_FORMAT.italic : 0) |
  (f.underline ? TEXT_FORMAT.underline : 0) |
  (f.strike ? TEXT_FORMAT.strikethrough : 0) |
  (f.sup ? TEXT_FORMAT.superscript : 0) |
  (f.sub ? TEXT_FORMAT.subscript : 0);

export interface InlineReader {
  pkg: DocxPackage;
  /** Notes the template's attribution policy wrote (not the text's) are left out. */
  keepNote(id: string, endnote: boolean): boolean;
  /** The registry person a name cited in the text is (added to the registry when it has no such person). */
  person(name: string): string;
}

/** Runs of one format are one text node, as the editor writes them. */
export function inlineNodes(pieces: Piece[], r: InlineReader): DocNode[] {
  const out: DocNode[] = [];
  const pushText = (t: string, bits: number) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last?.type === 'text' && last.format === bits) last.text += t;
    else out.push(text(t, bits));
  };
  const walk = (list: Piece[]) => {
    for (const p of list) add(p);
  };
  const add = (p: Piece) => {
    switch (p.kind) {
      case 'text':
        if (p.charStyle === 'personRef' && p.text.trim())
          out.push({
            ...personRef(r.person(p.text.trim()), p.text.trim()),
            ...(formatBits(p.format) ? { format: formatBits(p.format) } : {}),
          } as DocNode);
        else pushText(p.text, formatBits(p.format));
        break;
      case 'tab':
        pushText('\t', 0);
        break;
      case 'break':
        out.push({ type: 'linebreak', version: 1 });
        break;
      case 'note': {
        if (!r.keepNote(p.id, p.endnote)) break;
        const note = footnoteNode(p.id, p.endnote, r);
        if (note) out.push(note);
        break;
      }
      case 'link': {
        // An internal link (to a heading) keeps its words; its target is the export's own.
        if (p.url.startsWith('#')) {
          walk(p.pieces);
          break;
        }
        out.push(
          link(
            p.url,
            inlineNodes(p.pieces, r).filter((k) => k.type === 'text'),
          ),
        );
        break;
      }
      default:
        break;
    }
  };
  walk(pieces);
  return out;
}

/** A note as the editor holds it: its plain text, and its runs when it has italics, bold or links. */
function footnoteNode(id: string, endnote: boolean, r: InlineReader): FootnoteJSON | null {
  const note = (endnote ? r.pkg.endnotes : r.pkg.notes).get(id);
  if (!note) return null;
  const pieces: Piece[] = [];
  note.paragraphs.forEach((p, i) => {
    if (i > 0) pieces.push({ kind: 'break' });
    pieces.push(...inlinePieces(p, r.pkg));
  });
  // The note's own number and the space after it are Word's, not the note's words.
  while (
    pieces.length &&
    (pieces[0]!.kind === 'note' || (pieces[0]!.kind === 'text' && !(pieces[0] as { text: string }).text.trim()))
  )
    pieces.shift();
  const plain = plainText(pieces).replace(/\s+/g, ' ').trim();
  if (!plain) return null;
  const first = pieces[0];
  if (first?.kind === 'text') first.text = first.text.trimStart();
  const rich = inlineNodes(
    pieces.filter((p) => p.kind !== 'note'),
    r,
  );
  const plainRuns = rich.every((n) => n.type === 'text' && n.format === 0);
  return { type: 'footnote', text: plain, version: 1, ...(plainRuns ? {} : { children: rich }) } as FootnoteJSON;
}

/** Whether inline nodes say anything (text other than spaces, or a note). */
export const hasContent = (nodes: DocNode[]): boolean =>
  nodes.some((n) => (n.type === 'text' ? n.text.trim() !== '' : n.type !== 'linebreak'));

/** Trims the spaces at both ends of inline content. */
export function trimNodes(nodes: DocNode[]): DocNode[] {
  const out = [...nodes];
  while (out.length && out[0]!.type === 'text' && !(out[0] as { text: string }).text.trim()) out.shift();
  while (out.length && out[out.length - 1]!.type === 'text' && !(out[out.length - 1] as { text: string }).text.trim())
    out.pop();
  if (out[0]?.type === 'text') out[0] = { ...out[0], text: (out[0] as { text: string }).text.trimStart() } as DocNode;
  const last = out.length - 1;
  if (out[last]?.type === 'text')
    out[last] = { ...out[last], text: (out[last] as { text: string }).text.trimEnd() } as DocNode;
  return out;
}
