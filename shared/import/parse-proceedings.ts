/**
 * Conference proceedings (seed 000): an OCR'd book, hard-wrapped, without markup.
 * Parts "A." … with units "Unit I." … each holding a moderator line, "1. Speakers"
 * (presentations headed "(a) Name, Title of the paper"), "2. Comments" and
 * "3. Highlights of the unit"; a summary; annexes with the final report, the
 * programme (→ agenda), the list of participants (→ registry) and a statement.
 */
import type { DocNode } from '../model/doc-nodes';
import {
  commentator,
  delegationStatement,
  epigraph,
  figure,
  footnote,
  heading,
  list,
  moderator,
  paragraph,
  presentation,
  runIn,
  text,
  type ListItemInput,
} from './nodes';
import { type ImportContext, type ImportedPart, setDoc } from './result';
import type { AgendaItem } from '../model/conference';
import type { SourceLine } from './source';
import { endsParagraph } from './source';
import { type BodyLine, isBrokenWord, type PageNote, repairRoman, splitPages, suggestRepairs } from './ocr';
import { namesIn, programmeSlots, programmeTable } from './read-programme';
import { readParticipants } from './read-participants';
import { firstWords, parseDateRange, squash, trailingLetters } from './util';

interface Para {
  n: number;
  text: string;
  lines: string[];
}

const BULLET = /^(?:[.o•)—–-]|\u00b7)\s+(?=\S)/;
const PRES_HEAD = /^\(\s*([a-h@&8€])(?:\s*\))?\s+(\S.*)$/;
const LETTERS = 'abcdefgh';

