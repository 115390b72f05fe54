/**
 * Annual activity reports (seed 002): plain text from Word, one paragraph per line,
 * hand-typed outline labels (I. / A. / E.1 / 1. / i. / a.) often on a line of their own,
 * "·" bullets, and endnotes at the end whose reference marks were lost: the text only
 * shows where a mark was by a line broken mid-sentence.
 */
import type { DocNode } from '../model/doc-nodes';
import { footnote, heading, paragraph, runIn } from './nodes';
import { parseInline, plainInline } from './inline';
import { listNode } from './block-nodes';
import type { ListBlock } from './markdown-blocks';
import { type ImportContext, type ImportedPart, setDoc } from './result';
import type { SourceLine } from './source';
import { romanValue, squash, titleCase } from './util';

interface Para {
  n: number;
  text: string;
  traces: number[];
}

const FFFD = '\uFFFD';
const ENDNOTE = /^\s*\uFFFD\.\t\s*(\S.*|)$/;
const LONE_LABEL = /^\s*((?:[IVX]+|[A-H](?:\.\d)?|\d{1,2}|[ivx]{1,4}|[a-h])[.)]|\d{1,2}\))\s*$/;
const TOP_KINDS: [RegExp, string][] = [
  [/^introduction/i, 'introduction'],
  [/^background/i, 'background'],
  [/^objectives/i, 'objectives'],
  [/activity report|activities/i, 'activity-report'],
  [/^conclusions?/i, 'conclusion'],
];

/** Word's HYPERLINK field codes (anatomy §3.5): keep the address, drop the code. */
const stripFieldCodes = (s: string) =>
  s.replace(/\uFFFD\s*HYPERLINK\s+"([^"]+)"[^\uFFFD]*\uFFFD+[^\uFFFD]*\uFFFD/g, '<$1>').replace(/\uFFFD/g, '');

