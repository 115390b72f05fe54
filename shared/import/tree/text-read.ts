/**
 * Plain text read into the same blocks as markdown (markdown-read.ts), by the same parse in a
 * plain-text profile: a plain report never means an ATX heading, a block quote, a thematic
 * break, a table or a footnote definition ("# 3 delegations", "> 50 %", "---" are its text),
 * so only paragraphs and lists are read, with the same list-marker repairs. Paragraphs keep
 * their source lines and the blank lines before them: each genre reader finds its own notes,
 * headings and page breaks in them.
 */
import type { MarkdownDoc } from '../markdown-blocks';
import type { SourceLine } from '../source';
import { CONSTRUCTS_NEVER_MEANT, type ReadProfile, readSourceTree } from './markdown-read';

/** Every construct off but paragraphs and lists (inline constructs too: the inline reader reads a block's text). */
export const TEXT_PROFILE: ReadProfile = {
  parse: {
    extensions: [
      {
        disable: {
          null: ['headingAtx', 'blockQuote', 'thematicBreak', ...CONSTRUCTS_NEVER_MEANT],
        },
      },
    ],
  },
  pipeTables: false,
  rejoinPages: false,
  keepLines: true,
  // A line's structure here is its indentation and list marker: CommonMark need not read a
  // paragraph's text, which is taken from the whole lines (this makes the parse several times faster).
  parsedWidth: 120,
};

/** The blocks of a plain-text source; `notes` stays empty. */
export function readTextTree(lines: SourceLine[]): MarkdownDoc {
  return readSourceTree(lines, TEXT_PROFILE);
}
