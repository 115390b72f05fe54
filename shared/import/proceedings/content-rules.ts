/**
 * The rules that write a paragraph into the part the reader is in, in the order they are tried:
 * first those that may go on a list (LIST_RULES), then, the list closed, the others (BLOCK_RULES);
 * a paragraph none takes is a paragraph.
 */
import type { DocNode } from '../../model/doc-nodes';
import {
  commentator,
  delegationStatement,
  epigraph,
  figure,
  heading,
  moderator,
  paragraph,
  presentation,
  runIn,
  text,
} from '../nodes';
import { repairRoman } from '../ocr';
import { firstWords } from '../util';
import { breaksMidSentence } from './paragraphs';
import { plain, type Rule } from './reader';
import { commentatorName, LETTERS, PRES_HEAD } from './units';

const BULLET = /^(?:[.o•)—–-]|\u00b7)\s+(?=\S)/;

const endsWith = (t: string, c: string) => t.trimEnd().endsWith(c);

const lastHeading = (nodes: DocNode[]): string => {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (n.type === 'heading') return n.children.map((c) => (c.type === 'text' ? c.text : '')).join('');
  }
  return '';
};

/** "Moderator: Name, title." → the moderator, in the registry. */
const moderatorLine: Rule = (r, at) => {
  const named = r.vocab.afterModerator(at.t);
  if (named === undefined) return false;
  r.flushList();
  const [name, ...rest] = named.split(',');
  const id = r.ctx.people.add({
    name: name!.trim(),
    title: rest.join(',').trim().replace(/\.$/, ''),
    role: 'Moderator',
  });
  r.body.push(moderator([id], [name!.trim()], r.inline(r.vocab.afterModerator(at.p.text) ?? at.p.text)));
  return true;
};

