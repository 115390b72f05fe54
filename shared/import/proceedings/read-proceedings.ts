/**
 * Conference proceedings (seed 000): an OCR'd book, hard-wrapped, without markup.
 * Parts "A." … with units "Unit I." … each holding a moderator line, "1. Speakers"
 * (presentations headed "(a) Name, Title of the paper"), "2. Comments" and
 * "3. Highlights of the unit"; a summary; annexes with the final report, the
 * programme (→ agenda), the list of participants (→ registry) and a statement.
 */
import type { Template } from '../../templates/schema';
import { paragraph } from '../nodes';
import type { ImportContext } from '../result';
import type { SourceLine } from '../source';
import { isBrokenWord, splitPages, suggestRepairs } from '../ocr';
import { readParticipants } from '../read-participants';
import { placeAnchors } from './anchors';
import { BLOCK_RULES, LIST_RULES } from './content-rules';
import { readMeta } from './meta';
import { endOutline, OUTLINE_RULES } from './outline-rules';
import { type HyphenBreak, toParagraphs } from './paragraphs';
import { readProgramme } from './programme-annex';
import { type At, plain, ProceedingsReader } from './reader';
import { proceedingsVocabulary } from './vocabulary';

/**
 * The pipeline: the pages repaired on the lines (running heads, page numbers and the notes at
 * their feet set apart, the notes' marks found), the text tree of what is left and its paragraphs
 * (paragraphs.ts), then the genre's rules over each paragraph (outline-rules.ts, content-rules.ts);
 * the programme and the list of participants are read from their lines.
 */
export function parseProceedings(lines: SourceLine[], ctx: ImportContext, template: Template | undefined): void {
  const vocab = proceedingsVocabulary(template);
  const { body, notes } = splitPages(lines, ctx);
  placeAnchors(body, notes, ctx);
  const words = suggestRepairs(body, ctx);
  const hyphenBreaks: HyphenBreak[] = [];
  const paras = toParagraphs(body, hyphenBreaks, vocab);
  for (const h of hyphenBreaks) {
    if (!isBrokenWord(h.head, h.tail, words)) continue;
    ctx.warn(
      h.n,
      'OCR_REPAIR',
      { key: 'brokenWord', values: { find: h.find, replace: h.replace } },
      { suggestion: { find: h.find, replace: h.replace } },
    );
  }

  const r = new ProceedingsReader(ctx, vocab, notes);
  for (let i = 0; i < paras.length; i++) {
    const at: At = {
      paras,
      i,
      p: paras[i]!,
      t: plain(paras[i]!.text),
      next: paras[i + 1] ? plain(paras[i + 1]!.text) : '',
    };
    const took = (rules: typeof OUTLINE_RULES) => rules.some((rule) => rule(r, at));
    if (!took(OUTLINE_RULES)) {
      // Text before any heading is the abstract's.
      if (!r.current) r.open(null, 'abstract', 'Abstract', at.p.n);
      if (!took(LIST_RULES)) {
        r.flushList();
        if (!took(BLOCK_RULES)) r.body.push(paragraph(r.inline(at.p.text)));
      }
    }
    i = at.i;
  }
  r.flush();
  endOutline(r);

  const linesOf = (kind: string) => {
    const annex = r.annexLines.find((a) => a.kind === kind);
    return annex ? body.filter((l) => l.n > annex.from && l.n < annex.to) : null;
  };
  // The list of participants first, so that the programme's people named only there (José Antonio Ocampo) are linked.
  const participants = linesOf('participants');
  if (participants) readParticipants(participants, ctx, ctx.parts.find((p) => p.kind === 'participants')?.id ?? null);
  const programme = linesOf('programme');
  if (programme) readProgramme(programme, ctx, template);
  for (const note of notes) {
    if (!r.usedNotes.has(note.id))
      ctx.warn(note.line, 'NOTE_UNANCHORED', {
        key: 'noteUnanchored.notAttached',
        values: { text: note.text.slice(0, 60) },
      });
  }
  ctx.warn(1, 'FRONT_MATTER_ABSENT', { key: 'frontMatterAbsent' });
  readMeta(
    paras.map((p) => plain(p.text)),
    paras.flatMap((p) => p.lines),
    lines.map((l) => l.text),
    ctx,
  );
}
