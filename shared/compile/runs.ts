/**
 * Text runs of the proceedings model from stored text nodes, and what a run list says as
 * plain text. Pure helpers with no tie to the element registry, so the element modules
 * (shared/elements) may use them in their compile step without an import cycle.
 */
import { TEXT_FORMAT } from '../model/doc-nodes';
import { type RawNode, str } from '../elements/spec';
import type { Inline, TextRun } from './model';

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

/** Plain text of inline content (footnotes left out). */
export function plainOf(content: Inline[]): string {
  return content
    .map((r) =>
      r.kind === 'text'
        ? r.text
        : r.kind === 'link'
          ? r.children.map((c) => c.text).join('')
          : r.kind === 'break'
            ? ' '
            : '',
    )
    .join('');
}

export const isBlank = (content: Inline[]): boolean =>
  content.every((r) => (r.kind === 'text' ? r.text.trim() === '' : r.kind === 'break'));