/** A quotation under a part's or unit's heading, or after the opening statements' heading. */
const epigraphQuote: Rule = (r, at) => {
  const kind = r.current!.kind;
  if (
    !/^[“"]/.test(at.t) ||
    !(
      kind === 'unit' ||
      kind === 'thematic-part' ||
      (kind === 'introduction' && /Opening statements/.test(lastHeading(r.body)))
    )
  )
    return false;
  r.flushList();
  r.body.push(epigraph(r.inline(at.p.text)));
  return true;
};

/** "(b) Name and Name, Title of the paper": the next letter in sequence, in the speakers. */
const presentationHead: Rule = (r, at) => {
  const kind = r.current!.kind;
  if ((kind !== 'speakers' && kind !== 'panel-speakers') || at.t.length >= 300 || /[.;:]$/.test(at.t)) return false;
  const pm = at.t.match(PRES_HEAD);
  if (!pm) return false;
  const letter = LETTERS.indexOf(pm[1]!) >= 0 ? pm[1]! : 'a';
  if (LETTERS.indexOf(letter) !== r.presLetter) return false;
  r.flushList();
  r.presLetter++;
  const raw = at.p.text.replace(/^\(\s*[a-h@&8€]\s*\)?\s+/, '');
  const comma = raw.indexOf(',');
  const who = comma > 0 ? raw.slice(0, comma) : raw;
  const names = plain(who)
    .split(/\sand\s/)
    .map((s) => s.trim())
    .filter(Boolean);
  const ids = names.map((nm) => r.ctx.people.add({ name: nm, role: 'Speaker' }));
  r.body.push(presentation(ids, names, comma > 0 ? r.inline(raw.slice(comma + 1).trim()) : []));
  return true;
};

/** "Figure 1" with its caption and source: the picture itself is not in the text, which is reported. */
const figureCaption: Rule = (r, at) => {
  const printed = r.vocab.labels.figure(at.t);
  if (printed === undefined) return false;
  r.flushList();
  const caption = printed || at.next;
  let k = printed ? at.i + 1 : at.i + 2;
  const source = at.paras[k] ? plain(at.paras[k]!.text) : '';
  const src = r.vocab.labels.source(source) ?? '';
  if (!src) k--;
  r.body.push(figure(caption, src));
  r.ctx.warn(at.p.n, 'FIGURE_MISSING', { key: 'figureMissing', values: { caption } }, { partId: r.current!.id });
  at.i = k;
  return true;
};

/** "The second commentator was Ms. Ann Jordan, who …": a commentator block, once per person. */
const commentatorParagraph: Rule = (r, at) => {
  if (r.current!.kind !== 'comments') return false;
  const who = commentatorName(at.t);
  if (!who || r.lastCommentators.has(who)) return false;
  r.flushList();
  r.lastCommentators.add(who);
  const id = r.ctx.people.add({ name: who, role: 'Commentator' });
  r.body.push(commentator([id], [who], r.inline(at.p.text)));
  return true;
};

/** Every paragraph of the highlights is one item, glyph or no glyph (anatomy §1.5.12). */
const highlight: Rule = (r, at) => {
  if (r.current!.kind !== 'highlights') return false;
  r.items.push({ children: r.inline(at.p.text.replace(BULLET, '')) });
  return true;
};

/** A bulleted paragraph; two bullets run together on one line by the OCR ("… continent. . Rising …") are two items. */
const bullet: Rule = (r, at) => {
  if (!BULLET.test(at.t)) return false;
  for (const piece of at.p.text.replace(BULLET, '').split(/(?<=\.)\s+[.o•]\s+(?=[A-Z])/))
    r.items.push({ children: r.inline(piece) });
  return true;
};

/** A number left alone by the OCR ("12."): reported at the item that follows it, counted by the conclusions. */
const strandedLabel: Rule = (r, at) => {
  if (!/^\d{1,2}\.$/.test(at.t)) return false;
  // Its place in the text: the first words of the item that follows it.
  const after = at.paras.slice(at.i + 1).find((q) => !/^\d{1,2}\.$/.test(plain(q.text)));
  const quote = after ? firstWords(plain(after.text).replace(BULLET, '')) : undefined;
  r.ctx.warn(
    at.p.n,
    'STRANDED_LABEL',
    { key: 'strandedLabel', values: { label: at.t } },
    { partId: r.current!.id, quote },
  );
  // Kept as a marker until the conclusions are counted (shapeConclusions), then dropped.
  r.body.push({ type: 'x-stranded', version: 1, value: Number(at.t.slice(0, -1)) } as unknown as DocNode);
  return true;
};

/** "Considering that:", "We urge governments:": the statement's short lines ending with a colon. */
const statementRunIn: Rule = (r, at) => {
  if (r.current!.kind !== 'annex-statement' || !/:$/.test(at.t) || at.t.length >= 120) return false;
  r.body.push(runIn(at.t, []));
  return true;
};

/**
 * A block of short lines (a document header, an address, an enumeration): the lines are kept.
 * Prose in a narrow column is joined like any paragraph (issue 12: ragged lines in the PDF).
 */
const shortLines: Rule = (r, at) => {
  const { lines } = at.p;
  if (lines.length < 3 || !lines.every((l) => l.length < 75) || breaksMidSentence(lines)) return false;
  r.body.push(
    paragraph(lines.flatMap((l, k) => [...(k ? [{ type: 'linebreak', version: 1 } as DocNode] : []), ...r.inline(l)])),
  );
  return true;
};

/** "Note: Canada …" in the final report, then the quoted statement: one paragraph for each printed one. */
const delegationNote: Rule = (r, at) => {
  const noted = r.vocab.labels.note(at.t);
  if (noted === undefined || r.current!.kind !== 'annex-final-report') return false;
  const delegation = noted.match(/^\S+/)?.[0] ?? '';
  r.body.push(paragraph(r.inline(at.p.text)));
  // The quoted statement follows: its paragraphs up to the closing quote.
  const quoted: DocNode[] = [];
  let j = at.i + 1;
  for (; j < at.paras.length; j++) {
    const q = at.paras[j]!;
    quoted.push(paragraph(r.inline(q.text)));
    if (/[”"]\s*$/.test(plain(q.text))) break;
  }
  r.body.push(delegationStatement(delegation.replace(/[^\p{L}]/gu, ''), quoted));
  at.i = j;
  return true;
};

/** The final report's "B." with its heading on the next paragraph: joined, and reported. */
const reportLabelAlone: Rule = (r, at) => {
  const cur = r.current!;
  if (cur.kind !== 'annex-final-report' || !/^[A-D]\.$/.test(at.t) || at.next.length >= 80 || endsWith(at.next, '.'))
    return false;
  r.ctx.warn(
    at.p.n,
    'BROKEN_HEADING',
    { key: 'brokenHeading.joined', values: { label: at.t, heading: at.next } },
    { partId: cur.id },
  );
  r.body.push(heading(2, [text(`${at.t} ${at.next}`)]));
  at.i++;
  return true;
};

/** The final report's labelled headings as printed ("I.", "A."), the OCR's "l." and "Ill." read as I. and III. */
const reportHeading: Rule = (r, at) => {
  if (
    r.current!.kind !== 'annex-final-report' ||
    !/^(?:[IVXl|]+\.|[A-D]\.)\s*\S.{0,80}$/.test(at.t) ||
    endsWith(at.t, '.')
  )
    return false;
  const roman = /^([IVXl|]+)\.\s*(\S.*)$/.exec(at.t);
  r.body.push(heading(roman ? 1 : 2, [text(roman ? `${repairRoman(roman[1]!)}. ${roman[2]}` : at.t)]));
  return true;
};

/** Tried before the list in progress is closed: a highlight or a bullet goes on it. */
export const LIST_RULES: Rule[] = [
  moderatorLine,
  epigraphQuote,
  presentationHead,
  figureCaption,
  commentatorParagraph,
  highlight,
  bullet,
];

/** Tried after the list in progress is closed. */
export const BLOCK_RULES: Rule[] = [
  strandedLabel,
  statementRunIn,
  shortLines,
  delegationNote,
  reportLabelAlone,
  reportHeading,
];