export function parseAnnualReport(lines: SourceLine[], ctx: ImportContext): void {
  const notes: { text: string; line: number }[] = [];
  const paras: Para[] = [];
  let pendingLabel: { n: number; label: string } | null = null;
  for (const { n, text: raw } of lines) {
    const note = raw.match(ENDNOTE);
    if (note) {
      notes.push({ text: squash(plainInline(stripFieldCodes(note[1]!).replace(/<(https?:[^<>]+)>/g, '$1'))), line: n });
      continue;
    }
    if (notes.length) {
      if (raw.trim()) notes[notes.length - 1]!.text += ` ${squash(stripFieldCodes(raw))}`;
      continue;
    }
    const t = raw.trimEnd();
    if (!t.trim()) continue;
    if (t.includes(FFFD)) {
      /* field codes in the body are cleaned below */
    }
    if (LONE_LABEL.test(t)) {
      pendingLabel = { n, label: t.trim() };
      continue;
    }
    const prev = paras[paras.length - 1];
    // A lost reference mark: the line was broken there and the rest starts with a space or stray punctuation.
    if (prev && !pendingLabel && (/^ [a-z(]/.test(t) || /^[.)]/.test(t.trimStart())) && n > 3) {
      prev.traces.push(prev.text.length);
      prev.text += t.trimStart().startsWith('.') || t.trimStart().startsWith(')') ? t.trimStart() : ` ${t.trimStart()}`;
      continue;
    }
    const text = pendingLabel ? `${pendingLabel.label} ${t.trim()}` : t.trim();
    paras.push({ n: pendingLabel?.n ?? n, text: stripFieldCodes(text), traces: [] });
    pendingLabel = null;
  }
  if (pendingLabel) paras.push({ n: pendingLabel.n, text: pendingLabel.label, traces: [] });

  placeEndnotes(paras, notes, ctx);

  // Title block: before the first top-level heading.
  const first = paras.findIndex((p) => /^I\.\s+\S/.test(p.text));
  const titleBlock = paras.slice(0, Math.max(0, first));
  for (const p of titleBlock) {
    const plain = plainInline(p.text);
    if (/^\[.*\]$/.test(plain)) ctx.meta.symbol = plain.slice(1, -1);
    else if (!ctx.meta.title) ctx.meta.title = titleCase(plain);
    else ctx.meta.subtitle = ctx.meta.subtitle ? `${ctx.meta.subtitle} ${titleCase(plain)}` : titleCase(plain);
  }

  const inl = { anchors: (label: string) => anchorNode(label, notes) };
  let top = 0;
  let letter = 0;
  let topPart: ImportedPart | null = null;
  let implementer: ImportedPart | null = null;
  let current: ImportedPart | null = null;
  let body: DocNode[] = [];
  let list: ListBlock | null = null;
  let warnedUnlabelled = false;
  const flushList = () => {
    if (list) body.push(listNode(list, inl));
    list = null;
  };
  /** The last upper-roman item of this part ("IV."): the next label in its sequence continues it, even after text between. */
  let lastRoman = 0;
  const flush = () => {
    flushList();
    if (current) setDoc(current, body);
    body = [];
    lastRoman = 0;
  };
  const addItem = (ordered: boolean, marker: string, text: string, n: number) => {
    const cls = (m: string) =>
      /^\d/.test(m) ? `d${m.slice(-1)}` : /^[IVX]/.test(m) ? 'R' : /^[ivx]/.test(m) ? 'r' : m;
    if (list && (list.ordered !== ordered || cls(list.marker) !== cls(marker))) flushList();
    if (!list) list = { t: 'list', ordered, marker, items: [], line: n };
    list.items.push({ text, line: n, marker, sub: null });
  };

  for (let i = Math.max(0, first); i < paras.length; i++) {
    const p = paras[i]!;
    const t = p.text;
    const plain = plainInline(t);
    const short = plain.length < 90;
    // A heading's text without its closing colon (trimmed here, not by a lazy pattern: linear).
    const head = plain.trimEnd().replace(/:$/, '').trimEnd();
    const roman = head.match(/^([IVX]+)\.\s+(\S.*|)$/);
    if (roman && short) {
      const v = romanValue(roman[1]!);
      const known = TOP_KINDS.some(([re]) => re.test(roman[2]!));
      // Inside an implementer, "V. Presentation …" is the implementer's own item unless it names a section of the report.
      if ((v === top + 1 || (v === top + 2 && top >= 1)) && (!implementerContext(current) || known)) {
        if (v === top + 2)
          ctx.warn(p.n, 'NUMBERING_GAP', {
            key: 'numberingGap',
            values: { found: roman[1]!, previous: toRomanSimple(top), missing: toRomanSimple(top + 1) },
          });
        flush();
        top = v;
        const kind = TOP_KINDS.find(([re]) => re.test(roman[2]!))?.[1] ?? 'annex';
        topPart = current = ctx.part(null, kind, roman[2]!.trim(), p.n);
        implementer = null;
        letter = 0;
        continue;
      }
    }
    const impl = head.match(/^([A-H])\.\s+(\S.*|)$/);
    if (impl && short && topPart?.kind === 'activity-report' && impl[1]!.charCodeAt(0) - 64 === letter + 1) {
      flush();
      letter++;
      implementer = current = ctx.part(topPart, 'implementer', impl[2]!.trim(), p.n);
      continue;
    }
    const unit = head.match(/^([A-H])\.(\d)\.?\s+(\S.*|)$/);
    if (unit && implementer && unit[1]!.charCodeAt(0) - 64 === letter) {
      flush();
      current = ctx.part(implementer, 'implementer-unit', unit[3]!.trim(), p.n);
      continue;
    }
    if (!current) current = ctx.part(null, 'introduction', 'Introduction', p.n);
    // "A.  Program objectives:" outside the activity report: a heading of its section.
    const lettered = head.match(/^([A-H])\.\s+(\S.{2,79})$/);
    if (lettered && !implementerContext(current) && !/\.\s*$/.test(lettered[2]!)) {
      flushList();
      body.push(heading(1, parseInline(lettered[2]!, inl)));
      continue;
    }
    const bullet = t.match(/^·\s*(\S.*|)$/);
    if (bullet) {
      addItem(false, '-', bullet[1]!, p.n);
      continue;
    }
    const num = t.match(/^(\d{1,2}[.)]|[IVX]+\.|[ivx]{1,4}\.|[a-h]\.)\s+(\S.*|)$/);
    if (num) {
      const rest = num[2]!;
      const label = num[1]!;
      const runin = rest.match(/^([^.:]{3,80}):\s+(\S.*)$/);
      if (/^[a-h]\.$/.test(label) && runin) {
        flushList();
        body.push(runIn(`${label} ${runin[1]}:`, parseInline(runin[2]!, inl)));
        continue;
      }
      const roman = /^[IVX]+\.$/.test(label) ? romanValue(label.slice(0, -1)) : 0;
      const continuesItems = roman > 1 && roman === lastRoman + 1;
      // A label and a title without a final period is a heading; upper-roman titles can be long (PAHO's).
      if (!continuesItems && plainInline(rest).length < (roman ? 250 : 110) && !/\.\s*$/.test(rest)) {
        flushList();
        const level = /^[ivx]+\.$/.test(label) || /^[a-h]\.$/.test(label) ? 2 : 1;
        body.push(heading(level, parseInline(rest.replace(/:\s*$/, ''), inl)));
        continue;
      }
      // The label as printed: its value and its format (upper roman) carry into the list.
      addItem(true, label, rest, p.n);
      if (roman) lastRoman = roman;
      continue;
    }
    flushList();
    if (/^[A-Z0-9][A-Z0-9 ,-]{3,60}$/.test(plain) && /[A-Z]{3}/.test(plain)) {
      if (/^SOME SPECIFIC EXAMPLES$/.test(plain)) {
        body.push(runIn('Some specific examples:', []));
        continue;
      }
      if (!warnedUnlabelled && current.kind === 'implementer-unit') {
        warnedUnlabelled = true;
        ctx.warn(
          p.n,
          'UNLABELLED_BLOCK',
          { key: 'unlabelledBlock', values: { text: plain, part: current.title } },
          { partId: current.id },
        );
      }
      body.push(
        heading(2, [
          { type: 'text', text: titleCase(plain), format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
        ]),
      );
      continue;
    }
    const runin = t.match(/^([A-Z][A-Za-z -]{2,40}):\s*(\S.*|)$/);
    if (runin) {
      body.push(runIn(`${runin[1]}:`, parseInline(runin[2]!, inl)));
      continue;
    }
    if (
      plain.length < 90 &&
      !/[.:;,]$/.test(plain) &&
      /^[A-Z]/.test(plain) &&
      paras[i + 1] &&
      !/^·/.test(paras[i + 1]!.text)
    ) {
      body.push(heading(2, parseInline(t, inl)));
      continue;
    }
    const annex = t.match(/\(see Annex\)|Annexed hereto/i);
    if (annex) {
      ctx.warn(p.n, 'ANNEX_ABSENT', { key: 'annexAbsent.referred' }, { partId: current.id, quote: annex[0] });
    }
    body.push(paragraph(parseInline(t, inl)));
  }
  flush();
}

