/**
 * Summary reports with recommendations (seed 004): markdown whose heading marks do not
 * follow the hierarchy, footnotes as <sup>n</sup> with their texts at page ends, a
 * "Recommendations:" block i., ii., … closing each chapter or sub-section.
 */
import type { DocNode } from '../model/doc-nodes';
import { list, paragraph, runIn, type ListItemInput } from './nodes';
import { noteFromMarkup, parseInline, plainInline } from './inline';
import { type ImportContext, type ImportedPart, setDoc } from './result';
import { type SourceLine, endsParagraph } from './source';
import { addresseeOf, firstWords, organisersIn, parseDateRange, romanValue, squash } from './util';

interface Note {
  n: number;
  text: string;
  line: number;
  used: boolean;
}
interface Item {
  n: number;
  text: string;
}

const NOTE_LINE = /^<sup>\s*(\d{1,3})\s*<\/sup>\s*(\S.*|)$/;

/** Heading text when the line is a markdown heading or a wholly bold paragraph. */
function headingText(t: string): string | null {
  const h = t.match(/^#{1,6}\s+(\S.*|)$/);
  if (h) return plainInline(h[1]!);
  if (/^\*\*[^*].*\*\*$/.test(t.trim()) && t.trim().length < 200) return plainInline(t);
  return null;
}

export function parseSummaryReport(lines: SourceLine[], ctx: ImportContext): void {
  const notes = new Map<number, Note>();
  const items: Item[] = [];
  const toc: { text: string; line: number }[] = [];
  let i = 0;
  while (i < lines.length && lines[i]!.text.trim() === '') i++;

  // Title block: everything before the contents or the first heading.
  const titleLines: SourceLine[] = [];
  while (i < lines.length && !/^#{1,6}\s/.test(lines[i]!.text)) {
    if (lines[i]!.text.trim()) titleLines.push(lines[i]!);
    i++;
  }
  readTitleBlock(titleLines, ctx);

  let lastNote: Note | null = null;
  let afterSeparator = false;
  let inToc = false;
  /** Notes or a separator stood between the last text and this line (a page break). */
  let notesBetween = false;
  for (; i < lines.length; i++) {
    const { n, text: raw } = lines[i]!;
    const t = raw.trimEnd();
    if (t.trim() === '') continue;
    if (/^#{1,6}\s+\**Table of Contents/i.test(t)) {
      inToc = true;
      continue;
    }
    if (inToc) {
      if (/^#{1,6}\s/.test(t)) inToc = false;
      else {
        toc.push({ text: plainInline(t.split('\t')[0]!.replace(/\.{3,}/, '')), line: n });
        continue;
      }
    }
    if (/^-{3,}$/.test(t.trim())) {
      afterSeparator = true;
      notesBetween = true;
      continue;
    }
    const note = t.match(NOTE_LINE);
    if (note) {
      const num = Number(note[1]);
      if (notes.has(num))
        ctx.warn(n, 'DUPLICATE_NOTE_NUMBER', {
          key: 'duplicateNoteNumber',
          values: { number: num },
        });
      lastNote = { n: num, text: note[2]!.trim(), line: n, used: false };
      if (!notes.has(num)) notes.set(num, lastNote);
      afterSeparator = false;
      notesBetween = true;
      continue;
    }
    // A note continued on the next page: lowercase text right after a separator.
    if (afterSeparator && lastNote && /^[a-z]/.test(t) && !endsParagraph(lastNote.text)) {
      lastNote.text = `${lastNote.text} ${t.trim()}`;
      ctx.warn(
        n,
        'NOTE_CONTINUED',
        { key: 'noteContinued', values: { number: lastNote.n } },
        { quote: firstWords(plainInline(lastNote.text)) },
      );
      afterSeparator = false;
      continue;
    }
    afterSeparator = false;
    const prev = items[items.length - 1];
    // Text split by a page break (and the notes in between): rejoin. After the notes of a page
    // break the sentence may go on with a capital ("… the Inter-American" / "Commission on Human Rights …").
    const continues = /^\*?[a-z(]/.test(t) || (notesBetween && /^\*?[A-Z]/.test(t));
    if (
      prev &&
      !headingText(prev.text) &&
      !endsParagraph(plainInline(prev.text)) &&
      continues &&
      !/^-\s/.test(t) &&
      !headingText(t)
    ) {
      prev.text = `${prev.text} ${t.trim()}`;
      notesBetween = false;
      continue;
    }
    notesBetween = false;
    items.push({ n, text: t });
  }

  const anchors = (label: string): DocNode | null => {
    const note = notes.get(Number(label));
    if (!note) return null;
    note.used = true;
    return noteFromMarkup(note.text);
  };

  let current: ImportedPart | null = null;
  let chapter: ImportedPart | null = null;
  let body: DocNode[] = [];
  let bullets: ListItemInput[] = [];
  let recs: ListItemInput[] | null = null;
  let expected = 1;
  const headings: { label: string; title: string; chapter: string }[] = [];
  const flushList = () => {
    if (recs) body.push(list(true, recs, { numberFormat: 'lower-roman', role: 'recommendations' }));
    else if (bullets.length) body.push(list(false, bullets));
    recs = null;
    bullets = [];
  };
  const flushPart = () => {
    flushList();
    if (current) setDoc(current, body);
    body = [];
  };

  for (const it of items) {
    const h = headingText(it.text);
    const t = it.text.trim();
    if (h !== null && /^Recommendations:?$/i.test(h)) {
      flushList();
      body.push(runIn('Recommendations:', []));
      recs = [];
      expected = 1;
      continue;
    }
    if (h !== null) {
      const chap = h.match(/^(\d+)\.\s+(\S.*|)$/);
      const sub = h.match(/^([a-z])\.\s+(\S.*|)$/);
      if (chap) {
        flushPart();
        chapter = current = ctx.part(null, 'chapter', chap[2]!.trim(), it.n);
        headings.push({ label: chap[1]!, title: chap[2]!.trim(), chapter: chap[1]! });
        continue;
      }
      if (sub && chapter) {
        flushPart();
        current = ctx.part(chapter, 'subsection', sub[2]!.trim(), it.n);
        headings.push({
          label: sub[1]!,
          title: sub[2]!.trim(),
          chapter: headings.filter((x) => /^\d/.test(x.label)).pop()?.label ?? '',
        });
        continue;
      }
      if (/^Introduction:?$/i.test(h)) {
        flushPart();
        current = ctx.part(null, 'introduction', 'Introduction', it.n);
        continue;
      }
      flushPart();
      current = ctx.part(chapter, chapter ? 'subsection' : 'chapter', h.replace(/:$/, ''), it.n);
      ctx.warn(
        it.n,
        'UNNUMBERED_HEADING',
        { key: 'unnumberedHeading', values: { heading: h, level: chapter ? 'subsection' : 'chapter' } },
        { partId: current.id },
      );
      continue;
    }
    if (!current) current = ctx.part(null, 'introduction', 'Introduction', it.n);
    const li = t.match(/^-\s+(?:([ivxlc]+)\.\s+)?(\S.*|)$/);
    if (li) {
      if (recs && li[1]) {
        const value = romanValue(li[1]);
        // The place of a warning about the recommendation: its first words.
        const quote = firstWords(plainInline(li[2]!.replace(/^\*/, '')));
        if (value !== expected) {
          ctx.warn(
            it.n,
            value < expected ? 'DUPLICATE_LABEL' : 'LABEL_GAP',
            {
              key: value < expected ? 'recommendation.repeated' : 'recommendation.skipped',
              values: { label: li[1]!, number: expected },
            },
            { partId: current.id, quote },
          );
        }
        // Follow the source's own count after a fault, so one fault gives one warning.
        expected = value + 1;
        let content = li[2]!.trim();
        // Broken italics (anatomy §5.5): a closing "*" without its opening one.
        if (!content.startsWith('*') && /\*$/.test(content) && (content.match(/\*/g) ?? []).length % 2 === 1)
          content = `*${content}`;
        const addressee = addresseeOf(plainInline(content));
        if (!addressee) {
          ctx.warn(
            it.n,
            'ADDRESSEE_UNKNOWN',
            { key: 'recommendation.noAddressee', values: { label: li[1]! } },
            { partId: current.id, quote },
          );
        }
        recs.push({ children: parseInline(content, { anchors }), addressee, theme: current.title });
      } else {
        if (recs) flushList();
        bullets.push({ children: parseInline(li[2]!, { anchors }) });
      }
      continue;
    }
    flushList();
    if (current.kind === 'introduction' && !ctx.meta.organisers) {
      const orgs = organisersIn(plainInline(t));
      if (orgs.length) ctx.meta.organisers = orgs;
    }
    body.push(paragraph(parseInline(t, { anchors })));
  }
  flushPart();

  for (const note of notes.values()) {
    if (!note.used)
      ctx.warn(note.line, 'NOTE_UNANCHORED', { key: 'noteUnanchored.noMark', values: { number: note.n } });
  }
  const texts = new Map<string, number>();
  for (const note of notes.values()) {
    const key = squash(plainInline(note.text)).toLowerCase();
    const first = texts.get(key);
    if (first !== undefined)
      ctx.warn(
        note.line,
        'DUPLICATE_NOTE',
        { key: 'duplicateNote', values: { first, second: note.n } },
        { quote: firstWords(plainInline(note.text)) },
      );
    else texts.set(key, note.n);
  }
  compareToc(toc, headings, ctx);
}

function readTitleBlock(lines: SourceLine[], ctx: ImportContext): void {
  const texts = lines.map((l) => plainInline(l.text));
  const reportType = texts.find((t) => /^(Summary|Final|Workshop|Annual)\s+Report$/i.test(t));
  const head: string[] = [];
  for (const t of texts) {
    if (t === reportType) continue;
    const dates = parseDateRange(t);
    if (dates && /^\d/.test(t)) {
      Object.assign(ctx.meta, dates);
      continue;
    }
    const place = t.match(/^([\p{L} .'-]+),([\p{L} .'-]+)$/u);
    if (place && t.length < 60) {
      ctx.meta.city = place[1]!.trim();
      ctx.meta.country = place[2]!.trim();
      continue;
    }
    head.push(t);
  }
  const full = squash(head.join(' '));
  const dash = full.split(/\s[–—-]\s/).map((s) => s.trim());
  ctx.meta.title = dash[0]!;
  if (dash.length > 1) ctx.meta.subtitle = dash.slice(1).join(' – ');
  if (reportType) ctx.meta.subtitle = ctx.meta.subtitle ? `${ctx.meta.subtitle}. ${reportType}` : reportType;
}

/** The contents page is not imported (it is generated); where it disagrees with the body, say so. */
function compareToc(
  toc: { text: string; line: number }[],
  headings: { label: string; title: string; chapter: string }[],
  ctx: ImportContext,
): void {
  let chapter = '';
  let inAnnexes = false;
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  for (const e of toc) {
    if (/^Annex(es)?$/i.test(e.text)) {
      inAnnexes = true;
      continue;
    }
    if (inAnnexes) {
      const generated = /recommendations/i.test(e.text);
      ctx.warn(e.line, 'ANNEX_ABSENT', {
        key: generated
          ? 'annexAbsent.generated'
          : /participants/i.test(e.text)
            ? 'annexAbsent.participants'
            : 'annexAbsent.listed',
        values: { title: e.text },
      });
      continue;
    }
    const m = e.text.match(/^(\d+|[a-z])\.\s+(\S.*|)$/);
    if (!m) continue;
    if (/^\d/.test(m[1]!)) chapter = m[1]!;
    const h = headings.find((x) => x.label === m[1] && (/^\d/.test(m[1]!) || x.chapter === chapter));
    if (!h)
      ctx.warn(e.line, 'TOC_MISMATCH', {
        key: 'tocMismatch.noHeading',
        values: { entry: e.text },
      });
    else if (norm(h.title) !== norm(m[2]!)) {
      ctx.warn(e.line, 'TOC_MISMATCH', {
        key: 'tocMismatch.wording',
        values: { label: m[1]!, listed: m[2]!, heading: h.title },
      });
    }
  }
}
