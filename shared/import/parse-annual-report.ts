/**
 * Annual activity reports (seed 002): plain text from Word, one paragraph per line,
 * hand-typed outline labels (I. / A. / E.1 / 1. / i. / a.) often on a line of their own,
 * "·" bullets, and endnotes at the end whose reference marks were lost: the text only
 * shows where a mark was by a line broken mid-sentence. Read as the text tree's blocks
 * (tree/text-read.ts), then by the rules of annual-report/: paragraphs and endnotes, then
 * the outline, with the template's source headings and run-in heads.
 */
import type { Template } from '../templates/schema';
import { anchorNode, placeEndnotes } from './annual-report/endnotes';
import { readOutline } from './annual-report/outline';
import { readParagraphs } from './annual-report/paragraphs';
import type { ImportContext } from './result';
import type { SourceLine } from './source';
import { readTextTree } from './tree/text-read';

export function parseAnnualReport(lines: SourceLine[], ctx: ImportContext, template?: Template): void {
  const { paras, notes } = readParagraphs(readTextTree(lines).blocks);
  placeEndnotes(paras, notes, ctx);
  readOutline(paras, ctx, template, { anchors: (label: string) => anchorNode(label, notes) });
}
