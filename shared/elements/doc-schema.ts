/**
 * The document schema, derived from the element registry: every node a known kind with
 * well-formed fields, lists holding items, tables rows, rows cells; and bounds on nesting
 * depth, element count and characters, so no part can exhaust the stack or the memory of
 * whoever reads it. Checked at savePart (the contract's LexicalDoc), on import and paste.
 */
import { elementOf } from './registry';
import type { RawNode } from './spec';
import { walkDoc } from './walk';

export const DOC_LIMITS = {
  /** Nesting depth below the root (a list item inside a list inside an item is 2 more levels). */
  depth: 48,
  /** Elements of one part: the longest sample part has about 300. */
  nodes: 250_000,
  /** Characters of text and images (figures are data URLs) in one part. */
  chars: 64_000_000,
} as const;
export type DocLimits = { depth: number; nodes: number; chars: number };

/** The user-facing messages of the schema, in one place. */
export const DOC_MESSAGES = {
  notADocument: 'This is not a part’s document (it has no root element).',
  tooDeep: (limit: number) =>
    `The document is nested more than ${limit} levels deep (lists or tables inside one another); a part may hold at most ${limit} levels.`,
  tooMany: (limit: number) =>
    `The document has more than ${limit.toLocaleString('en')} elements; split it into several parts.`,
  tooLong: (limit: number) =>
    `The document holds more than ${Math.round(limit / 1_000_000)} million characters; split it into several parts or make its images smaller.`,
  unknownKind: (type: string) => `The document holds an element of an unknown kind (“${type.slice(0, 60)}”).`,
  malformed: (type: string, detail: string) => `A ${type} element of the document is malformed (${detail}).`,
  misplaced: (parent: string, type: string, allowed: readonly string[]) =>
    `A ${parent} may hold only ${allowed.join(', ')} elements, not “${type.slice(0, 60)}”.`,
  leafWithChildren: (type: string) => `A ${type} element cannot hold other elements.`,
} as const;

class Stop {
  constructor(readonly message: string) {}
}

const charsOf = (node: RawNode): number => {
  let n = 0;
  for (const v of Object.values(node)) if (typeof v === 'string') n += v.length;
  return n;
};

/**
 * The first problem of a document, in words, or null when it is valid and within bounds.
 * `boundsOnly`: check only the shape and the bounds (reading a stored file: an element of a kind
 * this version does not know, from a newer version say, is the compile step's to report, and must
 * not cost the user the whole part). Writes (savePart, import, paste) check everything.
 */
export function docProblem(doc: unknown, limits: DocLimits = DOC_LIMITS, boundsOnly = false): string | null {
  const root = (doc as { root?: unknown } | null)?.root as RawNode | undefined;
  if (
    !doc ||
    typeof doc !== 'object' ||
    !root ||
    typeof root !== 'object' ||
    root.type !== 'root' ||
    !Array.isArray(root.children)
  )
    return DOC_MESSAGES.notADocument;
  let nodes = 0;
  let chars = 0;
  try {
    walkDoc(root, {
      enter(node, depth, parent) {
        if (depth > limits.depth) throw new Stop(DOC_MESSAGES.tooDeep(limits.depth));
        if (++nodes > limits.nodes) throw new Stop(DOC_MESSAGES.tooMany(limits.nodes));
        chars += charsOf(node);
        if (chars > limits.chars) throw new Stop(DOC_MESSAGES.tooLong(limits.chars));
        if (boundsOnly) return;
        const e = elementOf(node.type);
        if (!e) throw new Stop(DOC_MESSAGES.unknownKind(String(node.type)));
        if (parent) {
          const p = elementOf(parent.type)!;
          if (p.childTypes && !p.childTypes.includes(e.type))
            throw new Stop(DOC_MESSAGES.misplaced(p.type, e.type, p.childTypes));
          if (e.type === 'root') throw new Stop(DOC_MESSAGES.misplaced(p.type, 'root', ['inner']));
        }
        if (e.leaf && Array.isArray(node.children) && node.children.length)
          throw new Stop(DOC_MESSAGES.leafWithChildren(e.type));
        if (node.children !== undefined && !Array.isArray(node.children))
          throw new Stop(DOC_MESSAGES.malformed(e.type, 'children: not a list'));
        const { children: _children, ...own } = node;
        const checked = e.fields.safeParse(own);
        if (!checked.success) {
          const i = checked.error.issues[0]!;
          throw new Stop(DOC_MESSAGES.malformed(e.type, `${i.path.join('.') || 'fields'}: ${i.message}`));
        }
        if (
          Array.isArray(node.children) &&
          node.children.some((c) => typeof c !== 'object' || c === null || Array.isArray(c))
        ) {
          throw new Stop(DOC_MESSAGES.malformed(e.type, 'a child is not an element'));
        }
      },
    });
  } catch (err) {
    if (err instanceof Stop) return err.message;
    throw err;
  }
  return null;
}