const implementerContext = (p: ImportedPart | null) => p?.kind === 'implementer' || p?.kind === 'implementer-unit';
const toRomanSimple = (n: number) => ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? String(n);

function anchorNode(label: string, notes: { text: string }[]): DocNode | null {
  const note = notes[Number(label) - 1];
  return note ? footnote(note.text) : null;
}

const words = (s: string) => new Set(s.toLowerCase().match(/\p{L}{5,}/gu) ?? []);

/**
 * Endnotes to their places: each trace of a lost mark gets one note, in order, choosing
 * which notes have no trace by how well each note's words match the text before the
 * trace. Every placement is reported, since it is a reconstruction.
 */
function placeEndnotes(paras: Para[], notes: { text: string; line: number }[], ctx: ImportContext): void {
  if (!notes.length) return;
  const traces = paras.flatMap((p, pi) => p.traces.map((at) => ({ pi, at })));
  const T = traces.length;
  const N = notes.length;
  const score = (t: number, k: number) => {
    const tr = traces[t]!;
    const before = words(paras[tr.pi]!.text.slice(Math.max(0, tr.at - 400), tr.at));
    let s = 0;
    for (const w of words(notes[k]!.text)) if (before.has(w)) s++;
    return s;
  };
  // best[t][k]: best total placing traces 0..t-1 with notes 0..k-1 (monotonic).
  const best: number[][] = Array.from({ length: T + 1 }, () => new Array<number>(N + 1).fill(-Infinity));
  for (let k = 0; k <= N; k++) best[0]![k] = 0;
  for (let t = 1; t <= T; t++) {
    for (let k = t; k <= N; k++) best[t]![k] = Math.max(best[t]![k - 1]!, best[t - 1]![k - 1]! + score(t - 1, k - 1));
  }
  const assigned = new Map<number, number>();
  for (let t = T, k = N; t > 0 && k > 0; ) {
    if (best[t]![k] === best[t]![k - 1]) k--;
    else {
      assigned.set(t - 1, k - 1);
      t--;
      k--;
    }
  }
  const inserts = new Map<number, { at: number; k: number }[]>();
  for (const [t, k] of assigned) {
    const tr = traces[t]!;
    (inserts.get(tr.pi) ?? inserts.set(tr.pi, []).get(tr.pi)!).push({ at: tr.at, k });
    ctx.warn(paras[tr.pi]!.n, 'ENDNOTE_PLACED', {
      key: 'endnotePlaced',
      values: { number: k + 1, context: paras[tr.pi]!.text.slice(Math.max(0, tr.at - 40), tr.at) },
    });
  }
  const placed = new Set(assigned.values());
  notes.forEach((note, k) => {
    if (placed.has(k)) return;
    // No trace left: the paragraph sharing most words with the note, flagged.
    let bestPi = paras.length - 1;
    let bestScore = -1;
    const nw = words(note.text);
    paras.forEach((p, pi) => {
      let s = 0;
      for (const w of words(p.text)) if (nw.has(w)) s++;
      if (s > bestScore) {
        bestScore = s;
        bestPi = pi;
      }
    });
    (inserts.get(bestPi) ?? inserts.set(bestPi, []).get(bestPi)!).push({ at: paras[bestPi]!.text.length, k });
    ctx.warn(note.line, 'ANCHOR_LOST', {
      key: 'anchorLost',
      values: { number: k + 1, text: note.text.slice(0, 60), line: paras[bestPi]!.n },
    });
  });
  for (const [pi, list] of inserts) {
    const p = paras[pi]!;
    for (const { at, k } of list.sort((a, b) => b.at - a.at))
      p.text = `${p.text.slice(0, at)}<sup>${k + 1}</sup>${p.text.slice(at)}`;
  }
}
