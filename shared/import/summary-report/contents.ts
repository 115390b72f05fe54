/**
 * A summary report's contents page is not imported (the export generates one); where it
 * disagrees with the headings of the body, or lists annexes the file does not hold, the
 * import says so.
 */
import type { Template } from '../../templates/schema';
import { plainInline } from '../inline';
import type { Block } from '../markdown-blocks';
import type { ImportContext } from '../result';
import { isPhrase, sectionForHeading } from '../template-rules';
import { labelled } from './headings';

export interface ContentsEntry {
  text: string;
  line: number;
}
export interface BodyHeading {
  label: string;
  title: string;
  /** The label of the chapter it is in (its own, for a chapter). */
  chapter: string;
}

/** The entries of a contents page, one a line: its dotted lines and the lines of the paragraphs among them. */
export function contentsEntries(blocks: Block[]): ContentsEntry[] {
  return blocks.flatMap((b) => {
    if (b.t === 'toc') return [{ text: plainInline(b.text.split('\t')[0]!.replace(/\.{3,}/, '')), line: b.line }];
    if (b.t === 'para')
      return (b.lines ?? [{ n: b.line, text: b.text }]).map((l) => ({ text: plainInline(l.text), line: l.n }));
    return [];
  });
}

export function compareContents(
  toc: ContentsEntry[],
  headings: BodyHeading[],
  ctx: ImportContext,
  template: Template | undefined,
): void {
  let chapter = '';
  let inAnnexes = false;
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  for (const e of toc) {
    if (isPhrase(e.text, template?.reading?.annexesHeadings)) {
      inAnnexes = true;
      continue;
    }
    if (inAnnexes) {
      // "I. Table of Recommendations": the template's annex it names, if any, without its number.
      const generated = sectionForHeading(template, e.text.replace(/^[IVXLC\d]+[.)]?\s+/, ''))?.generated;
      ctx.warn(e.line, 'ANNEX_ABSENT', {
        key:
          generated === 'participants'
            ? 'annexAbsent.participants'
            : generated
              ? 'annexAbsent.generated'
              : 'annexAbsent.listed',
        values: { title: e.text },
      });
      continue;
    }
    // "1. …" names a chapter, "a. …" a sub-section of the chapter listed last, as the template numbers them.
    const chap = labelled(e.text, template?.numbering[0]);
    const m = chap ?? labelled(e.text, template?.numbering[1]);
    if (!m) continue;
    if (chap) chapter = chap.label;
    const h = headings.find((x) => x.label === m.label && (chap ? x.chapter === x.label : x.chapter === chapter));
    if (!h)
      ctx.warn(e.line, 'TOC_MISMATCH', {
        key: 'tocMismatch.noHeading',
        values: { entry: e.text },
      });
    else if (norm(h.title) !== norm(m.title)) {
      ctx.warn(e.line, 'TOC_MISMATCH', {
        key: 'tocMismatch.wording',
        values: { label: m.label, listed: m.title, heading: h.title },
      });
    }
  }
}
