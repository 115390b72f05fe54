/**
 * Conference proceedings (seed 000): an OCR'd book, hard-wrapped, without markup.
 * Parts "A." … with units "Unit I." … each holding a moderator line, "1. Speakers"
 * (presentations headed "(a) Name, Title of the paper"), "2. Comments" and
 * "3. Highlights of the unit"; a summary; annexes with the final report, the
 * programme (→ agenda), the list of participants (→ registry) and a statement.
 */
import type { DocNode } from '../../model/doc-nodes';
import type { Template } from '../../templates/schema';
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
} from '../nodes';
import { type ImportContext, type ImportedPart, setDoc } from '../result';
import type { SourceLine } from '../source';
import { endsParagraph } from '../source';
import { isBrokenWord, repairRoman, splitPages, suggestRepairs } from '../ocr';
import { readParticipants } from '../read-participants';
import { firstWords, squash } from '../util';
import { placeAnchors } from './anchors';
import { shapeConclusions } from './conclusions';
import { readMeta } from './meta';
import { breaksMidSentence, type HyphenBreak, toParagraphs } from './paragraphs';
import { readProgramme } from './programme-annex';
import { commentatorName, LETTERS, PRES_HEAD } from './units';
import { proceedingsVocabulary } from './vocabulary';

const BULLET = /^(?:[.o•)—–-]|\u00b7)\s+(?=\S)/;

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
    const annex = vocab.annexNumber(t);
    if (annex !== null) {
      annexNo = annex;
      const titlePara = paras[i + 1];
      const title = titlePara ? plain(titlePara.text) : t;
      open(null, vocab.annexKind(title, annexNo), title, p.n);
      annexLines.push({ no: annexNo, from: titlePara?.n ?? p.n, to: Infinity });
      if (annexLines.length > 1) annexLines[annexLines.length - 2]!.to = p.n;
      part = unit = null;
      i++;
      continue;
    }
    if (annexNo === 2 || annexNo === 3) continue;

    const front = !inBody && (['abstract', 'introduction'] as const).find((kind) => vocab.isHeading(kind, t));
    if (front) {
      open(null, front, t, p.n);
      continue;
    }
    if (vocab.isHeading('summary', t)) {
      part = unit = null;
      open(null, 'summary', t, p.n);
      continue;
    }
    const subheading = vocab.subheadingLevel(t);
    if (subheading && current) {
      // A passage's heading of a line of its own ("Background", "Specific objectives", the final report's "Report").
      flushList();
      body_.push(heading(subheading, [text(t)]));
      continue;
    }
    const partHead = t.match(/^([A-D])\.\s+(\S.{2,199})$/);
    if (partHead && annexNo === 0 && partHead[1]!.charCodeAt(0) - 64 === partLetter + 1 && !endsWith(t, '.')) {
      partLetter++;
      inBody = true;
      unit = null;
      if (vocab.partKind(partHead[2]!) === 'final-panel') {
        finalPanel = part = open(null, 'final-panel', partHead[2]!, p.n);
        continue;
      }
      part = open(null, 'thematic-part', partHead[2]!, p.n);
      continue;
    }
    const unitHead = vocab.unitHeading(t);
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
    const sub = unit || finalPanel ? vocab.subsection(t, finalPanel ? 'final-panel' : 'unit') : null;
    if (sub) {
      if (!sub.label) ctx.warn(p.n, 'MISSING_LABEL', { key: 'missingLabel', values: { title: sub.title } });
      open(finalPanel ?? unit, sub.kind, sub.title, p.n);
      continue;
    }
    const labelAlone = /^\d\.$/.test(t) ? vocab.subsection(next, finalPanel ? 'final-panel' : 'unit') : null;
    if (labelAlone && !labelAlone.label) {
      // The label at a page foot, its heading on the next page ("3." … "Highlights of the unit").
      ctx.warn(p.n, 'BROKEN_HEADING', { key: 'brokenHeading.pageBreak', values: { label: t, heading: next } });
      continue;
    }
    if (!current) {
      open(null, 'abstract', 'Abstract', p.n);
    }
    const cur = current as ImportedPart | null;
    if (!cur) continue;

    if (vocab.moderator.test(t)) {
      flushList();
      const [name, ...rest] = t.replace(vocab.moderator, '').split(',');
      const id = ctx.people.add({
        name: name!.trim(),
        title: rest.join(',').trim().replace(/\.$/, ''),
        role: 'Moderator',
      });
      body_.push(moderator([id], [name!.trim()], inline(p.text.replace(vocab.moderator, ''))));
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

const lastHeading = (nodes: DocNode[]): string => {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (n.type === 'heading') return n.children.map((c) => (c.type === 'text' ? c.text : '')).join('');
  }
  return '';
};
