import { TEXT_FORMAT } from '../model/doc-nodes';
import type { CompileContext } from './context';
import type { Inline, TextRun } from './model';
import { type RawNode, str } from '../elements/spec';
import { childrenOf } from '../elements/walk';
import { notesOutOfNames } from '../elements/attribution';
import { autolink } from './autolink';

export type { RawNode } from '../elements/spec';
export { str } from '../elements/spec';
export { childrenOf } from '../elements/walk';

export function textRun(node: RawNode): TextRun {
  const f = typeof node.format === 'number' ? node.format : 0;
  const run: TextRun = { kind: 'text', text: str(node.text) };
  if (f & TEXT_FORMAT.bold) run.bold = true;
  if (f & TEXT_FORMAT.italic) run.italic = true;
  if (f & TEXT_FORMAT.underline) run.underline = true;
  if (f & TEXT_FORMAT.strikethrough) run.strike = true;
  if (f & TEXT_FORMAT.superscript) run.sup = true;
  if (f & TEXT_FORMAT.subscript) run.sub = true;
  return run;
}

/** Inline content of an element: text, links, footnotes, person references, line breaks. */
export function inlines(nodes: RawNode[], ctx: CompileContext): Inline[] {
  const out: Inline[] = [];
  for (const n of notesOutOfNames(nodes, ctx.personNames)) {
    switch (n.type) {
      case 'text': out.push(...autolink(textRun(n))); break;
      case 'linebreak': out.push({ kind: 'break' }); break;
      case 'tab': out.push({ kind: 'text', text: '\t' }); break;
      case 'footnote': {
        if (!str(n.text).trim()) break;
        const note = ctx.footnote(str(n.text));
        if (str(n.id)) ctx.nameNote(str(n.id), note);
        out.push(note);
        break;
      }
      case 'note-ref': out.push(ctx.noteRef(str(n.noteId))); break;
      case 'person-ref': out.push({ kind: 'text', text: str(n.name) }); break;
      case 'link': case 'autolink': {
        // The link's own text runs (an address written inside a link is not linked again).
        const runs = childrenOf(n).filter((c) => c.type === 'text').map(textRun);
        out.push({ kind: 'link', url: str(n.url), children: runs });
        break;
      }
      default:
        // Unknown inline nodes keep their text, so nothing written is silently lost.
        if (typeof n.text === 'string') out.push({ kind: 'text', text: n.text });
        else if (Array.isArray(n.children)) out.push(...inlines(childrenOf(n), ctx));
        if (n.type !== undefined) ctx.note(`Unknown inline element “${String(n.type)}” was exported as plain text.`);
    }
  }
  return out;
}

/** Plain text of inline content (footnotes left out). */
export function plainOf(content: Inline[]): string {
  return content.map((r) => (r.kind === 'text' ? r.text : r.kind === 'link' ? r.children.map((c) => c.text).join('') : r.kind === 'break' ? ' ' : '')).join('');
}

export const isBlank = (content: Inline[]): boolean =>
  content.every((r) => (r.kind === 'text' ? r.text.trim() === '' : r.kind === 'break'));
