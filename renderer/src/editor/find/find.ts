import {
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import {
  compileFind,
  matchSegments,
  replacementFor,
  type CompiledFind,
  type FindOptions,
} from '../../../../shared/search/find';

export interface Match {
  node: TextNode;
  start: number;
  end: number;
  found: RegExpExecArray;
}

/**
 * Every hit inside a single run of text, in document order, with the same rules as the
 * replace in all parts (shared/search/find): a block's runs are matched together, so whole
 * word sees the neighbouring runs' letters. Throws the AppError of a pattern that cannot run.
 */
export function $findMatches(find: FindOptions | CompiledFind): Match[] {
  const compiled = 're' in find ? find : compileFind(find);
  const out: Match[] = [];
  const visit = (el: ElementNode) => {
    let runs: (TextNode | null)[] = [];
    const flush = () => {
      if (runs.some((r) => r)) {
        for (const m of matchSegments(
          compiled,
          runs.map((r) => (r ? r.getTextContent() : null)),
        ).matches) {
          out.push({ node: runs[m.segment]!, start: m.start, end: m.end, found: m.match });
        }
      }
      runs = [];
    };
    const inline = (n: LexicalNode) => {
      if ($isTextNode(n) && !n.isToken()) runs.push(n);
      else if ($isElementNode(n) && n.isInline()) n.getChildren().forEach(inline);
      else runs.push(null);
    };
    for (const c of el.getChildren()) {
      if ($isElementNode(c) && !c.isInline()) {
        flush();
        visit(c);
      } else inline(c);
    }
    flush();
  };
  visit($getRoot());
  return out;
}

export function $selectMatch(m: Match): void {
  const sel = $createRangeSelection();
  sel.anchor.set(m.node.getKey(), m.start, 'text');
  sel.focus.set(m.node.getKey(), m.end, 'text');
  $setSelection(sel);
}

/** Replaces every hit, from the last to the first so offsets stay valid; formatting of each run is kept. Returns how many changed. */
export function $replaceAll(find: FindOptions, replacement: string): number {
  const compiled = compileFind(find);
  let n = 0;
  for (const m of $findMatches(compiled).reverse()) {
    const by = replacementFor(compiled, replacement, m.found);
    if (by === m.found[0]) continue;
    m.node.spliceText(m.start, m.end - m.start, by, false);
    n++;
  }
  return n;
}