export function parseProceedings(lines: SourceLine[], ctx: ImportContext): void {
  const { body, notes } = splitPages(lines, ctx);
  placeAnchors(body, notes, ctx);
  const words = suggestRepairs(body, ctx);
  const hyphenBreaks: HyphenBreak[] = [];
  const paras = toParagraphs(body, hyphenBreaks);
  for (const h of hyphenBreaks) {
    if (!isBrokenWord(h.head, h.tail, words)) continue;
    ctx.warn(
      h.n,
      'OCR_REPAIR',
      { key: 'brokenWord', values: { find: h.find, replace: h.replace } },
      { suggestion: { find: h.find, replace: h.replace } },
    );
  }
  const noteById = new Map(notes.map((n) => [n.id, n]));
  const used = new Set<number>();
  const inline = (s: string): DocNode[] => {
    const out: DocNode[] = [];
    let last = 0;
    for (const m of s.matchAll(/<sup>(\d+)<\/sup>/g)) {
      const chunk = s.slice(last, m.index);
      if (chunk) out.push(text(chunk));
      const note = noteById.get(Number(m[1]));
      if (note) {
        out.push(footnote(squash(note.text)));
        used.add(note.id);
      }
      last = (m.index ?? 0) + m[0].length;
    }
    const tail = s.slice(last);
    if (tail) out.push(text(tail));
    return out;
  };
  const plain = (s: string) => squash(s.replace(/<sup>\d+<\/sup>/g, ''));

  let current: ImportedPart | null = null;
  let part: ImportedPart | null = null;
  let unit: ImportedPart | null = null;
  let finalPanel: ImportedPart | null = null;
  let body_: DocNode[] = [];
  let items: ListItemInput[] = [];
  let listRole: 'plain' | 'highlights' = 'plain';
  let partLetter = 0;
  let presLetter = 0;
  let pendingUnit: { label: string; n: number } | null = null;
  let annexNo = 0;
  const annexLines: { no: number; from: number; to: number }[] = [];
  let inBody = false;
  let lastCommentators = new Set<string>();

  const flushList = () => {
    if (items.length) body_.push(list(false, items, { role: listRole }));
    items = [];
  };
  const flush = () => {
    flushList();
    if (current) setDoc(current, current.kind === 'annex-final-report' ? shapeConclusions(body_) : body_);
    body_ = [];
  };
  const open = (parent: ImportedPart | null, kind: string, title: string, n: number) => {
    flush();
    current = ctx.part(parent, kind, title, n);
    listRole = kind === 'highlights' ? 'highlights' : 'plain';
    presLetter = 0;
    lastCommentators = new Set();
    return current;
  };

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const t = plain(p.text);
    const next = paras[i + 1] ? plain(paras[i + 1]!.text) : '';

    // Annexes: from here on, the programme and participants are read from lines.
    const annex = t.match(/^Annex\s+(\d)\s*:?$/i);
    if (annex) {
      annexNo = Number(annex[1]);
      const titlePara = paras[i + 1];
      const title = titlePara ? plain(titlePara.text) : `Annex ${annexNo}`;
      const kind =
        ['annex-final-report', 'programme', 'participants', 'annex-statement'][annexNo - 1] ?? 'annex-statement';
      open(null, kind, title, p.n);
      annexLines.push({ no: annexNo, from: titlePara?.n ?? p.n, to: Infinity });
      if (annexLines.length > 1) annexLines[annexLines.length - 2]!.to = p.n;
      part = unit = null;
      i++;
      continue;
    }
    if (annexNo === 2 || annexNo === 3) continue;

    if (/^Abstract$/i.test(t) && !inBody) {
      open(null, 'abstract', 'Abstract', p.n);
      continue;
    }
    if (/^Introduction$/i.test(t) && !inBody) {
      open(null, 'introduction', 'Introduction', p.n);
      continue;
    }
    if (/^Summary$/i.test(t)) {
      part = unit = null;
      open(null, 'summary', 'Summary', p.n);
      continue;
    }
    if (
      (current as ImportedPart | null)?.kind === 'introduction' &&
      /^(Background|Objectives|Specific objectives|Organization and agenda|Opening statements)$/i.test(t)
    ) {
      flushList();
      body_.push(heading(/^Specific/i.test(t) ? 2 : 1, [text(t)]));
      continue;
    }
    const partHead = t.match(/^([A-D])\.\s+(\S.{2,199})$/);
    if (partHead && annexNo === 0 && partHead[1]!.charCodeAt(0) - 64 === partLetter + 1 && !endsWith(t, '.')) {
      partLetter++;
      inBody = true;
      unit = null;
      if (partHead[1] === 'D') {
        finalPanel = part = open(null, 'final-panel', partHead[2]!, p.n);
        continue;
      }
      part = open(null, 'thematic-part', partHead[2]!, p.n);
      continue;
    }
    const unitHead = unitHeading(t);
    if (unitHead && part && !finalPanel && t.length < 160) {
      const label = repairRoman(unitHead.label.replace(/^\.?$/, 'I'));
      if (!unitHead.title) {
        // The label without its title (anatomy §1.5.13): the title comes later.
        pendingUnit = { label, n: p.n };
        ctx.warn(p.n, 'DISPLACED_HEADING', { key: 'displacedHeading.alone', values: { text: t } });
        continue;
      }
      unit = open(part, 'unit', unitHead.title, p.n);
      if (unitHead.label !== label && unitHead.label)
        ctx.warn(
          p.n,
          'OCR_LABEL',
          { key: 'ocrLabel.unit', values: { expected: unitHead.label, found: label } },
          { partId: unit.id },
        );
      continue;
    }
    const after = paras[i + 2] ? plain(paras[i + 2]!.text) : '';
    const twoLine = /^[a-z]/.test(next) && next.length < 80 && /^[“"]/.test(after);
    if (pendingUnit && part && t.length < 120 && !endsParagraph(t) && (/^[“"]/.test(next) || twoLine)) {
      const title = twoLine ? `${t} ${next}` : t;
      if (twoLine) i++;
      unit = open(part, 'unit', title, p.n);
      ctx.warn(
        pendingUnit.n,
        'DISPLACED_HEADING',
        {
          key: 'displacedHeading.joined',
          values: { label: pendingUnit.label, headingLine: pendingUnit.n, title, titleLine: p.n },
        },
        { partId: unit.id },
      );
      pendingUnit = null;
      continue;
    }
    const sub = t.match(
      /^(?:(\d)\.\s*)?(Speakers?|Comments|Highlights of the unit|Report of civil society organizations)$/i,
    );
    if (sub && (unit || finalPanel)) {
      const kind = /^Speaker/i.test(sub[2]!)
        ? finalPanel
          ? 'panel-speakers'
          : 'speakers'
        : /^Comments/i.test(sub[2]!)
          ? 'comments'
          : /^Highlights/i.test(sub[2]!)
            ? 'highlights'
            : 'cso-report';
      if (!sub[1]) ctx.warn(p.n, 'MISSING_LABEL', { key: 'missingLabel', values: { title: sub[2]! } });
      open(finalPanel ?? unit, kind, sub[2]!.replace(/^Speaker$/i, 'Speaker'), p.n);
      continue;
    }
    if (/^\d\.$/.test(t) && /^Highlights of the unit$/i.test(next)) {
      ctx.warn(p.n, 'BROKEN_HEADING', { key: 'brokenHeading.pageBreak', values: { label: t, heading: next } });
      continue;
    }
    if (!current) {
      open(null, 'abstract', 'Abstract', p.n);
    }
    const cur = current as ImportedPart | null;
    if (!cur) continue;

    const mod = t.match(/^M\s?o\s?der\s?ator\s*:\s*(\S.*|)$/);
    if (mod) {
      flushList();
      const [name, ...rest] = mod[1]!.split(',');
      const id = ctx.people.add({
        name: name!.trim(),
        title: rest.join(',').trim().replace(/\.$/, ''),
        role: 'Moderator',
      });
      body_.push(moderator([id], [name!.trim()], inline(p.text.replace(/^M\s?o\s?der\s?ator\s*:\s*/, ''))));
      continue;
    }
    if (
      /^[“"]/.test(t) &&
      (cur.kind === 'unit' ||
        cur.kind === 'thematic-part' ||
        (cur.kind === 'introduction' && /Opening statements/.test(lastHeading(body_))))
    ) {
      flushList();
      body_.push(epigraph(inline(p.text)));
      continue;
    }
    if ((cur.kind === 'speakers' || cur.kind === 'panel-speakers') && t.length < 300 && !/[.;:]$/.test(t)) {
      const pm = t.match(PRES_HEAD);
      if (pm) {
        const letter = LETTERS.indexOf(pm[1]!) >= 0 ? pm[1]! : 'a';
        if (LETTERS.indexOf(letter) === presLetter) {
          flushList();
          presLetter++;
          const raw = p.text.replace(/^\(\s*[a-h@&8€]\s*\)?\s+/, '');
          const comma = raw.indexOf(',');
          const who = comma > 0 ? raw.slice(0, comma) : raw;
          const names = plain(who)
            .split(/\sand\s/)
            .map((s) => s.trim())
            .filter(Boolean);
          const ids = names.map((nm) => ctx.people.add({ name: nm, role: 'Speaker' }));
          body_.push(presentation(ids, names, comma > 0 ? inline(raw.slice(comma + 1).trim()) : []));
          continue;
        }
      }
    }
    const fig = t.match(/^Figure\s+\d+\b\s*(\S.*|)$/);
    if (fig) {
      flushList();
      const caption = fig[1] || next;
      let k = fig[1] ? i + 1 : i + 2;
      const src =
        paras[k] && /^Source:/.test(plain(paras[k]!.text)) ? plain(paras[k]!.text).replace(/^Source:\s*/, '') : '';
      if (!src) k--;
      body_.push(figure(caption, src));
      ctx.warn(p.n, 'FIGURE_MISSING', { key: 'figureMissing', values: { caption } }, { partId: cur.id });
      i = k;
      continue;
    }
    if (cur.kind === 'comments') {
      const who = commentatorName(t);
      if (who && !lastCommentators.has(who)) {
        flushList();
        lastCommentators.add(who);
        const id = ctx.people.add({ name: who, role: 'Commentator' });
        body_.push(commentator([id], [who], inline(p.text)));
        continue;
      }
    }
    if (cur.kind === 'highlights') {
      // Every paragraph of the highlights is one item, glyph or no glyph (anatomy §1.5.12).
      items.push({ children: inline(p.text.replace(BULLET, '')) });
      continue;
    }
    if (BULLET.test(t)) {
      // Two bullets run together on one line by the OCR ("… continent. . Rising …") are two items.
      for (const piece of p.text.replace(BULLET, '').split(/(?<=\.)\s+[.o•]\s+(?=[A-Z])/))
        items.push({ children: inline(piece) });
      continue;
    }
    flushList();
    if (/^\d{1,2}\.$/.test(t)) {
      // Its place in the text: the first words of the item that follows it.
      const after = paras.slice(i + 1).find((q) => !/^\d{1,2}\.$/.test(plain(q.text)));
      const quote = after ? firstWords(plain(after.text).replace(BULLET, '')) : undefined;
      ctx.warn(p.n, 'STRANDED_LABEL', { key: 'strandedLabel', values: { label: t } }, { partId: cur.id, quote });
      // Kept as a marker until the conclusions are counted (shapeConclusions), then dropped.
      body_.push({ type: 'x-stranded', version: 1, value: Number(t.slice(0, -1)) } as unknown as DocNode);
      continue;
    }
    if (cur.kind === 'annex-statement' && /:$/.test(t) && t.length < 120) {
      body_.push(runIn(t, []));
      continue;
    }
    if (p.lines.length >= 3 && p.lines.every((l) => l.length < 75) && !breaksMidSentence(p.lines)) {
      // A block of short lines (a document header, an address, an enumeration): the lines are kept.
      // Prose in a narrow column is joined like any paragraph (issue 12: ragged lines in the PDF).
      body_.push(
        paragraph(
          p.lines.flatMap((l, k) => [...(k ? [{ type: 'linebreak', version: 1 } as DocNode] : []), ...inline(l)]),
        ),
      );
      continue;
    }
    if (/^Note:/.test(t) && cur.kind === 'annex-final-report') {
      const delegation = t.match(/^Note:\s*(\S+)/)?.[1] ?? '';
      body_.push(paragraph(inline(p.text)));
      // The quoted statement follows: its paragraphs up to the closing quote.
      // One paragraph of the statement for each of its printed paragraphs.
      const quoted: DocNode[] = [];
      let j = i + 1;
      for (; j < paras.length; j++) {
        const q = paras[j]!;
        quoted.push(paragraph(inline(q.text)));
        if (/[”"]\s*$/.test(plain(q.text))) break;
      }
      body_.push(delegationStatement(delegation.replace(/[^\p{L}]/gu, ''), quoted));
      i = j;
      continue;
    }
    if (cur.kind === 'annex-final-report' && /^[A-D]\.$/.test(t) && next.length < 80 && !endsWith(next, '.')) {
      ctx.warn(
        p.n,
        'BROKEN_HEADING',
        { key: 'brokenHeading.joined', values: { label: t, heading: next } },
        {
          partId: cur.id,
        },
      );
      body_.push(heading(2, [text(`${t} ${next}`)]));
      i++;
      continue;
    }
    if (cur.kind === 'annex-final-report' && /^(?:[IVXl|]+\.|[A-D]\.)\s*\S.{0,80}$/.test(t) && !endsWith(t, '.')) {
      // The labels as printed ("I.", "A."), the roman ones read through the OCR ("l." → "I.", "Ill." → "III.").
      const roman = /^([IVXl|]+)\.\s*(\S.*)$/.exec(t);
      body_.push(heading(roman ? 1 : 2, [text(roman ? `${repairRoman(roman[1]!)}. ${roman[2]}` : t)]));
      continue;
    }
    // A run-in heading of a line of its own ("Report", "General objective", "Specific objectives").
    if (
      cur.kind === 'annex-final-report' &&
      p.lines.length === 1 &&
      /^[A-Z][a-z]+(?: [a-z]+){0,3}$/.test(t) &&
      next.length > t.length
    ) {
      flushList();
      body_.push(heading(body_.some((n) => n.type === 'heading') ? 2 : 1, [text(t)]));
      continue;
    }
    body_.push(paragraph(inline(p.text)));
  }
  flush();
  if (pendingUnit)
    ctx.warn(pendingUnit.n, 'DISPLACED_HEADING', {
      key: 'displacedHeading.notFound',
      values: { label: pendingUnit.label },
    });

  const range = (no: number) => annexLines.find((a) => a.no === no);
  // The list of participants first, so that the programme's people named only there (José Antonio Ocampo) are linked.
  const participants = range(3);
  if (participants)
    readParticipants(
      body.filter((l) => l.n > participants.from && l.n < participants.to),
      ctx,
      ctx.parts.find((p) => p.kind === 'participants')?.id ?? null,
    );
  const programme = range(2);
  if (programme)
    readProgramme(
      body.filter((l) => l.n > programme.from && l.n < programme.to),
      ctx,
    );
  for (const note of notes) {
    if (!used.has(note.id))
      ctx.warn(note.line, 'NOTE_UNANCHORED', {
        key: 'noteUnanchored.notAttached',
        values: { text: note.text.slice(0, 60) },
      });
  }
  ctx.warn(1, 'FRONT_MATTER_ABSENT', { key: 'frontMatterAbsent' });
  readMeta(
    paras.map((p) => plain(p.text)),
    paras.flatMap((p) => p.lines),
    ctx,
  );
}

const endsWith = (t: string, c: string) => t.trimEnd().endsWith(c);

const inlineText = (n: DocNode): string =>
  n.type === 'text'
    ? n.text
    : 'children' in n && Array.isArray(n.children)
      ? (n.children as DocNode[]).map(inlineText).join('')
      : '';
const SUB_ROMAN = /^\((?:[ivxl]+|ii?f)\)\s*/;

/**
 * The groups of conclusions (A., B. under "Conclusions") as numbered lists (E-CONC). Most
 * items lost their numbers in the OCR; how many there are is known from the highest
 * number left, inline or stranded. Bullets, a lead-in and an "(i) … (ix)" list that
 * follow an item belong to it; paragraphs after the last item are the group's closing.
 */
function shapeConclusions(nodes: DocNode[]): DocNode[] {
  const out: DocNode[] = [];
  let inConclusions = false;
  for (let i = 0; i < nodes.length; ) {
    const n = nodes[i]!;
    if (n.type === 'heading' && n.tag === 'h1') inConclusions = /^(?:[IVX]+\.\s*)?Conclusions$/i.test(inlineText(n));
    if (!(inConclusions && n.type === 'heading' && n.tag === 'h2')) {
      if (n.type !== ('x-stranded' as string)) out.push(n);
      i++;
      continue;
    }
    out.push(n);
    let j = i + 1;
    while (j < nodes.length && nodes[j]!.type !== 'heading') j++;
    out.push(...conclusionGroup(nodes.slice(i + 1, j)));
    i = j;
  }
  return out;
}

function conclusionGroup(group: DocNode[]): DocNode[] {
  const numbers = group.flatMap((n) => {
    if (n.type === ('x-stranded' as string)) return [(n as unknown as { value: number }).value];
    const m = n.type === 'paragraph' ? inlineText(n).match(/^(\d{1,2})\.\s/) : null;
    return m ? [Number(m[1])] : [];
  });
  const expected = Math.max(0, ...numbers);
  const body = group.filter((n) => n.type !== ('x-stranded' as string));
  if (!expected) return body;
  const out: DocNode[] = [];
  const items: ListItemInput[] = [];
  let sub: ListItemInput[] = [];
  const flushSub = () => {
    // Right after a lead-in paragraph the sub-list stands on its own: a list does not begin with a nested one.
    if (sub.length && !items.length) out.push(list(true, sub, { numberFormat: 'lower-roman-paren' }));
    else if (sub.length)
      items.push({ children: [list(true, sub, { numberFormat: 'lower-roman-paren', depth: 1 })], nestedOnly: true });
    sub = [];
  };
  let k = 0;
  // The lead-in ("… made reference to the following points:") stays a paragraph.
  while (k < body.length && body[k]!.type === 'paragraph' && /:\s*$/.test(inlineText(body[k]!)) && !items.length)
    out.push(body[k++]!);
  let closing = false;
  /** Items numbered so far in the group, and the number the current list starts at. */
  let numberedSoFar = 0;
  let listStart = 1;
  for (; k < body.length; k++) {
    const n = body[k]!;
    const text = n.type === 'paragraph' ? inlineText(n) : '';
    if (closing) {
      out.push(n);
      continue;
    }
    if (n.type === 'list' && numberedSoFar > 0) {
      flushSub();
      items.push({ children: [nestAt(n, 1)], nestedOnly: true });
      continue;
    }
    if (n.type === 'paragraph' && numberedSoFar > 0 && SUB_ROMAN.test(text)) {
      // Short lines kept as one block may hold several "(viii) …" items: one per line that starts with a label.
      let piece: DocNode[] = [];
      const kids = (n as { children: DocNode[] }).children;
      kids.forEach((c, idx) => {
        const nextNode = kids[idx + 1];
        if (c.type === 'linebreak' && nextNode && SUB_ROMAN.test(inlineText(nextNode))) {
          sub.push({ children: stripLabel(piece, SUB_ROMAN) });
          piece = [];
        } else piece.push(c);
      });
      if (piece.length) sub.push({ children: stripLabel(piece, SUB_ROMAN) });
      continue;
    }
    if (n.type === 'paragraph' && numberedSoFar > 0 && /:\s*$/.test(text)) {
      // A lead-in after an item's sub-list ("These undertakings could entail the following:") stays after it:
      // the list stops there and goes on after the paragraph, numbered on.
      flushSub();
      out.push(list(true, items.splice(0), { role: 'conclusions', numberFormat: 'decimal', start: listStart }));
      listStart = numberedSoFar + 1;
      out.push(n);
      continue;
    }
    if (n.type === 'paragraph' && numberedSoFar < expected) {
      flushSub();
      items.push({ children: stripLabel((n as { children: DocNode[] }).children, /^\d{1,2}\.\s*/) });
      numberedSoFar++;
      continue;
    }
    flushSub();
    if (items.length) {
      out.push(list(true, items.splice(0), { role: 'conclusions', numberFormat: 'decimal', start: listStart }));
    }
    closing = true;
    out.push(n);
  }
  flushSub();
  if (items.length) out.push(list(true, items, { role: 'conclusions', numberFormat: 'decimal', start: listStart }));
  return out;
}

/** A list moved under an item: its items take the depth as indent (Lexical's serialization). */
function nestAt(n: DocNode, depth: number): DocNode {
  if (n.type !== 'list') return n;
  return { ...n, children: n.children.map((li) => (li.type === 'listitem' ? { ...li, indent: depth } : li)) };
}

function stripLabel(children: DocNode[], label: RegExp): DocNode[] {
  const [first, ...rest] = children;
  if (first && first.type === 'text') return [{ ...first, text: first.text.replace(label, '') }, ...rest];
  return children;
}
const lastHeading = (nodes: DocNode[]): string => {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (n.type === 'heading') return n.children.map((c) => (c.type === 'text' ? c.text : '')).join('');
  }
  return '';
};

/**
 * Whether a block of short lines is running text cut by the column: at least half of its
 * breaks fall where a sentence cannot end (after a comma, "the", "of" …, or before a word
 * in lower case). A header or an address breaks at the end of each item, save a wrapped line.
 */
export function breaksMidSentence(lines: string[]): boolean {
  const mid = lines.slice(0, -1).filter((l, k) => {
    const end = l.trimEnd();
    const next = lines[k + 1]!.trimStart();
    // The next item of an enumeration ("(iv) the …", "• …") starts on its own line.
    if (/^(?:\((?:[ivx]{1,5}|[a-h])\)|[•·-])\s/.test(next)) return false;
    return /[,\-–]$/.test(end) || /^\p{Ll}/u.test(next) || CONTINUES.test(trailingLetters(end).toLowerCase());
  }).length;
  return mid * 2 >= lines.length - 1;
}
const CONTINUES = /^(?:the|a|an|and|or|of|to|in|on|for|by|with|from|at|as|that|which|its|their|this|these)$/;

/**
 * "Unit II: Title" → label "II", title "Title". The label's letters could also begin the
 * title, so the rest is taken whole and split here (one pattern backtracks quadratically).
 */
function unitHeading(t: string): { label: string; title: string } | null {
  const m = /^Unit\s*([|lI1N-]*[AB]?)([\s\S]*)$/.exec(t);
  if (!m) return null;
  return { label: m[1]!, title: m[2]!.replace(/^\s*[.:]/, '').trim() };
}

/** "The second commentator was Ms. Ann Jordan, who …" → "Ann Jordan". */
function commentatorName(t: string): string | null {
  const m = t
    .slice(0, 160)
    .match(
      /(?:commentator(?:\s+(?:of|on|for)\s+(?:this|the present)\s+(?:panel|unit|session|block|table))?\s+was|commentator,|round of comments,|During the discussion,|took the floor was|take the floor was)\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?([A-ZÁÉÍÓÚ][^\s\d.,;:!?()*"“”[\]<>]*(?:\s+[A-ZÁÉÍÓÚ][^\s\d.,;:!?()*"“”[\]<>]*){0,3})/,
    );
  if (!m) return null;
  const words = m[1]!.trim().split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    const cut = w.search(/[^\p{L}'’-]/u);
    const clean = cut < 0 ? w : w.slice(0, cut);
    if (!clean || !/^[A-ZÁÉÍÓÚ]/.test(clean)) break;
    out.push(clean);
    if (clean !== w) break;
  }
  return out.length >= 2 ? out.join(' ') : null;
}

/** First halves of words that take a hyphen of their own ("non-qualified", "self-employed"). */
const HYPHEN_PREFIXES = new Set([
  'non',
  'co',
  'self',
  'well',
  're',
  'pre',
  'post',
  'anti',
  'multi',
  'inter',
  'extra',
  'cross',
  'long',
  'short',
  'wide',
  'high',
  'low',
  'semi',
  'sub',
  'half',
  'ex',
  'vice',
  'socio',
  'first',
  'second',
  'third',
  'full',
  'part',
  'under',
  'over',
  'mid',
  'counter',
  'decision',
  'follow',
]);
interface HyphenBreak {
  n: number;
  head: string;
  tail: string;
  find: string;
  replace: string;
}

/** Body lines to paragraphs: blank lines separate; a page break mid-sentence does not. */
function toParagraphs(body: BodyLine[], hyphenBreaks: HyphenBreak[]): Para[] {
  const out: Para[] = [];
  let cur: Para | null = null;
  let blank = false;
  // Lines that always open a paragraph of their own, even without a blank line before.
  const OPENS = /^(?:\d\.\s*(?:Speakers?|Comments|Highlights of the unit)$|M\s?o\s?der\s?ator\s*:|Unit\b)/;
  const SUBHEAD = /^\d\.\s*(?:Speakers?|Comments|Highlights of the unit)$/;
  // "(c) …" opens a presentation only after a heading or a finished sentence, not inside an enumeration.
  const opensPresentation = (t: string, c: Para) =>
    /^\(\s*[a-h@&8€](?:\s*\))?\s+\S/.test(t) && (SUBHEAD.test(c.text) || /[.:]\s*$/.test(c.text));
  const LONE_UNIT = /^Unit\s*\S*\.?$/;
  for (const l of body) {
    const t = l.text.trim();
    if (!t) {
      blank = true;
      continue;
    }
    const prev = out[out.length - 1];
    const clean = (s: string) => s.replace(/<sup>\d+<\/sup>/g, '');
    if (l.pageStart && prev && !endsParagraph(clean(prev.text)) && /^[a-z(]/.test(t)) {
      cur = prev;
      cur.text += ` ${t}`;
      cur.lines.push(t);
      blank = false;
      continue;
    }
    // Text resumed after a displaced heading ("Unit Il." in mid-sentence, anatomy §1.5.13).
    const before = out[out.length - 2];
    if (prev && before && LONE_UNIT.test(prev.text) && /^[a-z]/.test(t) && !endsParagraph(clean(before.text))) {
      cur = before;
      cur.text += ` ${t}`;
      cur.lines.push(t);
      out.splice(out.length - 1, 1);
      out.push(prev);
      blank = false;
      continue;
    }
    // A lowercase start after a blank line continues an unfinished paragraph (a word split off by the OCR).
    if (prev && blank && /^[a-z]/.test(t) && !endsParagraph(clean(prev.text)) && !SUBHEAD.test(prev.text)) {
      cur = prev;
      cur.text += ` ${t}`;
      cur.lines.push(t);
      blank = false;
      continue;
    }
    if (cur && !blank && !l.pageStart && !OPENS.test(t) && !opensPresentation(t, cur)) {
      if (/[a-z]-$/.test(cur.text) && /^[a-z]/.test(t)) {
        // A word broken at the line end keeps its hyphen ("Director-General"); a likely break is offered for repair.
        const head = trailingLetters(cur.text.slice(0, -1));
        const tail = t.match(/^\p{L}+/u)?.[0] ?? '';
        if (head && tail && !HYPHEN_PREFIXES.has(head.toLowerCase()))
          hyphenBreaks.push({ n: l.n, head, tail, find: `${head}-${tail}`, replace: `${head}${tail}` });
        cur.text = `${cur.text}${t}`;
      } else cur.text = `${cur.text} ${t}`;
      cur.lines.push(t);
      continue;
    }
    cur = { n: l.n, text: t, lines: [t] };
    out.push(cur);
    blank = false;
  }
  return out;
}

/**
 * The reference marks of 000 are garbled into glyphs stuck to a word ("Pizarro'",
 * "Infante?", "Jordan,*®"). The notes of a page take the mark-like glyphs of that page
 * in order of appearance (anatomy §8.2); what cannot be matched is reported.
 */
function placeAnchors(body: BodyLine[], notes: PageNote[], ctx: ImportContext): void {
  const byPage = new Map<number, BodyLine[]>();
  for (const l of body) (byPage.get(l.page) ?? byPage.set(l.page, []).get(l.page)!).push(l);
  const notesByPage = new Map<number, PageNote[]>();
  for (const n of notes) (notesByPage.get(n.page) ?? notesByPage.set(n.page, []).get(n.page)!).push(n);
  for (const [page, pageNotes] of notesByPage) {
    const pageLines = [...(byPage.get(page) ?? [])];
    const cands: { line: BodyLine; index: number; length: number; named: boolean }[] = [];
    let open = 0;
    for (const line of pageLines) {
      for (const m of line.text.matchAll(
        /((?<=[\p{L}.,)])(?:(?:“B|[’”"'?®*™%¢¥]){1,2}|\d{1,2})(?=[\s,.;:)]|$))|[“”]/gu,
      )) {
        const g = m[0];
        const at = m.index ?? 0;
        if (g === '“' && !m[1]) {
          open++;
          continue;
        }
        if (!m[1]) {
          if (open > 0) {
            open--;
            continue;
          }
        }
        if (open > 0 && /^[”’]/.test(g)) {
          open--;
          continue;
        }
        const before = line.text.slice(0, at);
        if (/^[’']/.test(g) && /s$/.test(before) && /^\s/.test(line.text.slice(at + g.length))) continue;
        // The apostrophe of a name ("Florizelle O’ Connor", "O’Connor") is no mark.
        if (/^[’']$/.test(g) && /(?:^|[\s(])\p{Lu}$/u.test(before) && /^\s?\p{Lu}/u.test(line.text.slice(at + 1)))
          continue;
        if (g === '?' && /^\s+[A-Z]/.test(line.text.slice(at + 1))) continue;
        if (/^\d/.test(g) && !/\p{L}$/u.test(before)) continue;
        const word = trailingLetters(before.replace(/[.,]$/, ''));
        cands.push({ line, index: at, length: g.length, named: /^[A-Z]/.test(word) });
      }
    }
    // Prefer marks stuck to capitalised words (names of speakers), keeping their order.
    let chosen = cands;
    if (cands.length > pageNotes.length) {
      const named = cands.filter((c) => c.named);
      chosen = named.length >= pageNotes.length ? named : cands;
    }
    const picks = chosen.slice(0, pageNotes.length);
    // Replace from the end of each line so indexes stay valid.
    pageNotes.forEach((note, k) => {
      const c = picks[k];
      if (!c) return;
      (c as { note?: number }).note = note.id;
    });
    const perLine = new Map<BodyLine, typeof picks>();
    for (const c of picks) (perLine.get(c.line) ?? perLine.set(c.line, []).get(c.line)!).push(c);
    for (const [line, cs] of perLine) {
      for (const c of cs.sort((a, b) => b.index - a.index)) {
        const id = (c as { note?: number }).note;
        line.text = `${line.text.slice(0, c.index)}<sup>${id}</sup>${line.text.slice(c.index + c.length)}`;
      }
    }
    for (const note of pageNotes.slice(picks.length)) {
      // No mark left on the page: attach to the end of the page's last body line, and say so.
      const last = [...pageLines].reverse().find((l) => l.text.trim());
      if (last) {
        last.text = `${last.text.trimEnd()}<sup>${note.id}</sup>`;
        ctx.warn(note.line, 'ANCHOR_GUESSED', {
          key: 'anchorGuessed',
          values: { text: note.text.slice(0, 60), line: last.n },
        });
      }
    }
  }
}

/** Annex 2 (anatomy §1.3): the slots rebuilt (read-programme.ts), into the agenda and, as printed, into the annex's text. */
function readProgramme(lines: BodyLine[], ctx: ImportContext): void {
  const part = ctx.parts.find((p) => p.kind === 'programme');
  const unmatched: { name: string; line: number }[] = [];
  const slots = programmeSlots(lines, ctx);
  for (const slot of slots) {
    const titles = slot.lines.filter((l) => l.kind === 'title').map((l) => l.text);
    const item = ctx.agendaItem({
      day: slot.day,
      start: slot.start,
      end: slot.end,
      title: (titles.join('; ') || slot.section).slice(0, 1000),
      partId: null,
      moderatorId: null,
      speakerIds: [],
    });
    for (const line of slot.lines) {
      if (line.kind === 'commentators' || line.kind === 'topic' || line.kind === 'title') continue;
      for (const name of namesIn(line)) linkPerson(item, name, line.kind === 'moderator', slot.n, ctx, unmatched);
    }
  }
  if (part) setDoc(part, [programmeTable(slots)]);
  if (unmatched.length) {
    ctx.warn(
      lines[0]?.n ?? null,
      'PROGRAMME_NAMES',
      {
        key: 'programmeNames',
        values: { names: unmatched.map((u) => `“${u.name}” (line ${u.line})`).join(', ') },
      },
      { partId: part?.id ?? null },
    );
  }
  ctx.warn(
    lines[0]?.n ?? null,
    'PROGRAMME_REBUILT',
    { key: 'programmeRebuilt', values: { count: slots.length } },
    // Its place: the first time as printed, at the top of the rebuilt table.
    { partId: part?.id ?? null, quote: slots[0]?.time },
  );
}

/** Links a person named in the programme to a slot, when the registry knows that name. */
function linkPerson(
  item: AgendaItem,
  name: string,
  isModerator: boolean,
  line: number,
  ctx: ImportContext,
  unmatched: { name: string; line: number }[],
): void {
  const p = ctx.people.find(name);
  if (!p) {
    unmatched.push({ name, line });
    return;
  }
  if (isModerator) item.moderatorId = p.id;
  else if (!item.speakerIds.includes(p.id)) item.speakerIds.push(p.id);
}

function readMeta(paras: string[], lines: string[], ctx: ImportContext): void {
  const all = paras.join(' ');
  const title = all.match(
    /Hemispheric Conference on International Migration: Human Rights and(?: the)? Trafficking in Persons in the Americas/,
  );
  ctx.meta.title = title ? title[0].replace('and the Trafficking', 'and Trafficking') : (paras[0] ?? '');
  // The place and dates line of the annexed final report: "Santiago, Chile, 20-22 November 2002".
  const place = lines
    .map((l) =>
      l.match(/^([A-Z][\p{L} ]{2,40}), ([A-Z][\p{L} ]{2,40}), (\d{1,2}\s*[-–]\s*\d{1,2} [A-Z][a-z]+ \d{4})$/u),
    )
    .find(Boolean);
  if (place) {
    Object.assign(ctx.meta, parseDateRange(place[3]!) ?? {});
    ctx.meta.city = place[1]!.trim();
    ctx.meta.country = place[2]!.trim();
  }
  ctx.meta.organisers = [
    'Economic Commission for Latin America and the Caribbean (ECLAC)',
    'International Organization for Migration (IOM)',
  ];
  ctx.meta.venue = 'ECLAC headquarters';
  ctx.meta.series = 'CEPAL – Serie Seminarios y conferencias';
  ctx.meta.seriesNumber = '33';
  ctx.meta.language = 'en';
}
