/**
 * Workshop reports (seed 003) and the fallback for plain text: a title block, capitalised
 * section headings, "Session I: title" groups of intervention summaries opening with the
 * speaker ("Ms. Name, Position at Organisation, noted …"), footnotes as ¹ ² at page feet.
 */
import type { DocNode } from '../model/doc-nodes';
import { list, paragraph, personRef, type ListItemInput } from './nodes';
import { noteFromMarkup, parseInline, plainInline, superscriptToDigits } from './inline';
import { type ImportContext, type ImportedPart, setDoc } from './result';
import { type SourceLine, endsParagraph } from './source';
import { organisersIn, parseDateRange, romanValue, titleCase } from './util';

/** The report-type line of a title block. */
const REPORT_TYPE = /^(?:WORKSHOP|SUMMARY|FINAL|ANNUAL)\s+REPORT$/i;

interface Para {
  n: number;
  text: string;
  multiLine: boolean;
  afterBreak: boolean;
}

const SECTION_KINDS: [RegExp, string, string][] = [
  [/^background$/i, 'background', 'Background'],
  [/^objectives?$/i, 'objectives', 'Objectives'],
  [/^summary of (?:the )?interventions$/i, 'interventions', 'Summary of interventions'],
];
const NOTE_LINE = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s+(\S.*|)$/;
const SESSION = /^Session\s+([IVXLC]+|\d+)\s*[:.–-]\s*(\S.*)$/;
/** "Ms. Anna di Mattia, Associate …" at the start of an intervention (possibly in bold, after a lead-in). */
// A name's letters: anything but spaces, digits and punctuation (a class small enough for the ReDoS check to prove linear).
const SPEAKER =
  /(\*\*)?\b(Dr|Mr|Mrs|Ms|Prof|H\.E)\.\s+((?:[A-ZÀ-Ý][^\s\d.,;:!?()*"“”[\]<>]+|di|de|da|del|van|von|la|le)(?:\s+(?:[A-ZÀ-Ý][^\s\d.,;:!?()*"“”[\]<>]+|di|de|da|del|van|von|la|le))*)(\*\*)?,\s+/;

const isCapsHeading = (t: string) => t.length < 80 && /[A-Z]/.test(t) && !/[a-z]/.test(t) && !/[.;]$/.test(t);

