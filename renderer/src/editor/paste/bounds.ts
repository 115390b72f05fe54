/**
 * Paste within the document's bounds (shared/elements/doc-schema): clipboard HTML nested
 * deeper or larger than a part may hold is refused before it is cleaned or Lexical builds
 * nodes from it (both recurse), with the schema's own message.
 */
import { DOC_LIMITS, DOC_MESSAGES, type DocLimits } from '../../../../shared/elements/doc-schema';

/** HTML adds wrappers (spans, b, font) around what becomes one element; allow for them. */
const WRAPPERS_PER_LEVEL = 3;

export function pasteProblem(body: Element, limits: DocLimits = DOC_LIMITS): string | null {
  let nodes = 0;
  let chars = 0;
  let maxDepth = 0;
  // Iterative: the clipboard may be nested thousands of levels deep.
  const stack: [Element, number][] = [[body, 0]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    maxDepth = Math.max(maxDepth, d);
    if (maxDepth > limits.depth * WRAPPERS_PER_LEVEL) break;
    if (++nodes > limits.nodes) return `Not pasted. ${DOC_MESSAGES.tooMany(limits.nodes)}`;
    for (const c of Array.from(el.childNodes)) {
      if (c.nodeType === 3) chars += (c.textContent ?? '').length;
      else if (c.nodeType === 1) stack.push([c as Element, d + 1]);
    }
    if (chars > limits.chars) return `Not pasted. ${DOC_MESSAGES.tooLong(limits.chars)}`;
  }
  if (maxDepth > limits.depth * WRAPPERS_PER_LEVEL) return `Not pasted. ${DOC_MESSAGES.tooDeep(limits.depth)}`;
  return null;
}

/** The nesting depth of nodes built from the clipboard, placed `startDepth` levels below the root. */
export function nodesTooDeep(depthOfBuilt: number, startDepth: number, limits: DocLimits = DOC_LIMITS): string | null {
  return startDepth + depthOfBuilt > limits.depth ? `Not pasted. ${DOC_MESSAGES.tooDeep(limits.depth)}` : null;
}

/** The clipboard's HTML checked as the browser parses it, before anything recursive reads it. */
export function clipboardProblem(html: string, limits: DocLimits = DOC_LIMITS): string | null {
  if (html.length > limits.chars * 4) return `Not pasted. ${DOC_MESSAGES.tooLong(limits.chars)}`;
  return pasteProblem(new DOMParser().parseFromString(html, 'text/html').body, limits);
}
