/**
 * The rules that open the parts of the proceedings, in the order they are tried: an annex,
 * the abstract and introduction, the summary, a lettered part, a unit (or its label alone,
 * then its title), a unit's or the final panel's numbered sub-section. Their words come from
 * the template (vocabulary.ts); the labels' shapes and the OCR's damage to them are the book's.
 */
import { heading, text } from '../nodes';
import { repairRoman } from '../ocr';
import { endsParagraph } from '../source';
import { plain, type ProceedingsReader, type Rule } from './reader';

/** The annexes read from their lines, not as paragraphs (programme-annex.ts, read-participants.ts). */
const LINE_ANNEXES = new Set(['programme', 'participants']);

/** "Annex 2:" and the title on the next paragraph: the annex's kind is its title's. */
const annex: Rule = (r, at) => {
  if (r.vocab.annexNumber(at.t) === null) return false;
  const titlePara = at.paras[at.i + 1];
  const title = titlePara ? plain(titlePara.text) : at.t;
  const kind = r.vocab.annexKind(title, r.vocab.annexNumber(at.t)!);
  r.open(null, kind, title, at.p.n);
  const last = r.annexLines[r.annexLines.length - 1];
  if (last) last.to = at.p.n;
  r.annexLines.push({ kind, from: titlePara?.n ?? at.p.n, to: Infinity });
  r.inAnnexes = true;
  r.part = r.unit = null;
  at.i++;
  return true;
};

/** The programme and the list of participants are read from their lines afterwards. */
const lineAnnexText: Rule = (r) => LINE_ANNEXES.has(r.current?.kind ?? '');

/** "Abstract", "Introduction": only before the first lettered part. */
const frontPart: Rule = (r, at) => {
  const kind = !r.inBody && (['abstract', 'introduction'] as const).find((k) => r.vocab.isHeading(k, at.t));
  if (!kind) return false;
  r.open(null, kind, at.t, at.p.n);
  return true;
};

const summary: Rule = (r, at) => {
  if (!r.vocab.isHeading('summary', at.t)) return false;
  r.part = r.unit = null;
  r.open(null, 'summary', at.t, at.p.n);
  return true;
};

/** A passage's heading of a line of its own ("Background", "Specific objectives", the final report's "Report"). */
const subheading: Rule = (r, at) => {
  const level = r.vocab.subheadingLevel(at.t);
  if (!level || !r.current) return false;
  r.flushList();
  r.body.push(heading(level, [text(at.t)]));
  return true;
};

/** "A. International migration": the next letter in sequence, before the annexes; the final panel by its title. */
const letteredPart: Rule = (r, at) => {
  const m = at.t.match(/^([A-D])\.\s+(\S.{2,199})$/);
  if (!m || r.inAnnexes || m[1]!.charCodeAt(0) - 64 !== r.partLetter + 1 || at.t.trimEnd().endsWith('.')) return false;
  r.partLetter++;
  r.inBody = true;
  r.unit = null;
  const kind = r.vocab.partKind(m[2]!);
  r.part = r.open(null, kind, m[2]!, at.p.n);
  if (kind === 'final-panel') r.finalPanel = r.part;
  return true;
};

/** "Unit II: Title" (the label as the OCR left it, repaired and reported); a label alone waits for its title. */
const unitHeading: Rule = (r, at) => {
  const head = r.vocab.unitHeading(at.t);
  if (!head || !r.part || r.finalPanel || at.t.length >= 160) return false;
  const label = repairRoman(head.label.replace(/^\.?$/, 'I'));
  if (!head.title) {
    // The label without its title (anatomy §1.5.13): the title comes later.
    r.pendingUnit = { label, n: at.p.n };
    r.ctx.warn(at.p.n, 'DISPLACED_HEADING', { key: 'displacedHeading.alone', values: { text: at.t } });
    return true;
  }
  r.unit = r.open(r.part, 'unit', head.title, at.p.n);
  if (head.label !== label && head.label)
    r.ctx.warn(
      at.p.n,
      'OCR_LABEL',
      { key: 'ocrLabel.unit', values: { expected: head.label, found: label } },
      { partId: r.unit.id },
    );
  return true;
};

/** The title of a unit whose label came alone: a short unfinished line before the unit's epigraph (“…). */
const displacedUnitTitle: Rule = (r, at) => {
  const pending = r.pendingUnit;
  if (!pending || !r.part || at.t.length >= 120 || endsParagraph(at.t)) return false;
  const after = at.paras[at.i + 2] ? plain(at.paras[at.i + 2]!.text) : '';
  const twoLine = /^[a-z]/.test(at.next) && at.next.length < 80 && /^[“"]/.test(after);
  if (!/^[“"]/.test(at.next) && !twoLine) return false;
  const title = twoLine ? `${at.t} ${at.next}` : at.t;
  if (twoLine) at.i++;
  r.unit = r.open(r.part, 'unit', title, at.p.n);
  r.ctx.warn(
    pending.n,
    'DISPLACED_HEADING',
    {
      key: 'displacedHeading.joined',
      values: { label: pending.label, headingLine: pending.n, title, titleLine: at.p.n },
    },
    { partId: r.unit.id },
  );
  r.pendingUnit = null;
  return true;
};

const within = (r: ProceedingsReader) => (r.finalPanel ? 'final-panel' : 'unit');

/** "1. Speakers", "2. Comments", "3. Highlights of the unit"; a missing number is reported. */
const subsection: Rule = (r, at) => {
  const sub = r.unit || r.finalPanel ? r.vocab.subsection(at.t, within(r)) : null;
  if (!sub) return false;
  if (!sub.label) r.ctx.warn(at.p.n, 'MISSING_LABEL', { key: 'missingLabel', values: { title: sub.title } });
  r.open(r.finalPanel ?? r.unit, sub.kind, sub.title, at.p.n);
  return true;
};

/** The label at a page foot, its heading on the next page ("3." … "Highlights of the unit"). */
const subsectionLabelAlone: Rule = (r, at) => {
  const sub = /^\d\.$/.test(at.t) ? r.vocab.subsection(at.next, within(r)) : null;
  if (!sub || sub.label) return false;
  r.ctx.warn(at.p.n, 'BROKEN_HEADING', { key: 'brokenHeading.pageBreak', values: { label: at.t, heading: at.next } });
  return true;
};

export const OUTLINE_RULES: Rule[] = [
  annex,
  lineAnnexText,
  frontPart,
  summary,
  subheading,
  letteredPart,
  unitHeading,
  displacedUnitTitle,
  subsection,
  subsectionLabelAlone,
];

/** Warns about a unit label whose title never came. */
export function endOutline(r: ProceedingsReader): void {
  if (r.pendingUnit)
    r.ctx.warn(r.pendingUnit.n, 'DISPLACED_HEADING', {
      key: 'displacedHeading.notFound',
      values: { label: r.pendingUnit.label },
    });
}
