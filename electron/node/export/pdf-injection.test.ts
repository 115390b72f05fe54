/**
 * Issue 11.2 / 17.5: the proceedings reach Typst as data. Text full of Typst syntax (and of
 * HTML that once broke out of the print style sheet) is put in every metadata field and every
 * element kind; the PDF must print all of it as typed, and nothing in it may run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compile/compile';
import { richConference, richTemplate } from '../../../shared/compile/fixtures';
import type { ConferenceSource } from '../../../shared/compile/compile';
import { exportBytes } from './export-service';
import { pdfStructure } from './pdf-structure.testkit';
import { pdfInfo, tempDir, tool } from './readers.testkit';

const payload = (i: number) =>
  `INJ17x${i}: #read("/etc/passwd") #import "lib/rapporteur.typ": * $x^2$ *b* _i_ @r <l> ] [ \\ // #{1+1} </style><script>alert(1)</script>`;

/** Where each payload went, by field name. */
const fields = new Map<string, number>();
let next = 0;
const mark = (name: string, value: string): string => {
  const i = next++;
  fields.set(`${name} #${i}`, i);
  return `${value} ${payload(i)}`;
};

const TEXT_KEYS = new Set(['text', 'caption', 'source', 'alt', 'attribution', 'delegation', 'label', 'addressee']);

/** Appends a payload to every text a part's document holds (not to types, urls or pictures), named by its element. */
function markDoc(node: unknown, where: string, element = 'root'): void {
  if (Array.isArray(node)) {
    node.forEach((n) => markDoc(n, where, element));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  // A paragraph inside a cell or an item is named by its container.
  const kind =
    typeof o.type === 'string' && o.type !== 'text' && !(o.type === 'paragraph' && element !== 'root')
      ? o.type
      : element;
  for (const [k, v] of Object.entries(o)) {
    if (TEXT_KEYS.has(k) && typeof v === 'string' && v.trim()) o[k] = mark(`${where}/${kind}.${k}`, v);
    else if (k === 'names' && Array.isArray(v)) o[k] = v.map((n) => mark(`${where}/${kind}.names`, String(n)));
    else if (typeof v === 'object') markDoc(v, where, kind);
  }
}

function injected(): ConferenceSource {
  const src = richConference();
  const m = src.meta;
  for (const k of [
    'title',
    'subtitle',
    'series',
    'seriesNumber',
    'symbol',
    'venue',
    'city',
    'country',
    'originalLanguage',
  ] as const)
    m[k] = mark(`meta.${k}`, m[k]);
  m.issuingBodies = m.issuingBodies.map((b) => mark('meta.issuingBodies', b));
  m.organisers = m.organisers.map((b) => mark('meta.organisers', b));
  for (const p of src.parts) {
    p.title = mark(`part ${p.id}.title`, p.title);
    markDoc(p.doc, `part ${p.id}`);
  }
  for (const person of src.participants) {
    for (const k of ['name', 'title', 'organisation', 'country', 'group', 'role'] as const)
      if (person[k]) person[k] = mark(`participant.${k}`, person[k]);
  }
  for (const a of src.agenda) {
    a.day = mark('agenda.day', a.day);
    a.title = mark('agenda.title', a.title);
  }
  return src;
}

/** Text with line breaks, hyphenation and spacing taken out, straight quotes for the language's own. */
const flat = (s: string) =>
  s
    .replace(/(\p{L})-\n/gu, '$1')
    .replace(/[“”«»]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, '');

let text = '';
let pdf = '';
let source: ConferenceSource;

beforeAll(async () => {
  source = injected();
  const r = await exportBytes({
    source,
    template: richTemplate(),
    format: 'pdf',
    options: { partIds: null, annexes: true, watermark: false, issueDate: '2026-11-24' },
  });
  pdf = path.join(tempDir('pdf-injection'), 'injected.pdf');
  fs.writeFileSync(pdf, r.bytes);
  // In the order Typst wrote the text, so side-by-side columns (the masthead) do not interleave.
  text = tool('pdftotext', ['-raw', pdf, '-']);
}, 120_000);

describe('text full of Typst syntax and HTML in every field', () => {
  it('prints every payload exactly as typed, in every element kind and metadata field', () => {
    // Every marker printed is followed by its whole payload: nothing was read as markup or code.
    const markers = [...text.matchAll(/INJ17x(\d+):/g)].map((m) => Number(m[1]));
    expect(markers.length).toBeGreaterThan(40);
    const pages = text.split('\f').map(flat);
    let crossing = 0;
    pages.forEach((page, p) => {
      for (const m of page.matchAll(/INJ17x(\d+):/g)) {
        const want = flat(payload(Number(m[1])));
        const rest = page.slice(m.index);
        if (rest.startsWith(want)) continue;
        // A payload running onto the next page: its start ends this page's text (the notes
        // at the foot come after it), the rest is on the next page.
        let k = 0;
        while (k < want.length && rest[k] === want[k]) k++;
        expect(k, `payload ${m[1]} on page ${p + 1}`).toBeGreaterThan(8);
        expect(pages[p + 1], `payload ${m[1]} continued on page ${p + 2}`).toContain(want.slice(k));
        crossing++;
      }
    });
    expect(crossing).toBeLessThan(pages.length);
    // What each element kind and field must show somewhere in the PDF.
    const mustPrint = [
      'meta.title',
      'meta.subtitle',
      'meta.symbol',
      'meta.series',
      'meta.issuingBodies',
      'meta.organisers',
      'meta.originalLanguage',
      'part partA.title',
      'part unit1.title',
      'part abstract/paragraph.text',
      'part partA/footnote.text',
      'part partA/epigraph.attribution',
      'part partA/delegation-statement.delegation',
      'part unit1/figure.caption',
      'part unit1/figure.source',
      'part unit1/presentation.text',
      'part unit1/commentator.text',
      'part unit1/run-in.label',
      'part unit1/tablecell.text',
      'part unit1/listitem.text',
      'participant.name',
      'participant.organisation',
      'agenda.title',
      'agenda.day',
    ];
    const shown = new Set(markers);
    const missing = mustPrint.filter((field) => {
      const ids = [...fields].filter(([k]) => k.startsWith(`${field} #`)).map(([, i]) => i);
      return ids.length === 0 || !ids.some((i) => shown.has(i));
    });
    expect(missing).toEqual([]);
  });

  it('reads no file and runs nothing', () => {
    expect(text).not.toMatch(/root:x?:?0:0/);
    // #{1+1} printed as typed, not as 2; math and strong emphasis not applied.
    expect(flat(text)).toContain(flat('#{1+1}'));
    expect(flat(text)).toContain(flat('$x^2$ *b* _i_'));
  });

  it('keeps the payloads literal in the title, the bookmarks and the table cells', () => {
    const title = compile(source, richTemplate(), { partIds: null, annexes: true, watermark: false }).cover.title;
    expect(flat(pdfInfo(pdf).Title ?? '')).toBe(flat(title));
    const s = pdfStructure(pdf);
    const partA = s.outline.find((o) => o.title.includes('Introduction and opening statements'));
    expect(partA, 'bookmark of part A').toBeDefined();
    expect(flat(partA!.title)).toContain(
      flat(payload(fields.get([...fields.keys()].find((k) => k.startsWith('part partA.title #'))!)!)),
    );
    expect(s.tables.length).toBeGreaterThan(2);
  });
});
