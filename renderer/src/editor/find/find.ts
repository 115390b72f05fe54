import { $createRangeSelection, $getRoot, $isElementNode, $isTextNode, $setSelection, type LexicalNode, type TextNode } from 'lexical';

export interface Match { node: TextNode; start: number; end: number }

/** Every occurrence of `query` inside a single run of text, in document order. */
export function $findMatches(query: string, matchCase: boolean): Match[] {
  if (!query) return [];
  const needle = matchCase ? query : query.toLocaleLowerCase();
  const out: Match[] = [];
  const walk = (n: LexicalNode) => {
    if ($isTextNode(n)) {
      const hay = matchCase ? n.getTextContent() : n.getTextContent().toLocaleLowerCase();
      for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) out.push({ node: n, start: i, end: i + needle.length });
    } else if ($isElementNode(n)) n.getChildren().forEach(walk);
  };
  walk($getRoot());
  return out;
}

export function $selectMatch(m: Match): void {
  const sel = $createRangeSelection();
  sel.anchor.set(m.node.getKey(), m.start, 'text');
  sel.focus.set(m.node.getKey(), m.end, 'text');
  $setSelection(sel);
}

/** Replaces every match, from the last to the first so offsets stay valid; formatting of each run is kept. */
export function $replaceAll(query: string, replacement: string, matchCase: boolean): number {
  const matches = $findMatches(query, matchCase);
  for (const m of [...matches].reverse()) m.node.spliceText(m.start, m.end - m.start, replacement, false);
  return matches.length;
}