export function parseWorkshopReport(lines: SourceLine[], ctx: ImportContext): void {
  const notes = new Map<string, { text: string; line: number; used: boolean }>();
  const paras: Para[] = [];
  let blankRun = 0;
  let cur: Para | null = null;
  for (const { n, text: raw } of lines) {
    const t = raw.trimEnd();
    if (t.trim() === '') {
      blankRun++;
      cur = null;
      continue;
    }
    const note = t.match(NOTE_LINE);
    if (note) {
      notes.set(superscriptToDigits(note[1]!), { text: note[2]!.trim(), line: n, used: false });
      blankRun = 0;
      continue;
    }
    const afterBreak = blankRun >= 2;
    blankRun = 0;
    const prev = paras[paras.length - 1];
    // A page break (two or more blank lines) inside a sentence: rejoin.
    if (!cur && afterBreak && prev && !endsParagraph(plainInline(prev.text)) && /^[a-z(“"]/.test(t.trim())) {
      prev.text = `${prev.text} ${t.trim()}`;
      cur = prev;
      continue;
    }
    if (cur) {
      cur.text = `${cur.text}\n${t.trim()}`;
      cur.multiLine = true;
      continue;
    }
    cur = { n, text: t.trim(), multiLine: false, afterBreak };
    paras.push(cur);
  }

  const anchors = (label: string): DocNode | null => {
    const note = notes.get(label);
    if (!note) return null;
    note.used = true;
    return noteFromMarkup(note.text);
  };

  // Title block: what comes before the first known section heading.
  let i = 0;
  const firstSection = paras.findIndex(
    (p) => SECTION_KINDS.some(([re]) => re.test(plainInline(p.text))) || SESSION.test(p.text),
  );
  const titleEnd = firstSection > 0 ? firstSection : 0;
  if (titleEnd > 0) {
    const block = paras.slice(0, titleEnd);
    readTitleBlock(block, ctx);
    // Headed by its report-type line as printed ("WORKSHOP REPORT"), not by the template's name for the section.
    const typeLine = REPORT_TYPE.test(plainInline(block[0]!.text).trim()) ? block[0]! : null;
    const lines = typeLine ? block.slice(1) : block;
    ctx.part(
      null,
      'title-block',
      typeLine ? titleCase(plainInline(typeLine.text).trim()) : 'Title block',
      block[0]!.n,
      lines.map((p) => paragraph(parseInline(p.text, { anchors, superscriptAnchors: true }))),
    );
    i = titleEnd;
  }

  let container: ImportedPart | null = null;
  let current: ImportedPart | null = null;
  let body: DocNode[] = [];
  let items: ListItemInput[] = [];
  let numbered = false;
  let sessionNo = 0;
  const flushList = () => {
    if (items.length) body.push(list(numbered, items, numbered ? { numberFormat: 'decimal-paren' } : {}));
    items = [];
  };
  const flush = () => {
    flushList();
    if (current) setDoc(current, body);
    body = [];
  };

  for (; i < paras.length; i++) {
    const p = paras[i]!;
    const plain = plainInline(p.text);
    const known = SECTION_KINDS.find(([re]) => re.test(plain));
    if (known) {
      flush();
      current = ctx.part(null, known[1], known[2], p.n);
      container = known[1] === 'interventions' ? current : container;
      continue;
    }
    const session = plain.match(SESSION);
    if (session) {
      flush();
      sessionNo++;
      const label = romanValue(session[1]!) || Number(session[1]);
      if (label !== sessionNo)
        ctx.warn(p.n, 'LABEL_GAP', {
          key: 'sessionRenumbered',
          values: { label: session[1]!, number: sessionNo },
        });
      if (!container) container = ctx.part(null, 'interventions', 'Summary of interventions', p.n);
      current = ctx.part(container, 'session', session[2]!.trim(), p.n);
      continue;
    }
    if (isCapsHeading(plain) && !p.multiLine) {
      flush();
      current = ctx.part(null, 'background', titleCase(plain), p.n);
      ctx.warn(p.n, 'UNKNOWN_SECTION', { key: 'unknownSection', values: { heading: plain } }, { partId: current.id });
      continue;
    }
    const lineList = p.text.split('\n');
    if (p.multiLine && lineList.every((l) => /^[-•·]\s/.test(l))) {
      // A list written one item per line: each line is an item.
      paras.splice(
        i + 1,
        0,
        ...lineList.slice(1).map((l, k) => ({ n: p.n + k + 1, text: l, multiLine: false, afterBreak: false })),
      );
      p.text = lineList[0]!;
      p.multiLine = false;
    }
    if (p.multiLine || /is responsible for the contents/i.test(plain)) {
      if (!current || current.kind !== 'contact') {
        flush();
        current = ctx.part(null, 'contact', 'Contact', p.n);
      }
      body.push(
        paragraph(
          p.text
            .split('\n')
            .flatMap((l, k) => [
              ...(k ? [{ type: 'linebreak', version: 1 } as DocNode] : []),
              ...parseInline(l, { anchors }),
            ]),
        ),
      );
      continue;
    }
    if (!current) current = ctx.part(null, 'background', 'Background', p.n);
    if (current.kind === 'background' && !ctx.meta.organisers) {
      const orgs = organisersIn(plain);
      if (orgs.length) ctx.meta.organisers = orgs;
    }
    const li = p.text.match(/^[-•·]\s+(?:(\d+)\.?\)\s+)?(\S.*|)$/);
    if (li) {
      if (items.length && numbered !== Boolean(li[1])) flushList();
      numbered = Boolean(li[1]);
      items.push({ children: parseInline(li[2]!, { anchors }), ...(li[1] ? { value: Number(li[1]) } : {}) });
      continue;
    }
    flushList();
    body.push(
      paragraph(current.kind === 'session' ? speakerInline(p.text, ctx, anchors) : parseInline(p.text, { anchors })),
    );
  }
  flush();
  for (const [label, note] of notes)
    if (!note.used)
      ctx.warn(note.line, 'NOTE_UNANCHORED', {
        key: 'noteUnanchored.noMark',
        values: { number: label },
      });
}

/** An intervention's opening: the speaker becomes a reference into the registry. */
function speakerInline(text: string, ctx: ImportContext, anchors: (l: string) => DocNode | null): DocNode[] {
  const m = text.match(SPEAKER);
  if (!m || (m.index ?? 0) > 200 || ctx.people.find(m[3]!)) return parseInline(text, { anchors });
  const rest = text.slice((m.index ?? 0) + m[0].length);
  const role = rest.match(/^(.*?),\s+(?=[a-z])/)?.[1] ?? '';
  const cleanRole = role.replace(/^(?:an?|the)\s+/i, '');
  const at = splitRole(cleanRole, /\s(?:at|with)\s+(?:the\s+)?/) ?? splitRole(cleanRole, /\sof\s+the\s+/);
  const honorific = `${m[2]}.`;
  const id = ctx.people.add({
    name: m[3]!,
    honorific,
    title: at ? at[1]! : cleanRole,
    organisation: at ? at[2]! : '',
    role: 'Speaker',
  });
  // "… destination, **Ms. Mariana Olivera West**, Third Secretary …": the text before the
  // name keeps its space, and bold opened around the name does not leak into what follows.
  // The name's own bold is the reference's format.
  const before = text.slice(0, m.index);
  const boldBefore = ((before.match(/\*\*/g) ?? []).length % 2 === 1) !== Boolean(m[1]);
  const boldAfter = boldBefore && !m[4];
  const ref = personRef(id, `${honorific} ${m[3]}`);
  return [
    ...parseInline(before, { anchors, trim: 'start' }),
    boldBefore ? ({ ...ref, format: 1 } as DocNode) : ref,
    ...parseInline(`${boldAfter ? '**' : ''}, ${rest}`, { anchors, trim: 'end' }),
  ].filter((n) => !(n.type === 'text' && n.text === ''));
}

function readTitleBlock(block: Para[], ctx: ImportContext): void {
  const texts = block.map((p) => plainInline(p.text.replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '')).replace(/:$/, ''));
  let title = '';
  for (const t of texts) {
    const dates = parseDateRange(t);
    if (dates && !ctx.meta.startDate) {
      Object.assign(ctx.meta, dates);
      const rest = t
        .replace(/^[^,]*\d{4},?\s*/, '')
        .split(/,\s*/)
        .filter(Boolean);
      if (rest.length) ctx.meta.city = rest[rest.length - 1]!;
      if (rest.length > 1) ctx.meta.venue = rest.slice(0, -1).join(', ');
      continue;
    }
    if (REPORT_TYPE.test(t)) {
      ctx.meta.subtitle = titleCase(t);
      continue;
    }
    if (/\bSERIES\b/i.test(t)) {
      ctx.meta.series = titleCase(t);
      continue;
    }
    title = title ? `${title} ${t}` : t;
  }
  ctx.meta.title = titleCase(title);
}

/** "Director at the Ministry" → [, "Director", "Ministry"]: split at the first `sep` (a search, linear). */
function splitRole(role: string, sep: RegExp): [string, string, string] | null {
  const m = sep.exec(role);
  if (!m || m.index === 0) return null;
  return [role, role.slice(0, m.index).trimEnd(), role.slice(m.index + m[0].length)];
}
