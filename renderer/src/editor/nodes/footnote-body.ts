/**
 * A footnote's body between its two shapes: the node's JSON (shared/elements/footnote.ts:
 * `text`, and `children`, the runs and links, when the note has formatting or a link) and
 * the state of the small editor the note is written in (one or more paragraphs).
 */
import { NOTE_CHILD_TYPES } from '../../../../shared/elements/footnote';
import type { RawNode } from '../../../../shared/elements/spec';

const ALLOWED = new Set<string>(NOTE_CHILD_TYPES);
const isNode = (v: unknown): v is RawNode => typeof v === 'object' && v !== null && !Array.isArray(v);
const kids = (n: RawNode): RawNode[] => (Array.isArray(n.children) ? n.children.filter(isNode) : []);

const textNode = (text: string): RawNode => ({
  type: 'text',
  version: 1,
  text,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
});
const paragraph = (children: RawNode[]): RawNode => ({
  type: 'paragraph',
  version: 1,
  children,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
});

/** The note's runs as its editor holds them: the stored body, or the plain text of a note of an earlier version. */
export function noteEditorJSON(text: string, body: readonly RawNode[]): { root: RawNode } {
  const runs = body.length
    ? body.map((n) => structuredClone(n))
    : text
        .split('\n')
        .flatMap((line, i) => [...(i ? [{ type: 'linebreak', version: 1 }] : []), ...(line ? [textNode(line)] : [])]);
  return { root: { type: 'root', version: 1, children: [paragraph(runs)], direction: null, format: '', indent: 0 } };
}

/** What a run list says in plain words (a line break is a new line). */
function plainOf(runs: readonly RawNode[]): string {
  return runs
    .map((n) =>
      n.type === 'text'
        ? String(n.text ?? '')
        : n.type === 'linebreak'
          ? '\n'
          : n.type === 'tab'
            ? '\t'
            : plainOf(kids(n)),
    )
    .join('');
}

/**
 * The note from its editor's state: paragraphs joined by line breaks, anything a note may
 * not hold (a list or table pasted in) unwrapped to its runs. The body is kept only when it
 * says more than its plain text (italics, bold, a link), so plain notes stay as they were.
 */
export function noteFromEditorJSON(state: { root: RawNode }): { text: string; body: RawNode[] } {
  const runs: RawNode[] = [];
  const inline = (n: RawNode): void => {
    if (typeof n.type === 'string' && ALLOWED.has(n.type)) {
      runs.push(
        n.type === 'link' || n.type === 'autolink' ? { ...n, children: kids(n).filter((k) => k.type === 'text') } : n,
      );
    } else kids(n).forEach(inline);
  };
  const blocks = (n: RawNode): void => {
    for (const b of kids(n)) {
      if (ALLOWED.has(String(b.type))) inline(b);
      else if (kids(b).some((k) => ALLOWED.has(String(k.type)))) {
        // A line of runs (a paragraph, a list item): a new line of the note.
        if (runs.length) runs.push({ type: 'linebreak', version: 1 });
        kids(b).forEach(inline);
      } else blocks(b);
    }
  };
  blocks(state.root);
  while (runs.length && runs[runs.length - 1]!.type === 'linebreak') runs.pop();
  const text = plainOf(runs).trim();
  const rich = runs.some(
    (n) =>
      n.type === 'link' ||
      n.type === 'autolink' ||
      (n.type === 'text' && typeof n.format === 'number' && n.format !== 0),
  );
  return { text, body: rich ? runs : [] };
}
