/**
 * An mdast tree written as the markdown the importer's readers take: '-' bullets, '*'
 * emphasis and '**' strong written as toggles, one space after a marker, pipe tables
 * (a table without a header row has no delimiter row), notes as `[^id]: …` lines, links as
 * `[text](url)`. Text is escaped only where those readers would misread it (`\`, `*`, `|`).
 */
import type { Table } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { type Handle, type Join, type Options, defaultHandlers, toMarkdown } from 'mdast-util-to-markdown';

/** Set on a table whose source had no header row (mdast's tables always have one). */
export interface HeadlessData {
  headless?: boolean;
}

const escapeText = (s: string): string => s.replace(/\s+/g, ' ').replace(/[\\*|]/g, '\\$&');

/** Characters a link's address cannot hold between `(` and `)` in the readers' link pattern. */
const escapeUrl = (url: string): string =>
  url.replace(/[\s()[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const gfm = gfmToMarkdown({ tablePipeAlign: false });
const gfmTable = gfm.extensions?.flatMap((e) => (e.handlers?.table ? [e.handlers.table] : []))[0];

const toggle =
  (mark: string): Handle =>
  (node, _parent, state, info) =>
    `${mark}${state.containerPhrasing(node, { ...info, before: mark, after: mark })}${mark}`;

const handlers: Partial<Record<string, Handle>> = {
  text: (node) => escapeText(node.value),
  emphasis: toggle('*'),
  strong: toggle('**'),
  link: (node, _parent, state, info) => {
    const label = state.containerPhrasing(node, { ...info, before: '[', after: ']' });
    return label.trim() ? `[${label}](${escapeUrl(node.url)})` : '';
  },
  // Adjacent lists keep '-' and '1.': the readers join lists split by a blank line, and
  // another marker (`*`, `1)`) would mean another list style.
  list: (node, parent, state, info) => {
    state.bulletLastUsed = undefined;
    return defaultHandlers.list(node, parent, state, info);
  },
  table: (node, parent, state, info) => {
    if (!gfmTable) throw new Error('mdast-util-gfm has no table handler');
    // The first line is the first row, the second the delimiter row: cells are one line each.
    const lines = gfmTable(node, parent, state, info).split('\n');
    const columns = (node as Table).children[0]?.children.length ?? 0;
    if (((node as Table).data as HeadlessData | undefined)?.headless) lines.splice(1, 1);
    else lines[1] = `|${' --- |'.repeat(columns)}`;
    return lines.join('\n');
  },
};

/** Note definitions follow each other line by line, as the readers find them. */
const notesTogether: Join = (left, right) =>
  left.type === 'footnoteDefinition' && right.type === 'footnoteDefinition' ? 0 : undefined;

export const MARKDOWN_OPTIONS: Options = {
  extensions: [gfm],
  bullet: '-',
  bulletOther: '*',
  emphasis: '*',
  strong: '*',
  listItemIndent: 'one',
  rule: '-',
  resourceLink: true,
  handlers,
  join: [notesTogether],
};

export function writeMarkdown(tree: Parameters<typeof toMarkdown>[0]): string {
  return toMarkdown(tree, MARKDOWN_OPTIONS);
}
